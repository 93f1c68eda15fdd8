"""Run the pipeline over input paths: the one entry point the CLI, the API and the executors share."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import chain
from dataclasses import dataclass

from herald.ingest import Limits, read_articles
from herald.pipeline import Pipeline, PipelineOptions, batches
from herald.records import Article, ArticleResult, Failure

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
    return code_articles(read_articles(paths, limits), options, workers=workers, kb=kb)


def code_articles(items: Iterable[Article | Failure], options: PipelineOptions | None = None, *, workers: int = 1,
                  kb=None) -> Iterator[ArticleResult | Failure]:
    """`run_pipeline` over a stream of articles already read (Failures pass through): one result per item, in
    order. The pipeline (or the worker pool) is built when the first article arrives: a stream with nothing to code
    (every article already stored) costs nothing."""
    options = options or PipelineOptions()
    items = iter(items)
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        rest = chain([item], items)
        if workers > 1:
            from herald.executors import run_parallel

            yield from run_parallel(rest, options, workers, kb=kb)
        else:
            yield from _run_local(rest, options, kb)
        return


def _run_local(items: Iterable[Article | Failure], options: PipelineOptions, kb) -> Iterator[ArticleResult | Failure]:
    """The local executor: the pipeline in this process, batch by batch, each within the per-article time limit."""
    from herald.executors.parallel import run_chunk

    pipeline = Pipeline.default(options, kb=kb)
    for chunk in batches(items, options.batch_size):
        yield from run_chunk(pipeline, chunk, options.article_timeout)


def report_failure(failure: Failure) -> str:
    where = failure.source or "?"
    return f"failed: {failure.article_id or '(no id)'} ({where}): [{failure.code}] {failure.reason}"
