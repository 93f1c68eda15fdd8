"""What the watcher has coded, kept in the store (table `watched_files`), so a restarted watcher reads only files
that are new or changed since: the same file version is never parsed twice."""
from __future__ import annotations

import datetime as dt

from herald.store import Store
from herald.watch.scanner import FileSignature

TABLE = "watched_files"
DDL = (f"CREATE TABLE IF NOT EXISTS {TABLE} (path VARCHAR PRIMARY KEY, mtime_ns BIGINT NOT NULL, "
       "size BIGINT NOT NULL, articles INTEGER NOT NULL, failed INTEGER NOT NULL, coded_at TIMESTAMP NOT NULL)")


def load_signatures(store: Store) -> dict[str, FileSignature]:
    """Path -> the file version last coded into `store` (the read-write store)."""
    store.connection.execute(DDL)
    rows = store.connection.execute(f"SELECT path, mtime_ns, size FROM {TABLE}").fetchall()
    return {path: FileSignature(mtime_ns, size) for path, mtime_ns, size in rows}


def record_file(store: Store, path: str, signature: FileSignature, articles: int, failed: int) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    store.connection.execute(DDL)
    store.connection.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                             [path, signature.mtime_ns, signature.size, articles, failed, now])
