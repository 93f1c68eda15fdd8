"""Answers of the read endpoints kept as encoded JSON, keyed by the endpoint, its validated parameters and the
store's version (`Database.version`, moved on by every write this server makes).

Why it is safe: the server is the only process that can write its store (DuckDB allows one read-write process, and
none while a read-only one holds the file), and every write goes through `Database.writer`, which moves the version
on before the write's request answers. An answer is stored under the version read *before* its queries ran, so an
answer computed while a write was going on is never served after that write: later requests look up the new version.

Bounded (least recently used out first, by entries and by bytes). Concurrent requests for the same missing answer
compute it once: the others wait for it (a burst of dashboards opening the home page costs one summary, not twenty).
At most `max_computing` answers are computed at once (each DuckDB query already uses every core): more would only
share the cores thinner, hold more memory, and slow down the answers served from the cache.
"""
from __future__ import annotations

import gzip
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from fastapi.encoders import jsonable_encoder


def encode(body: Any) -> bytes:
    """JSON as FastAPI's JSONResponse writes it."""
    return json.dumps(jsonable_encoder(body), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


GZIP_FROM_BYTES = 2000  # as the app's GZipMiddleware: smaller answers are sent as they are


@dataclass(frozen=True, slots=True)
class Answer:
    """An encoded answer, and its gzip form (made once, not per request) when it is worth compressing."""

    body: bytes
    gzipped: bytes | None

    @classmethod
    def of(cls, value: Any) -> "Answer":
        body = encode(value)
        return cls(body, gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= GZIP_FROM_BYTES else None)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


@dataclass(slots=True)
class CacheStats:
    hits: int = 0
    misses: int = 0
    waits: int = 0  # requests that waited for another request computing the same answer
    entries: int = 0
    bytes: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "waits": self.waits, "entries": self.entries,
                "bytes": self.bytes}


class ResponseCache:
    def __init__(self, max_entries: int = 2048, max_bytes: int = 128_000_000, max_computing: int = 4):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self._pending: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        self._computing = threading.BoundedSemaphore(max_computing)
        self._stats = CacheStats()
        self._version = 0  # the newest store version asked for

    def peek(self, key: Hashable, version: int) -> Answer | None:
        """The cached answer, or None (without computing or waiting: safe on the event loop)."""
        with self._lock:
            found = self._entries.get((version, key)) if version >= self._version else None
            if found is not None:
                self._entries.move_to_end((version, key))
                self._stats.hits += 1
            return found

    def get(self, key: Hashable, version: int, compute: Callable[[], Any]) -> Answer:
        """The encoded answer for `key` at store `version`: cached, or computed (once for concurrent askers)."""
        full = (version, key)
        while True:
            with self._lock:
                if version > self._version:
                    self._drop_older_than(version)
                found = self._entries.get(full)
                if found is not None:
                    self._entries.move_to_end(full)
                    self._stats.hits += 1
                    return found
                pending = self._pending.get(full)
                if pending is None:
                    pending = self._pending[full] = threading.Event()
                    self._stats.misses += 1
                    break
                self._stats.waits += 1
            pending.wait()  # another request computes it; then look again (it may have failed: then compute)
        try:
            with self._computing:
                answer = Answer.of(compute())
            with self._lock:
                self._put(full, answer)
            return answer
        finally:
            with self._lock:
                del self._pending[full]
            pending.set()

    def _put(self, key: Hashable, answer: Answer) -> None:
        if answer.size > self.max_bytes // 4 or key[0] < self._version:
            return  # one huge answer would push out everything else; an old version's answer is never asked for
        old = self._entries.pop(key, None)
        if old is not None:
            self._stats.bytes -= old.size
        self._entries[key] = answer
        self._stats.bytes += answer.size
        while len(self._entries) > self.max_entries or self._stats.bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._stats.bytes -= dropped.size

    def _drop_older_than(self, version: int) -> None:
        """Forget the answers of earlier store versions (they are never asked for again)."""
        self._version = version
        for key in [k for k in self._entries if k[0] < version]:
            self._stats.bytes -= self._entries.pop(key).size

    def stats(self) -> CacheStats:
        with self._lock:
            self._stats.entries = len(self._entries)
            return CacheStats(**{k: getattr(self._stats, k) for k in CacheStats.__slots__})
