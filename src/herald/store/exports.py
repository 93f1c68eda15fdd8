"""Exports of stored events: JSON Lines (SCHEMA records), CSV and Parquet (flat rows). Every format reads the events
through the one filter model and SQL builder (`herald.store.filters`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from herald.errors import QueryError
from herald.store.columns import EVENT_COLUMNS, row_to_record
from herald.store.filters import EventFilters, select_events

if TYPE_CHECKING:
    from herald.store.database import Store

FORMATS = ("jsonl", "csv", "parquet")
# Exports list events in a stable order: article by article, in text order.
EXPORT_SORT = "article"


def export_events(store: "Store", path: str | Path, fmt: str, filters: EventFilters | None = None) -> int:
    """Write the events matching `filters` (all by default) to `path` in `fmt`. Returns the event count."""
    filters = filters or EventFilters()
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    if fmt == "jsonl":
        return _export_jsonl(store, path, filters)
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
