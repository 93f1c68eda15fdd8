"""Ingest articles into a store: run the pipeline, write in batches (one writer), keep the actor KB growing."""
from __future__ import annotations

import gzip
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from herald.ingest import Limits, read_articles
from herald.ingest.reader import files_under, kind_of
from herald.output import json_line
from herald.pipeline import PipelineOptions, batches
from herald.records import Article, ArticleResult, Failure
from herald.runner import Counts, code_articles, report_failure
from herald.store import Store, WriteStats

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did. Articles already stored (same id and content, or the same content under another id) are
    recognised before any NLP: they count as processed and as `unchanged`/`duplicates`, and in `skipped`; `parsed`
    counts the articles sent to the pipeline."""

    db: str
    counts: Counts = field(default_factory=Counts)
    stats: WriteStats = field(default_factory=WriteStats)
    skipped: int = 0
    parsed: int = 0

    def describe(self) -> str:
        c, s = self.counts, self.stats
        return (f"{c.total} articles: {c.processed} processed ({s.new} new, {s.replaced} updated, "
                f"{s.unchanged} already stored, {s.duplicates} duplicates of stored stories; {self.skipped} of "
                f"them recognised without parsing), {c.failed} failed; "
                f"{s.events} events and {s.failures} new failures written to {self.db}")


def skip_stored(items: Iterable[Article | Failure], store: Store, summary: IngestSummary, *,
                lookahead: int = 256, on_skip: Callable[[], None] | None = None) -> Iterator[Article | Failure]:
    """The articles the store does not hold yet, in order: an article whose id and content hash are stored
    (`unchanged`), or whose content is stored under another id (`duplicates`), is counted in `summary` and never
    reaches the pipeline. The store is asked once per `lookahead` articles. The same decision as `Store.write`,
    which still decides for articles that repeat one another within this run."""
    for chunk in batches(items, lookahead):
        articles = [item for item in chunk if isinstance(item, Article)]
        by_id, known_hashes = store.stored_versions([a.id for a in articles], [a.content_hash for a in articles])
        for item in chunk:
            if isinstance(item, Article):
                if by_id.get(item.id) == item.content_hash:
                    summary.stats.unchanged += 1
                elif item.content_hash in known_hashes:
                    summary.stats.duplicates += 1
                else:
                    summary.parsed += 1
                    yield item
                    continue
                summary.skipped += 1
                summary.counts.processed += 1
                if on_skip is not None:
                    on_skip()
                continue
            yield item


def store_results(store: Store, results: list[ArticleResult], failures: list[Failure], learned) -> WriteStats:
    """Write a batch and teach the actor KB `learned` what the newly stored articles say (re-ingesting stored
    articles teaches nothing), then save it, and cluster what was stored (`herald.clusters`). The one write path of
    `herald ingest` and the REST API."""
    from herald.clusters import Clusterer

    stats = store.write(results, failures)
    written = set(stats.written_ids)
    if written and learned is not None:
        for result in results:
            if result.article.id in written:
                learned.learn(result.actors, result.article.published)
        store.save_actor_kb(learned)
    Clusterer(store).update()
    return stats


def examples_dir() -> Path:
    """The example articles bundled in the package (written by us, see its README)."""
    from importlib import resources

    return Path(str(resources.files("herald") / "examples"))


def count_articles(paths: Iterable[str]) -> int | None:
    """A quick count of the articles under `paths` for the progress bar (None for stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = files_under(path) if path.is_dir() else [path]
        for file in files:
            kind = kind_of(file)
            if kind not in ("jsonl", "jsonl.gz") or not file.exists():  # a WARC file counts as one
                total += 1
                continue
            opener = gzip.open if kind == "jsonl.gz" else open
            try:
                with opener(file, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
    return total


def ingest_paths(paths: list[str], db: str | Path, options: PipelineOptions | None = None,
                 limits: Limits | None = None, *, workers: int = 1, failures_path: str | Path | None = None,
                 progress: bool = False, batch_size: int = 64) -> IngestSummary:
    options = options or PipelineOptions()
    summary = IngestSummary(db=str(db))
    with Store.open(db) as store:
        kb = store.load_actor_kb()  # what earlier runs taught: read-only while this run codes articles
        learned = store.load_actor_kb()  # the same, growing with this run, saved after each batch
        failures_fh = open(failures_path, "w", encoding="utf-8") if failures_path else None
        bar = _progress(count_articles(paths)) if progress else None
        fresh = skip_stored(read_articles(paths, limits), store, summary, on_skip=bar.advance if bar else None)
        results = code_articles(fresh, options, workers=workers, kb=kb)
        done: list[ArticleResult] = []
        failed: list[Failure] = []

        def flush() -> None:
            summary.stats.add(store_results(store, done, failed, learned))
            done.clear()
            failed.clear()

        try:
            for item in results:
                summary.counts.add(item)
                if isinstance(item, Failure):
                    failed.append(item)
                    log.warning(report_failure(item))
                    if failures_fh:
                        failures_fh.write(json_line(item.to_dict()) + "\n")
                else:
                    done.append(item)
                if bar is not None:
                    bar.advance()
                if len(done) + len(failed) >= batch_size:
                    flush()
            flush()
        finally:
            if bar is not None:
                bar.close()
            if failures_fh:
                failures_fh.close()
    return summary


class _progress:
    """A rich progress bar on stderr."""

    def __init__(self, total: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=False)
        self._progress.start()
        self._task = self._progress.add_task("ingest", total=total)

    def advance(self) -> None:
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()
