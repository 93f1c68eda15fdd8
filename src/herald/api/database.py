"""The server's hold on the DuckDB file: one connection per process, readers on cursors, one writer at a time.

DuckDB lets one process open a file read-write, and then no other process may open it at all; read-only opens can
be shared between processes. So:
- writes disabled (no token): the file is opened read-only; `herald events`, `herald sql` and other read-only
  servers can read it at the same time.
- writes enabled (a token) or a watched folder (`serve --watch`): this process is the file's single writer. Every
  request reads through its own cursor (a separate DuckDB connection to the same database, seeing committed data,
  so new events show at once), and ingestion (pipeline + write) is serialised by one lock; the folder watcher
  writes through the same lock, batch by batch. Stop the server before running `herald ingest` on the same file,
  or let the server code the articles (POST them, or drop them in the watched folder).

`version` counts the writes this server has made (it is the key of the answer cache, `herald.api.cache`): it moves
on when a writer is released, before the writing request answers.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from herald.errors import StoreError
from herald.store import Store

log = logging.getLogger(__name__)


class Database:
    def __init__(self, path: str | Path, *, writable: bool):
        self.path = str(path)
        self.writable = writable
        self._store = Store.open(path, read_only=not writable)
        # a writable store has its aggregate tables built on open; a read-only one written by an older Herald has
        # none (or stale ones), and every query then reads the events (slower at millions of events, same answers)
        self.aggregates = self._store.has_aggregates
        if not self.aggregates:
            log.warning("%s has no up-to-date aggregate tables (written by an older Herald): every query reads the "
                        "events. Open it read-write once (`herald ingest`, or `herald serve` with a token) to build "
                        "them.", self.path)
        # Cursors are made from a connection used for nothing else, so making one never waits for a write.
        self._cursor_source = self._store.connection.cursor()
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._version = 0

    @property
    def version(self) -> int:
        """How many times the store has been held for writing by this server (0 for a read-only server)."""
        return self._version

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store over a fresh cursor, for one request's queries."""
        with self._cursor_lock:
            cursor = self._cursor_source.cursor()
        try:
            yield Store(cursor, self.path, read_only=True, use_aggregates=self.aggregates)
        finally:
            cursor.close()

    @contextmanager
    def writer(self, changes: bool = True) -> Iterator[Store]:
        """The single read-write Store, held by one request at a time. `changes=False` for a holder that writes
        nothing the API reads (the watcher's own bookkeeping): the version, and so the answer cache, stays."""
        if not self.writable:
            raise StoreError(f"{self.path} is open read-only (writes are disabled)")
        with self._write_lock:
            try:
                yield self._store
            finally:
                if changes:
                    self._version += 1  # even after a failed write: part of it may be committed

    def close(self) -> None:
        self._cursor_source.close()
        self._store.close()


def reader(request: Request) -> Iterator[Store]:
    """A dependency: the request's reader Store (`Database.reader`), closed when the request is done."""
    with request.app.state.database.reader() as store:
        yield store


Reader = Annotated[Store, Depends(reader)]
