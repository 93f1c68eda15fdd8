"""Run the pipeline in worker processes on one machine.

Each worker process builds its processor (the Herald pipeline) once, in the pool's initializer. The parent reads
articles as a stream and sends them in chunks that are exactly the batches one in-process `Pipeline.run` would
form, so results do not depend on the number of workers. At most `workers * prefetch` chunks are in flight: memory
stays bounded whatever the input size, and results come back in input order.

A worker that dies (a segfault in a native library, the out-of-memory killer) breaks the pool. The runner then
restarts it and re-runs each chunk that was in flight alone, so the chunk that kills a worker is found; that chunk
is re-run one article at a time, and the article that kills a worker again becomes a Failure. Every other article
still gets its result.

A per-article time limit (`time_limit`, `--article-timeout`) is enforced inside each worker by `run_chunk`: a chunk
that runs over is re-run article by article, and the article over the limit becomes a Failure (E191).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from herald.errors import ArticleTimeout, ConfigError, ModelError, ProcessingError
from herald.executors.deadline import Expired, deadline
from herald.pipeline import batches as chunks_of  # the batches Pipeline.run forms, one per task
from herald.records import Article, ArticleResult, Failure

if TYPE_CHECKING:
    from herald.actors import ActorKB
    from herald.pipeline import PipelineOptions

log = logging.getLogger(__name__)

Item = Article | Failure
Result = ArticleResult | Failure


class BatchProcessor(Protocol):
    """What a worker runs: `Pipeline` is one (`run` yields one result per item, in order)."""

    def run(self, items: Iterable[Item]) -> Iterator[Result]: ...


@dataclass(frozen=True, slots=True)
class PipelineFactory:
    """Builds the standard pipeline in a worker. Picklable: it crosses to the worker processes."""

    options: "PipelineOptions"
    kb: "ActorKB | None" = None

    def __call__(self) -> BatchProcessor:
        from herald.pipeline import Pipeline

        return Pipeline.default(self.options, kb=self.kb)


@dataclass(slots=True)
class WorkerStats:
    """What the workers reported: peak resident memory per worker process (bytes), and crashes survived."""

    peak_rss: dict[int, int] = field(default_factory=dict)
    crashes: int = 0


def run_chunk(processor: BatchProcessor, items: list[Item], time_limit: float | None = None) -> list[Result]:
    """Run one chunk; never raises for an article (a Python error becomes that article's Failure). `time_limit`:
    seconds per article; the chunk may take that times its articles, and if it takes longer its articles are run
    one at a time, each within the limit, and the one that exceeds it becomes a Failure (E191). Shared by the local
    runner, the worker processes here and the Spark executors."""
    articles = sum(1 for item in items if isinstance(item, Article))
    try:
        with deadline(time_limit * articles if time_limit and articles else None):
            return list(processor.run(items))
    except Expired:
        log.warning("a chunk of %d articles took over %s s per article; processing it article by article",
                    articles, time_limit)
    except Exception:  # noqa: BLE001 - the processor broke on the chunk: isolate the article
        log.exception("a chunk of %d items failed; processing it item by item", len(items))
    return [_run_one(processor, item, time_limit) for item in items]


def _run_one(processor: BatchProcessor, item: Item, time_limit: float | None = None) -> Result:
    if isinstance(item, Failure):
        return item
    try:
        with deadline(time_limit):
            return next(iter(processor.run([item])))
    except Expired:
        log.error("article %s took longer than %s s; reported as a failure", item.id, time_limit)
        return Failure(item.id, item.source, f"processing took longer than the limit of {time_limit:g} s per "
                       "article (--article-timeout)", ArticleTimeout.code, "code")
    except Exception as exc:  # noqa: BLE001
        return Failure(item.id, item.source, f"internal error: {type(exc).__name__}: {exc}",
                       ProcessingError.code, "code")


# -- in the worker process -------------------------------------------------------------------------------------
_processor: BatchProcessor | None = None


def _init_worker(factory: Callable[[], BatchProcessor], ready: "multiprocessing.Queue") -> None:
    global _processor
    try:
        _processor = factory()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises a clear error
        ready.put((os.getpid(), f"{type(exc).__name__}: {exc}"))
        raise
    ready.put((os.getpid(), None))


def _noop() -> None:
    return None


def _peak_rss() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def _process_chunk(items: list[Item], time_limit: float | None = None) -> tuple[list[Result], int, int]:
    assert _processor is not None, "worker not initialised"
    return run_chunk(_processor, items, time_limit), os.getpid(), _peak_rss()


# -- in the parent ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Chunk:
    items: list[Item]
    future: "Future | None" = None
    results: list[Result] | None = None


class ParallelRunner:
    """A pool of worker processes, each holding one processor. Use as a context manager:

    >>> with ParallelRunner(PipelineFactory(options), workers=2) as runner:  # doctest: +SKIP
    ...     for result in runner.run(read_articles(paths)):
    ...         ...
    """

    def __init__(self, factory: Callable[[], BatchProcessor], workers: int, *, batch_size: int = 32,
                 prefetch: int = 2, start_method: str = "spawn", start_timeout: float = 600.0,
                 time_limit: float | None = None):
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
        self.factory = factory
        self.workers = workers
        self.batch_size = batch_size
        self.window = workers * max(1, prefetch)
        self.start_timeout = start_timeout
        self.time_limit = time_limit  # seconds per article, enforced in the workers (run_chunk)
        self.stats = WorkerStats()
        self._context = multiprocessing.get_context(start_method)
        self._pool: ProcessPoolExecutor | None = None

    # -- pool lifecycle ------------------------------------------------------------------------------------------
    def __enter__(self) -> "ParallelRunner":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> float:
        """Start the workers and wait until each has built its processor. Returns the seconds it took."""
        if self._pool is not None:
            return 0.0
        began = time.perf_counter()
        ready = self._context.Queue()
        self._pool = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_init_worker,
                                         initargs=(self.factory, ready))
        # A spawning pool starts one process per submit while none is idle: one no-op task per worker starts all.
        probes = [self._pool.submit(_noop) for _ in range(self.workers)]
        started = 0
        deadline = time.monotonic() + self.start_timeout
        while started < self.workers:
            try:
                _pid, error = ready.get(timeout=0.5)
            except queue.Empty:
                broken = next((p.exception() for p in probes if p.done() and p.exception() is not None), None)
                if broken is not None or time.monotonic() > deadline:
                    self.close()
                    reason = f"they died: {broken}" if broken else f"not within {self.start_timeout:.0f} s"
                    raise ModelError(f"the worker processes did not start ({reason})") from None
                continue
            if error is not None:
                self.close()
                raise ModelError(f"a worker process could not build the pipeline: {error}")
            started += 1
        elapsed = time.perf_counter() - began
        log.info("%d worker processes ready in %.1f s", self.workers, elapsed)
        return elapsed

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _restart(self) -> None:
        self.stats.crashes += 1
        self.close()
        self.start()

    # -- running -------------------------------------------------------------------------------------------------
    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """One result per item, in input order."""
        self.start()
        chunks = chunks_of(items, self.batch_size)
        pending: deque[_Chunk] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                items_of_chunk = next(chunks, None)
                if items_of_chunk is None:
                    exhausted = True
                    break
                chunk = _Chunk(items_of_chunk)
                chunk.future = self._submit(chunk.items)
                pending.append(chunk)
            if not pending:
                return
            head = pending[0]
            if head.results is None:
                try:
                    head.results = self._collect(head.future)
                except BrokenProcessPool:
                    self._recover(pending)
                    continue
            pending.popleft()
            yield from head.results

    def _submit(self, items: list[Item]) -> Future:
        assert self._pool is not None
        try:
            return self._pool.submit(_process_chunk, items, self.time_limit)
        except BrokenProcessPool as exc:  # broke since the last look: this chunk is re-run by the recovery
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _collect(self, future: "Future | None") -> list[Result]:
        assert future is not None
        results, pid, peak = future.result()
        self.stats.peak_rss[pid] = max(peak, self.stats.peak_rss.get(pid, 0))
        return results

    def _recover(self, pending: deque[_Chunk]) -> None:
        """A worker died. Keep what finished; re-run each chunk that was in flight alone, to find the culprit."""
        suspects = []
        for chunk in pending:
            if chunk.results is not None:
                continue
            future = chunk.future
            if future is not None and future.done() and not future.cancelled() and future.exception() is None:
                chunk.results = self._collect(future)
            else:
                suspects.append(chunk)
        log.warning("a worker process died; re-running the %d chunks that were in flight one at a time",
                    len(suspects))
        self._restart()
        for chunk in suspects:
            chunk.results = self._isolate(chunk.items)

    def _isolate(self, items: list[Item]) -> list[Result]:
        """Run `items` alone in the pool; if a worker dies on them, split them, down to the single article."""
        try:
            return self._collect(self._submit(items))
        except BrokenProcessPool:
            self._restart()
        articles = [i for i in items if isinstance(i, Article)]
        if len(articles) <= 1:
            return [self._crash_failure(i) if isinstance(i, Article) else i for i in items]
        results: list[Result] = []
        for item in items:
            results.extend(self._isolate([item]) if isinstance(item, Article) else [item])
        return results

    @staticmethod
    def _crash_failure(article: Article) -> Failure:
        log.error("article %s kills the worker process; reported as a failure", article.id)
        return Failure(article.id, article.source, "the worker process died while processing it "
                       "(a crash in a native library, or out of memory)", ProcessingError.code, "nlp")


def run_parallel(items: Iterable[Item], options: "PipelineOptions", workers: int, *,
                 kb: "ActorKB | None" = None) -> Iterator[Result]:
    """`herald.runner.code_articles` for workers > 1: code the articles (read here, in the parent) in `workers`
    processes (each builds `Pipeline.default(options, kb=kb)` once), yield results in input order, as one worker
    would."""
    with ParallelRunner(PipelineFactory(options, kb), workers, batch_size=options.batch_size,
                        time_limit=options.article_timeout) as runner:
        yield from runner.run(items)
