"""DuckDB tables of a Herald store, and its schema version."""
from __future__ import annotations

from herald.store.clusters import CLUSTER_DDL
from herald.store.columns import EVENT_COLUMNS

SCHEMA_VERSION = 1

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"), ("content_hash", "VARCHAR NOT NULL"), ("published", "DATE NOT NULL"),
    ("title", "VARCHAR"), ("url", "VARCHAR"), ("source", "VARCHAR"), ("section", "VARCHAR"),
    ("source_path", "VARCHAR"), ("text", "VARCHAR NOT NULL"), ("metadata", "JSON"), ("n_events", "INTEGER"),
    ("ingested_at", "TIMESTAMP"),
)

FAILURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"), ("article_id", "VARCHAR"), ("source", "VARCHAR"), ("code", "VARCHAR"),
    ("stage", "VARCHAR"), ("reason", "VARCHAR"), ("failed_at", "TIMESTAMP"),
)


def _table(name: str, columns: tuple[tuple[str, str], ...], extra: str = "") -> str:
    body = ",\n  ".join(f"{col} {kind}" for col, kind in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {body}{extra}\n)"


DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    _table("articles", ARTICLE_COLUMNS),
    # No primary key or index on events: idempotency is kept per article, and ART indexes slow bulk loads of
    # millions of rows. DuckDB's zone maps serve the article_id and date filters.
    _table("events", EVENT_COLUMNS),
    _table("failures", FAILURE_COLUMNS),
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)",
    *CLUSTER_DDL,  # events across articles (herald.clusters)
)
