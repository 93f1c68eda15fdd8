"""The rows a Spark job writes: events (the flat event row of herald.store.columns), articles and failures.

The per-partition function emits one Arrow table of a combined schema: a `kind` column, the partition column
`event_date`, and one struct column per kind (`event`, `article`, `failure`), the other two null. The driver splits
it into three Parquet datasets.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from herald.records import ArticleResult, Failure
from herald.store.columns import EVENT_COLUMN_NAMES, article_row, arrow_schema, event_row, rows_to_arrow

PARTITION_COLUMN = "event_date"  # the event's date (its start), else the article's publication date

# (column, DuckDB type) of the articles/ and failures/ Parquet: `herald load` reads these columns.
ARTICLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"), ("content_hash", "VARCHAR"), ("published", "DATE"), ("title", "VARCHAR"), ("url", "VARCHAR"),
    ("source", "VARCHAR"), ("section", "VARCHAR"), ("source_path", "VARCHAR"), ("text", "VARCHAR"),
    ("metadata", "VARCHAR"), ("n_events", "INTEGER"),
)
FAILURE_FIELDS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"), ("source", "VARCHAR"), ("code", "VARCHAR"), ("stage", "VARCHAR"), ("reason", "VARCHAR"),
)


def article_schema():
    return arrow_schema(ARTICLE_FIELDS)


def failure_schema():
    return arrow_schema(FAILURE_FIELDS)


def combined_schema():
    import pyarrow as pa

    return pa.schema([
        ("kind", pa.string()), (PARTITION_COLUMN, pa.date32()),
        ("event", pa.struct(list(arrow_schema()))),
        ("article", pa.struct(list(article_schema()))),
        ("failure", pa.struct(list(failure_schema()))),
    ])


def event_date(row: dict[str, Any]) -> dt.date | None:
    return row.get("date_start") or row.get("published")


def to_arrow(results: Iterable[ArticleResult | Failure]):
    """Results -> one Arrow table of `combined_schema()` (events, then articles, then failures)."""
    import pyarrow as pa

    events: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for item in results:
        if isinstance(item, Failure):
            failures.append(item.to_dict())
        else:
            articles.append(article_row(item))
            events.extend(event_row(e, item.article.published) for e in item.events)
    schema = combined_schema()
    parts = []
    for kind, rows in (("event", events), ("article", articles), ("failure", failures)):
        if not rows:
            continue
        n = len(rows)
        if kind == "event":
            table = rows_to_arrow(rows)
            dates = [event_date(r) for r in rows]
        else:
            sub = article_schema() if kind == "article" else failure_schema()
            table = pa.Table.from_pylist(rows, schema=sub)
            dates = [r.get("published") for r in rows] if kind == "article" else [None] * n
        structs = {name: pa.nulls(n, schema.field(name).type) for name in ("event", "article", "failure")}
        structs[kind] = pa.StructArray.from_arrays([c.combine_chunks() for c in table.columns],
                                                   fields=list(schema.field(kind).type))
        parts.append(pa.table({"kind": pa.array([kind] * n, pa.string()),
                               PARTITION_COLUMN: pa.array(dates, pa.date32()), **structs}, schema=schema))
    return pa.concat_tables(parts) if parts else schema.empty_table()


EVENT_SELECT = tuple(f"event.{name}" for name in EVENT_COLUMN_NAMES)
