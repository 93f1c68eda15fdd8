"""Exports of stored events: JSON Lines (SCHEMA records), CSV and Parquet (flat rows), and the layouts other event
datasets use: the GDELT 2.0 event table (tab-separated, no header) and ICEWS coded event data (tab-separated, with
its header). Every format reads the events through the one filter model and SQL builder (`herald.store.filters`).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

from herald.errors import QueryError
from herald.store.columns import EVENT_COLUMNS, row_to_record
from herald.store.filters import EventFilters, order_by, select_events

if TYPE_CHECKING:
    from herald.store.database import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "icews")
# The file name `herald export` writes when given none.
DEFAULT_NAMES = {"gdelt": "herald-events.gdelt.tsv", "icews": "herald-events.icews.tab"}
# Exports list events in a stable order: article by article, in text order.
EXPORT_SORT = "article"


def export_events(store: "Store", path: str | Path, fmt: str, filters: EventFilters | None = None) -> int:
    """Write the events matching `filters` (all by default) to `path` in `fmt`. Returns the event count."""
    filters = filters or EventFilters()
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    if fmt == "jsonl":
        return _export_jsonl(store, path, filters)
    if fmt in ("gdelt", "icews"):
        return _export_layout(store, path, filters, fmt)
    columns = [f"e.{name}" for name, _ in EVENT_COLUMNS]
    if fmt == "csv":  # CSV has no list type: join list columns with '|'
        columns = [f"array_to_string(e.{name}, '|') AS {name}" if kind == "VARCHAR[]" else f"e.{name}"
                   for name, kind in EVENT_COLUMNS]
    select, params = select_events(filters, ", ".join(columns), sort=EXPORT_SORT)
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    target = str(path).replace("'", "''")
    store.connection.execute(f"COPY ({select}) TO '{target}' {options}", params)
    return count_events(store, filters)


def count_events(store: "Store", filters: EventFilters) -> int:
    where, params = filters.where()
    return store.query(f"SELECT count(*) {filters.source()}{where}", params)[1][0][0]


def _export_jsonl(store: "Store", path: str | Path, filters: EventFilters) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in store.events(filters, limit=None, sort=EXPORT_SORT):
            fh.write(json.dumps(row_to_record(row), ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def _export_layout(store: "Store", path: str | Path, filters: EventFilters, fmt: str) -> int:
    from herald.store.layouts import ICEWS_COLUMNS, gdelt_row, icews_row

    to_row = gdelt_row if fmt == "gdelt" else icews_row
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        if fmt == "icews":
            writer.writerow(ICEWS_COLUMNS)
        for row in stream_with_articles(store, filters):
            writer.writerow(to_row(row))
            count += 1
    return count


def stream_with_articles(store: "Store", filters: EventFilters, batch: int = 10_000):
    """The matching events as flat rows with what the layouts take from their article (`article_url`,
    `article_source`, `ingested_at`, `first_break`: where its first line break is), fetched `batch` at a time."""
    events, params = select_events(filters, sort=EXPORT_SORT)
    cursor = store.connection.execute(
        f"WITH e AS ({events}) SELECT e.*, a.url AS article_url, a.source AS article_source, a.ingested_at, "
        f"strpos(a.text, chr(10)) AS first_break FROM e LEFT JOIN articles a ON a.id = e.article_id"
        f"{order_by(EXPORT_SORT)}", params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(batch):
        for values in rows:
            yield dict(zip(names, values))
