"""Run the pipeline over input paths: the one entry point the CLI, the API and the executors share."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from herald.ingest import Limits, read_articles
from herald.pipeline import Pipeline, PipelineOptions
from herald.records import ArticleResult, Failure

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Counts:
    """Articles in = processed + failed (a bad input record counts as one failed article)."""

    processed: int = 0
    failed: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return self.processed + self.failed

    def add(self, item: ArticleResult | Failure) -> None:
        if isinstance(item, Failure):
            self.failed += 1
        else:
            self.processed += 1
            self.events += len(item.events)


def run_pipeline(paths: Iterable[str], options: PipelineOptions | None = None, limits: Limits | None = None,
                 workers: int = 1, kb=None) -> Iterator[ArticleResult | Failure]:
    """Yield one ArticleResult or Failure per input article, in input order. `kb`: the actor knowledge base to
    code against (read-only during the run), in this process or in every worker."""
    options = options or PipelineOptions()
    if workers > 1:
        from herald.executors import run_parallel

        yield from run_parallel(list(paths), options, limits, workers, kb=kb)
        return
    yield from Pipeline.default(options, kb=kb).run(read_articles(paths, limits))


def report_failure(failure: Failure) -> str:
    where = failure.source or "?"
    return f"failed: {failure.article_id or '(no id)'} ({where}): [{failure.code}] {failure.reason}"
