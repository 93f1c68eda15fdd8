"""A wall-clock limit on a block of code, for the per-article time limit of every executor.

The limit is a SIGALRM timer: it interrupts Python code at the next bytecode, and a native call (a spaCy
component, a regular expression) when it returns to Python. It works in the main thread of a process, which is
where the local runner, the worker processes and Spark's Python workers run the pipeline; elsewhere (a server's
request threads) and on platforms without SIGALRM the block runs without a limit.
"""
from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


class Expired(BaseException):
    """The limit ran out. A BaseException, so the pipeline's per-article `except Exception` handlers do not take it
    for an error of the article that happened to be running: the executor decides whose fault it is."""


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `Expired` in the block once `seconds` have passed (None, or no SIGALRM here: no limit)."""
    if seconds is None or not can_limit():
        yield
        return

    def expire(signum, frame) -> None:
        raise Expired(f"over the limit of {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
