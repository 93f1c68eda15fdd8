"""Read queries of the REST API: events, one event with its evidence, articles, actors. All parameterised."""
from __future__ import annotations

import datetime as dt
from typing import Any

from herald.api import rollups
from herald.api.params import ActorListParams, ArticleListParams, EventListParams
from herald.store import Store
from herald.store.columns import EVENT_COLUMN_NAMES, row_to_record
from herald.store.filters import EVENT_DATE, FROM_EVENTS, SENTENCE, and_also, select_events

_EVENT_SELECT = (", ".join(f"e.{c}" for c in EVENT_COLUMN_NAMES)
                 + f", {SENTENCE} AS sentence, a.title AS article_title, {EVENT_DATE} AS event_date")


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A flat row (with sentence, article title and event date) -> the SCHEMA record plus what a list shows."""
    record = row_to_record(row)
    record["published"] = _iso(row.get("published"))
    record["event_date"] = _iso(row.get("event_date"))
    record["sentence"] = row.get("sentence")
    record["article_title"] = row.get("article_title")
    return record


def list_events(store: Store, params: EventListParams) -> dict[str, Any]:
    where, values = params.where()
    total = rollups.event_total(store, params)  # from the aggregate cells when the filters allow it
    if total is None:
        narrow, narrow_values = rollups.date_window(store, params)
        where = and_also(where, *narrow) if narrow else where
        total = store.query(f"SELECT count(*) {params.source()}{where}", [*values, *narrow_values])[1][0][0]
    # filter, sort and cut the page on `events` first (with conditions that only spare DuckDB rows it would not
    # keep, see rollups.page_conditions); then read the articles of that page only, by their ids
    narrow, narrow_values = rollups.page_conditions(store, params)
    page, page_values = select_events(params, f"e.*, {EVENT_DATE} AS event_date", sort=params.sort,
                                      limit=params.limit, offset=params.offset, also=narrow, also_values=narrow_values)
    rows = store.rows(page, page_values)
    articles = {r["id"]: r for r in store.rows("SELECT id, title, text FROM articles WHERE id IN (SELECT unnest(?))",
                                               [sorted({r["article_id"] for r in rows})])}
    for row in rows:
        article = articles.get(row["article_id"])
        row["article_title"] = article["title"] if article else None
        row["sentence"] = _sentence(article["text"], row["sentence_start"], row["sentence_end"]) if article else None
    return {"total": total, "offset": params.offset, "limit": params.limit, "sort": params.sort,
            "items": [event_item(r) for r in rows]}


def _sentence(text: str | None, start: int | None, end: int | None) -> str | None:
    """The event's sentence cut from its article, as SENTENCE cuts it in SQL (code points)."""
    if text is None or start is None or end is None:
        return None
    return text[max(start, 0):max(end, start, 0)]


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = store.rows(f"SELECT {_EVENT_SELECT}, a.url AS article_url {FROM_EVENTS} WHERE e.id = ?", [event_id])
    if not rows:
        return None
    row = rows[0]
    record = event_item(row)
    sentence_start, trigger_start, trigger_end = row["sentence_start"], row["trigger_start"], row["trigger_end"]
    inside = None
    if None not in (sentence_start, trigger_start, trigger_end):
        inside = [trigger_start - sentence_start, trigger_end - sentence_start]
    record["evidence"] = {
        "sentence": row["sentence"], "sentence_start": row["sentence_start"], "sentence_end": row["sentence_end"],
        "trigger": row["trigger_text"], "trigger_start": row["trigger_start"], "trigger_end": row["trigger_end"],
        # the trigger's offsets inside `sentence`
        "trigger_in_sentence": inside,
        "coder": row["coder"], "confidence": row["confidence"],
    }
    record["article"] = {"id": row["article_id"], "title": row["article_title"], "published": record["published"],
                         "url": row.get("article_url")}
    return record


def list_articles(store: Store, params: ArticleListParams) -> dict[str, Any]:
    clauses, values = [], []
    if params.q:
        clauses.append("contains(lower(concat_ws(' ', id, title)), lower(?))")
        values.append(params.q)
    if params.since:
        clauses.append("published >= ?")
        values.append(params.since)
    if params.until:
        clauses.append("published <= ?")
        values.append(params.until)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.query(f"SELECT count(*) FROM articles{where}", values)[1][0][0]
    rows = store.rows(f"SELECT id, published, title, url, source, section, n_events, length(text) AS chars "
                      f"FROM articles{where} ORDER BY published DESC, id LIMIT ? OFFSET ?",
                      [*values, params.limit, params.offset])
    for row in rows:
        row["published"] = _iso(row["published"])
    return {"total": total, "offset": params.offset, "limit": params.limit, "items": rows}


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    rows = store.rows("SELECT id, published, title, url, source, section, source_path, text, n_events, ingested_at "
                      "FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    article = rows[0]
    article["published"] = _iso(article["published"])
    article["ingested_at"] = _iso(article["ingested_at"])
    events = store.rows(f"SELECT {', '.join(EVENT_COLUMN_NAMES)} FROM events WHERE article_id = ? "
                        "ORDER BY trigger_start, id", [article_id])
    article["events"] = [row_to_record(r) for r in events]
    return article


def list_actors(store: Store, params: ActorListParams) -> dict[str, Any]:
    if not has_table(store, "actors"):
        return {"total": 0, "offset": params.offset, "limit": params.limit, "items": []}
    clauses, values = [], []
    if params.name:
        clauses.append("(contains(lower(name), lower(?)) OR list_contains(list_transform(aliases, lambda x: lower(x)), "
                       "lower(?)))")
        values += [params.name, params.name]
    for column in ("country", "sector", "kind"):
        value = getattr(params, column)
        if value:
            clauses.append(f"{column} = ?")
            values.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.query(f"SELECT count(*) FROM actors{where}", values)[1][0][0]
    rows = store.rows(f"SELECT * FROM actors{where} ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
                      [*values, params.limit, params.offset])
    for row in rows:
        for key, value in row.items():
            row[key] = _iso(value)
    return {"total": total, "offset": params.offset, "limit": params.limit, "items": rows}


def has_table(store: Store, name: str) -> bool:
    return bool(store.query("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])[1][0][0])


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
