"""`herald load`: bring the Parquet a Spark job wrote into a Herald DuckDB store, in bulk and idempotently.

The same rules as `Store.write`, applied in SQL over the Parquet files: an article already stored with the same
content is skipped; a changed article replaces its stored version and its events; the same story under another id
is a duplicate and is skipped. Events are loaded for the articles written. Given only events (a folder of event
Parquet without articles), events of articles that already have events in the store are skipped.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from herald.errors import InputError, StoreError
from herald.records import Failure
from herald.store import Store
from herald.spark.rows import ARTICLE_FIELDS
from herald.store.columns import EVENT_COLUMN_NAMES

log = logging.getLogger(__name__)

_ARTICLE_COLUMNS = tuple(name for name, _ in ARTICLE_FIELDS)  # what `herald spark` writes to articles/


@dataclass(slots=True)
class LoadSummary:
    db: str
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0

    def describe(self) -> str:
        return (f"{self.new} new articles, {self.replaced} updated, {self.unchanged} already stored, "
                f"{self.duplicates} duplicates; {self.events} events and {self.failures} new failures loaded "
                f"into {self.db}")


def _parquet_glob(folder: Path) -> str | None:
    """A read_parquet pattern for the files under `folder`, or None when there are none."""
    if folder.is_file():
        return str(folder)
    if not any(folder.rglob("*.parquet")):
        return None
    return str(folder / "**" / "*.parquet")


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def load_parquet(source: str | Path, db: str | Path) -> LoadSummary:
    """Load `source` (the output folder of `herald spark`, or a folder/file of event Parquet) into the store `db`."""
    source = Path(source)
    if not source.exists():
        raise InputError(f"{source}: no such file or directory")
    layout = (source / "events").is_dir() or (source / "articles").is_dir()
    events_glob = _parquet_glob(source / "events") if layout else _parquet_glob(source)
    articles_glob = _parquet_glob(source / "articles") if layout else None
    failures_glob = _parquet_glob(source / "failures") if layout else None
    if events_glob is None and articles_glob is None and failures_glob is None:
        raise InputError(f"{source}: no Parquet files found")
    summary = LoadSummary(db=str(db))
    with Store.open(db) as store:
        con = store.connection
        con.execute("BEGIN TRANSACTION")
        try:
            if articles_glob is not None:
                _load_articles(con, articles_glob, events_glob, summary)
            elif events_glob is not None:
                summary.events = _load_events(con, events_glob, "article_id NOT IN (SELECT article_id FROM events)")
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"loading {source} into {db} failed: {exc}") from exc
        if failures_glob is not None:
            rows = con.execute(f"SELECT article_id, source, reason, code, stage FROM "
                               f"read_parquet({_sql_string(failures_glob)})").fetchall()
            summary.failures = store.write([], [Failure(*row) for row in rows]).failures
        from herald.clusters import Clusterer

        Clusterer(store).update()  # events across articles, for the articles loaded (docs/clusters.md)
    log.info(summary.describe())
    return summary


def _load_articles(con, articles_glob: str, events_glob: str | None, summary: LoadSummary) -> None:
    columns = ", ".join(_ARTICLE_COLUMNS)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _load_staged AS SELECT {columns} FROM "
                f"read_parquet({_sql_string(articles_glob)}) "
                "QUALIFY row_number() OVER (PARTITION BY id ORDER BY source_path) = 1")
    con.execute("""CREATE OR REPLACE TEMP TABLE _load_fresh AS
        SELECT s.*, a.id IS NOT NULL AS replaces
        FROM _load_staged s LEFT JOIN articles a ON a.id = s.id
        WHERE (a.id IS NULL OR a.content_hash <> s.content_hash)
          AND s.content_hash NOT IN (SELECT content_hash FROM articles)
        QUALIFY row_number() OVER (PARTITION BY s.content_hash ORDER BY s.id) = 1""")
    staged = con.execute("SELECT count(*) FROM _load_staged").fetchone()[0]
    summary.unchanged = con.execute("SELECT count(*) FROM _load_staged s JOIN articles a "
                                    "ON a.id = s.id AND a.content_hash = s.content_hash").fetchone()[0]
    summary.replaced, fresh = con.execute("SELECT count(*) FILTER (WHERE replaces), count(*) "
                                          "FROM _load_fresh").fetchone()
    summary.new = fresh - summary.replaced
    summary.duplicates = staged - summary.unchanged - fresh
    con.execute("DELETE FROM events WHERE article_id IN (SELECT id FROM _load_fresh WHERE replaces)")
    con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _load_fresh WHERE replaces)")
    con.execute(f"INSERT INTO articles ({columns}, ingested_at) "
                f"SELECT {columns}, now()::TIMESTAMP FROM _load_fresh")
    if events_glob is not None:
        summary.events = _load_events(con, events_glob, "article_id IN (SELECT id FROM _load_fresh)")
    con.execute("DROP TABLE _load_staged")
    con.execute("DROP TABLE _load_fresh")


def _load_events(con, events_glob: str, condition: str) -> int:
    names = ", ".join(EVENT_COLUMN_NAMES)
    before = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.execute(f"INSERT INTO events ({names}) SELECT {names} FROM "
                f"read_parquet({_sql_string(events_glob)}, hive_partitioning = true) WHERE {condition}")
    return con.execute("SELECT count(*) FROM events").fetchone()[0] - before
