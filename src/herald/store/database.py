"""The DuckDB store: one writer, idempotent ingestion, parameterised queries, exports."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from herald.errors import QueryError, StoreError
from herald.records import ArticleResult, Failure
from herald.store import aggregates
from herald.store.clusters import require_clusters
from herald.store.columns import (EVENT_COLUMN_NAMES, article_row, arrow_schema, event_row,
                                  row_to_record, rows_to_arrow)
from herald.store.locks import open_error
from herald.store.schema import ARTICLE_COLUMNS, DDL, FAILURE_COLUMNS, SCHEMA_VERSION

if TYPE_CHECKING:
    from herald.store.filters import EventFilters

log = logging.getLogger(__name__)

DEFAULT_DB = "herald.duckdb"


@dataclass(slots=True)
class WriteStats:
    """What one write did. `unchanged` and `duplicates` were already stored and were not written again."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0
    written_ids: list[str] = field(default_factory=list)  # articles this write stored (new or replaced)

    def add(self, other: "WriteStats") -> None:
        for name in ("new", "replaced", "unchanged", "duplicates", "events", "failures"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.written_ids.extend(other.written_ids)


class Store:
    """A Herald DuckDB file. Open it with `Store.open(path)`; use as a context manager."""

    def __init__(self, connection, path: str, read_only: bool, use_aggregates: bool | None = None):
        self._con = connection
        self.path = path
        self.read_only = read_only
        self._aggregates = use_aggregates

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, read_only: bool = False) -> "Store":
        import duckdb

        path = str(path)
        if read_only and not Path(path).exists():
            raise StoreError(f"no Herald store at {path} (create one with `herald ingest PATH --db {path}`)")
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(open_error(path, exc)) from None
        store = cls(con, path, read_only)
        store._migrate()
        return store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @property
    def connection(self):
        return self._con

    @property
    def has_aggregates(self) -> bool:
        """Whether queries may read the aggregate tables (`herald.store.aggregates`): they exist and are kept.
        False for a store written before them and opened read-only (every query then reads the events)."""
        if self._aggregates is None:
            self._aggregates = aggregates.ready(self._con)
        return self._aggregates

    # -- schema -------------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self._schema_version()
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this Herald reads up to {SCHEMA_VERSION}. "
                             "Upgrade Herald.")
        if self.read_only:
            if version is None:
                raise StoreError(f"{self.path} is not a Herald store (no schema version)")
            return
        for statement in DDL:
            self._con.execute(statement)
        self._con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        aggregates.ensure(self._con)

    def _schema_version(self) -> int | None:
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except Exception:  # noqa: BLE001 - no meta table yet
            return None
        return int(row[0]) if row else None

    @property
    def schema_version(self) -> int | None:
        return self._schema_version()

    # -- writing ------------------------------------------------------------------------------------------------
    def write(self, results: Sequence[ArticleResult], failures: Sequence[Failure] = ()) -> WriteStats:
        """Store a batch. Articles already stored with the same content are skipped; a changed article replaces
        its previous version and events; the same story under another id is a duplicate and is skipped."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        stats = WriteStats()
        fresh, replaced = self._select_fresh(results, stats)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        con = self._con
        try:
            con.execute("BEGIN TRANSACTION")
            noted = aggregates.note_replaced(con, replaced)  # the cells of the events about to be deleted
            if replaced:
                con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [replaced])
                con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [replaced])
            stats.replaced = len(replaced)
            stats.new = len(fresh) - len(replaced)
            stats.written_ids = [r.article.id for r in fresh]
            if fresh:
                self._insert_articles(fresh, now)
                rows = [event_row(e, r.article.published) for r in fresh for e in r.events]
                if rows:
                    con.register("_herald_events", rows_to_arrow(rows))
                    con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) "
                                f"SELECT {', '.join(EVENT_COLUMN_NAMES)} FROM _herald_events")
                    aggregates.after_write(con, "_herald_events", noted)
                    con.unregister("_herald_events")
                elif noted:
                    aggregates.after_write(con, None, noted)
                stats.events = len(rows)
            stats.failures = self._insert_failures(failures, now)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"writing a batch to {self.path} failed: {exc}") from exc
        return stats

    def stored_versions(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[dict[str, str], set[str]]:
        """What the store holds of these articles: {id: stored content hash} for the ids it has, and which of the
        content hashes it has (under any id). The one lookup behind `write` and the skip before NLP."""
        by_id = dict(self._con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall())
        known_hashes = {h for (h,) in self._con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [list(hashes)]).fetchall()}
        return by_id, known_hashes

    def _select_fresh(self, results: Sequence[ArticleResult],
                      stats: WriteStats) -> tuple[list[ArticleResult], list[str]]:
        """The results to write, and the ids among them whose stored version they replace."""
        if not results:
            return [], []
        by_id, known_hashes = self.stored_versions([r.article.id for r in results],
                                                   [r.article.content_hash for r in results])
        fresh: list[ArticleResult] = []
        seen_ids: set[str] = set()
        seen_hashes: set[str] = set()
        for result in results:
            article = result.article
            if by_id.get(article.id) == article.content_hash or article.id in seen_ids:
                stats.unchanged += 1
            elif article.content_hash in known_hashes or article.content_hash in seen_hashes:
                stats.duplicates += 1
                log.info("article %s repeats a stored story (same content); not stored again", article.id)
            else:
                fresh.append(result)
                seen_ids.add(article.id)
                seen_hashes.add(article.content_hash)
        return fresh, [r.article.id for r in fresh if r.article.id in by_id]

    def _insert_articles(self, results: list[ArticleResult], now: dt.datetime) -> None:
        import pyarrow as pa

        names = [name for name, _ in ARTICLE_COLUMNS]
        rows = [{**article_row(r), "ingested_at": now} for r in results]
        table = pa.table({name: [row[name] for row in rows] for name in names})
        self._con.register("_herald_articles", table)
        self._con.execute(f"INSERT INTO articles ({', '.join(names)}) SELECT {', '.join(names)} FROM _herald_articles")
        self._con.unregister("_herald_articles")

    def _insert_failures(self, failures: Iterable[Failure], now: dt.datetime) -> int:
        rows = []
        for f in failures:
            key = hashlib.blake2b(f"{f.source}\x1f{f.article_id}\x1f{f.code}\x1f{f.reason}".encode(),
                                  digest_size=12).hexdigest()
            rows.append([key, f.article_id, f.source, f.code, f.stage, f.reason, now])
        if not rows:
            return 0
        before = self.count("failures")
        names = ", ".join(name for name, _ in FAILURE_COLUMNS)
        self._con.executemany(f"INSERT INTO failures ({names}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                              rows)
        return self.count("failures") - before

    # -- the actor knowledge base ---------------------------------------------------------------------------------
    def load_actor_kb(self):
        """The ActorKB stored here (empty when none yet)."""
        from herald.actors import ActorKB

        if not self._has_table("actors"):
            return ActorKB()
        return ActorKB.from_rows(self.rows(f"SELECT {', '.join(ActorKB.COLUMNS)} FROM actors"))

    def save_actor_kb(self, kb) -> int:
        """Replace the stored KB with `kb` (it was loaded from here and grew). Returns the number of actors."""
        import pyarrow as pa

        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        columns = kb.COLUMNS
        types = kb.COLUMN_TYPES
        body = ", ".join(f"{c} {types[c]}" for c in columns)
        self._con.execute(f"CREATE TABLE IF NOT EXISTS actors ({body})")
        rows = kb.rows()
        table = pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in columns},
                                     schema=arrow_schema(tuple((c, types[c]) for c in columns)))
        self._con.execute("BEGIN TRANSACTION")
        try:
            self._con.execute("DELETE FROM actors")
            self._con.register("_herald_actors", table)
            self._con.execute(f"INSERT INTO actors SELECT {', '.join(columns)} FROM _herald_actors")
            self._con.unregister("_herald_actors")
            self._con.execute("COMMIT")
        except Exception as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(f"saving the actor knowledge base to {self.path} failed: {exc}") from exc
        return len(rows)

    def actor_rows(self, name: str | None = None, limit: int = 100) -> tuple[list[str], list[tuple]]:
        """The KB for `herald actors`: most mentioned first; `name` filters case-insensitively."""
        if not self._has_table("actors"):
            return ["name"], []
        sql = "SELECT * FROM actors"
        params: list[Any] = []
        if name:
            sql += " WHERE name ILIKE ? OR list_contains(aliases, ?)"
            params += [f"%{name}%", name]
        sql += " ORDER BY mentions DESC, name LIMIT ?"
        params.append(int(limit))
        return self.query(sql, params)

    def _has_table(self, name: str) -> bool:
        row = self._con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [name]).fetchone()
        return bool(row and row[0])

    # -- reading ------------------------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "events", "failures", "actors"}:
            raise QueryError(f"unknown table {table!r}")
        return self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(self, filters: "EventFilters | None" = None, *, limit: int | None = 100,
               sort: str = "-date") -> list[dict[str, Any]]:
        """Flat event rows matching the filters, newest first (`sort`: a key of `herald.store.filters.SORT_KEYS`)."""
        from herald.store.filters import EventFilters, select_events

        sql, params = select_events(filters or EventFilters(), ", ".join(f"e.{c}" for c in EVENT_COLUMN_NAMES),
                                    sort=sort, limit=limit)
        return self.rows(sql, params)

    def event_records(self, filters: "EventFilters | None" = None, *, limit: int | None = 100,
                      sort: str = "-date") -> list[dict[str, Any]]:
        return [row_to_record(r) for r in self.events(filters, limit=limit, sort=sort)]

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        columns, values = self.query(sql, params)
        return [dict(zip(columns, row)) for row in values]

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run one SQL statement with parameters; returns (column names, rows)."""
        import duckdb

        try:
            cursor = self._con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise QueryError(f"{exc}".splitlines()[0]) from None
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()

    def export(self, path: str | Path, fmt: str, filters: "EventFilters | None" = None, one_a_day: bool = False) -> int:
        """Write the matching events (all by default) to a file in one of `herald.store.exports.FORMATS`.
        `one_a_day`: one event per cluster (real-world event) per day, its first report. Returns the event count."""
        from herald.store.exports import export_events
        from herald.store.filters import EventFilters

        if one_a_day:
            require_clusters(self)
            filters = (filters or EventFilters()).model_copy(update={"one_a_day": True})
        return export_events(self, path, fmt, filters)
