"""The watch loop: scan the folder, code every ready new or changed file batch by batch through the store's single
writer, count, log, repeat until stopped. One bad file is a Failure (or an error in the status); the loop goes on."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from herald.ingest import Limits, read_articles
from herald.ingestion import IngestSummary, skip_stored, store_results
from herald.lazy_pipeline import LazyPipeline
from herald.records import Article, ArticleResult, Failure
from herald.runner import Counts, report_failure
from herald.store import Store
from herald.watch import state
from herald.watch.scanner import FileSignature, FolderScanner

log = logging.getLogger(__name__)

# The store's single writer, held for one batch; `changes=False` when the holder writes nothing the API reads.
Writer = Callable[..., AbstractContextManager[Store]]


@dataclass(slots=True)
class WatchStatus:
    """What `/api/health` and the log report about the watcher."""

    directory: str
    running: bool = False
    files_seen: int = 0  # article files under the folder at the last scan
    files_coded: int = 0  # file versions read since the watcher started
    articles_processed: int = 0
    articles_failed: int = 0
    events: int = 0
    last_scan: str | None = None  # ISO time (UTC) of the last finished scan
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Watcher:
    def __init__(self, scanner: FolderScanner, writer: Writer, pipelines: LazyPipeline, *,
                 limits: Limits | None = None, interval: float = 2.0, batch_size: int = 32):
        self.scanner = scanner
        self.interval = interval
        self.batch_size = batch_size
        self._writer = writer
        self._pipelines = pipelines
        self._limits = limits or Limits()
        self._known: dict[str, FileSignature] | None = None  # loaded from the store on the first scan
        self._status = WatchStatus(directory=str(scanner.folder))
        self._status_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- state -----------------------------------------------------------------------------------------------------
    def status(self) -> WatchStatus:
        with self._status_lock:
            return WatchStatus(**self._status.to_dict())

    def _update(self, **changes: Any) -> None:
        with self._status_lock:
            for name, value in changes.items():
                setattr(self._status, name, value)

    # -- running ---------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Run the loop in a background thread (`herald serve --watch`)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="herald-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """Ask the loop to stop (it finishes the batch it is coding) and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run(self) -> None:
        """Scan every `interval` seconds until `stop()`."""
        self._update(running=True)
        log.info("watching %s (every %.1f s)", self.scanner.folder, self.interval)
        try:
            while not self._stop.is_set():
                self.scan_once()
                self._stop.wait(self.interval)
        finally:
            self._update(running=False)
            s = self.status()
            log.info("stopped watching %s: %d files, %d articles processed, %d failed, %d events", s.directory,
                     s.files_coded, s.articles_processed, s.articles_failed, s.events)

    def scan_once(self) -> int:
        """Code every ready new or changed file; returns how many files were read. Never raises: an error is
        logged and kept as `last_error`, and that file version is not tried again until it changes."""
        try:
            if self._known is None:
                with self._writer(changes=False) as store:
                    self._known = state.load_signatures(store)
            scan = self.scanner.scan(self._known)
        except Exception as exc:  # noqa: BLE001 - the loop must survive a store or disk error
            self._error(f"scanning {self.scanner.folder} failed: {exc}")
            return 0
        coded = 0
        for path, signature in scan.ready:
            if self._stop.is_set():
                break
            self._known[str(path)] = signature
            try:
                self._code_file(path, signature)
                coded += 1
            except Exception as exc:  # noqa: BLE001
                self._error(f"{path}: {type(exc).__name__}: {exc}")
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self._update(files_seen=scan.files, last_scan=now)
        if coded:
            s = self.status()
            log.info("scan of %s: %d files coded (%d waiting to settle); totals: %d files, %d articles processed, "
                     "%d failed, %d events", s.directory, coded, scan.settling, s.files_coded,
                     s.articles_processed, s.articles_failed, s.events)
        return coded

    def _code_file(self, path: Path, signature: FileSignature) -> None:
        counts = Counts()
        for batch in _chunks(read_articles([path], self._limits), self.batch_size):
            if self._stop.is_set():
                log.info("%s: stopped before the end; it is read again at the next start", path)
                return
            results: list[ArticleResult] = []
            failures: list[Failure] = []
            with self._writer(changes=False) as store:
                known = IngestSummary(db=str(store.path))
                fresh = list(skip_stored(batch, store, known))  # stored articles of a changed file: no NLP
            counts.processed += known.skipped
            if fresh:
                with self._writer() as store:  # POSTs and other batches wait at most one batch
                    pipeline, learned = self._pipelines.get(store)
                    for item in pipeline.run(fresh):
                        counts.add(item)
                        (failures if isinstance(item, Failure) else results).append(item)
                    store_results(store, results, failures, learned)
            for failure in failures:
                log.warning(report_failure(failure))
            with self._status_lock:
                self._status.articles_processed += len(results)
                self._status.articles_failed += len(failures)
                self._status.events += sum(len(r.events) for r in results)
        with self._writer(changes=False) as store:  # the watcher's own table: no answer changes
            state.record_file(store, str(path), signature, counts.processed, counts.failed)
        with self._status_lock:
            self._status.files_coded += 1
        log.info("coded %s: %d articles processed (%d events), %d failed", path, counts.processed, counts.events,
                 counts.failed)

    def _error(self, message: str) -> None:
        log.error("watch: %s", message)
        self._update(last_error=message)


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    chunk: list[Article | Failure] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
