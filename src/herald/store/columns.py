"""The flat event row: one definition shared by DuckDB, CSV, Parquet and Spark; and the flat article row.

An Event (nested actor/recipient/date/location blocks, docs/SCHEMA.md) flattens into these columns and back.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from herald.records import ArticleResult, Event

_ACTOR_FIELDS = (("text", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"),
                 ("other_sectors", "VARCHAR[]"), ("office", "VARCHAR"), ("id", "VARCHAR"))

# (column, DuckDB type). Order matters: it is the order of INSERTs, CSV columns and Parquet fields.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"), ("article_id", "VARCHAR"), ("published", "DATE"),
    ("event", "VARCHAR"), ("mode", "VARCHAR"), ("context", "VARCHAR[]"),
    ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "TINYINT"), ("goldstein", "DOUBLE"),
    ("modality", "VARCHAR"),
    *((f"actor_{name}", kind) for name, kind in _ACTOR_FIELDS),
    *((f"recipient_{name}", kind) for name, kind in _ACTOR_FIELDS),
    ("date_text", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"), ("date_granularity", "VARCHAR"),
    ("date_source", "VARCHAR"),
    ("location_text", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("location_geonames_id", "BIGINT"), ("location_admin1", "VARCHAR"), ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"), ("location_feature", "VARCHAR"), ("location_source", "VARCHAR"),
    ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
    ("sentence_index", "INTEGER"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
    ("confidence", "DOUBLE"), ("coder", "VARCHAR"),
)
EVENT_COLUMN_NAMES = tuple(name for name, _ in EVENT_COLUMNS)


def event_row(event: Event, published: dt.date | None = None) -> dict[str, Any]:
    """Event -> flat row (Python values: dates as datetime.date)."""
    row: dict[str, Any] = {
        "id": event.id, "article_id": event.article_id, "published": published,
        "event": event.event, "mode": event.mode, "context": list(event.context),
        "cameo": event.cameo, "cameo_root": event.cameo[:2] if event.cameo else None,
        "quad_class": event.quad_class, "goldstein": event.goldstein, "modality": event.modality,
    }
    for side in ("actor", "recipient"):
        actor = getattr(event, side)
        for name, _ in _ACTOR_FIELDS:
            value = getattr(actor, name) if actor else None
            row[f"{side}_{name}"] = list(value) if name == "other_sectors" and value is not None else value
    date = event.date
    row.update({"date_text": date.text if date else None, "date_start": date.start_date if date else None,
                "date_end": date.end_date if date else None, "date_granularity": date.granularity if date else None,
                "date_source": date.source if date else None})
    loc = event.location
    for name in ("text", "name", "country", "geonames_id", "admin1", "lat", "lon", "feature", "source"):
        row[f"location_{name}"] = getattr(loc, name) if loc else None
    row.update({"trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
                "trigger_end": event.trigger.end, "sentence_index": event.sentence_index,
                "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
                "confidence": round(event.confidence, 3), "coder": event.coder})
    return row


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """Flat row (from DuckDB, Parquet or CSV) -> the SCHEMA.md event record (JSON-ready)."""

    def iso(value: Any) -> Any:
        return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value

    def actor(side: str) -> dict[str, Any] | None:
        block = {name: row.get(f"{side}_{name}") for name, _ in _ACTOR_FIELDS}
        if all(v in (None, [], "") for v in block.values()):
            return None
        block["other_sectors"] = list(block["other_sectors"] or [])
        return block

    date = None
    if row.get("date_start") is not None or row.get("date_end") is not None or row.get("date_text"):
        date = {"text": row.get("date_text"), "start": iso(row.get("date_start")), "end": iso(row.get("date_end")),
                "granularity": row.get("date_granularity"), "source": row.get("date_source")}
    location = None
    if row.get("location_text") or row.get("location_name"):
        location = {name: row.get(f"location_{name}") for name in
                    ("text", "name", "country", "geonames_id", "admin1", "lat", "lon", "feature", "source")}
    return {
        "id": row["id"], "article_id": row["article_id"], "event": row["event"], "mode": row.get("mode"),
        "context": list(row.get("context") or []), "cameo": row.get("cameo"), "quad_class": row.get("quad_class"),
        "goldstein": row.get("goldstein"), "modality": row.get("modality"),
        "actor": actor("actor"), "recipient": actor("recipient"), "date": date, "location": location,
        "trigger": {"text": row.get("trigger_text"), "start": row.get("trigger_start"), "end": row.get("trigger_end")},
        "text_info": {"sentence": row.get("sentence_index"), "start": row.get("sentence_start"),
                      "end": row.get("sentence_end")},
        "confidence": row.get("confidence"), "coder": row.get("coder"),
    }


def article_row(result: ArticleResult) -> dict[str, Any]:
    """The stored article (the `articles` table, Spark's articles/ Parquet): metadata as JSON, its common keys as
    columns."""
    a = result.article
    meta = a.metadata

    def text_or_none(value: Any) -> str | None:
        return None if value is None else str(value)

    return {"id": a.id, "content_hash": a.content_hash, "published": a.published, "title": a.title,
            "url": text_or_none(meta.get("url")), "source": text_or_none(meta.get("source")),
            "section": text_or_none(meta.get("section")), "source_path": a.source, "text": a.text,
            "metadata": json.dumps(meta, ensure_ascii=False, default=str), "n_events": len(result.events)}


def arrow_schema(columns: tuple[tuple[str, str], ...] = EVENT_COLUMNS):
    """The pyarrow schema of (column, DuckDB type) pairs; by default the flat event row (Parquet files, Spark
    output)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "VARCHAR[]": pa.list_(pa.string()), "DATE": pa.date32(), "TINYINT": pa.int8(),
             "DOUBLE": pa.float64(), "BIGINT": pa.int64(), "INTEGER": pa.int32()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def rows_to_arrow(rows: list[dict[str, Any]]):
    import pyarrow as pa

    schema = arrow_schema()
    return pa.Table.from_pydict({name: [r.get(name) for r in rows] for name in schema.names}, schema=schema)
