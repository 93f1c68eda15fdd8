"""Clusters (reports of one real-world event) in the REST API: `/api/clusters`, one cluster with its reports, and
the other reports of an event. Parameters are validated models; every value goes into SQL as a parameter; the only
SQL text a request chooses is a sort key looked up in `SORT_KEYS`."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from herald.api.params import MAX_PAGE_SIZE
from herald.api.queries import _iso
from herald.store import Store
from herald.store.clusters import has_clusters, outlet, require_clusters
from herald.store.filters import CODE, PloverTypeName, _enum_of, plover_types

MAX_REPORTS = 200
CLUSTER_ID = r"^c[0-9a-f]{16}$"  # herald.clusters.matching.cluster_id
# The date of a cluster: the first day its reports agree on, else the day it was first published.
CLUSTER_DATE = "coalesce(c.date_start, c.first_published)"
SORT_KEYS = {"date": CLUSTER_DATE, "articles": "c.articles", "sources": "c.sources", "mentions": "c.mentions",
             "first_seen": "c.first_seen", "last_seen": "c.last_seen"}
ClusterSort = Literal["date", "-date", "articles", "-articles", "sources", "-sources", "mentions", "-mentions",
                      "first_seen", "-first_seen", "last_seen", "-last_seen"]


class ClusterListParams(BaseModel):
    """Which clusters: every field is optional; `event` matches any of its values."""

    model_config = ConfigDict(extra="forbid")

    event: list[PloverTypeName] = Field(default_factory=list, description="PLOVER event types.",
                                        json_schema_extra=_enum_of(plover_types))
    actor_country: str | None = Field(None, pattern=CODE, description="Actor country code (ISO3, IGO, UNO...).")
    recipient_country: str | None = Field(None, pattern=CODE, description="Recipient country code.")
    country: str | None = Field(None, pattern=CODE,
                                description="A country on either side or where the event took place.")
    since: dt.date | None = Field(None, description="Clusters dated on or after this day (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Clusters dated on or before this day (YYYY-MM-DD).")
    min_mentions: int = Field(1, ge=1, le=1_000_000, description="At least this many events.")
    min_articles: int = Field(1, ge=1, le=1_000_000, description="Reported by at least this many articles.")
    min_sources: int = Field(1, ge=1, le=1_000_000, description="Reported by at least this many outlets.")
    sort: ClusterSort = Field("-articles", description="Sort key; a leading '-' sorts descending.")
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")
    limit: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"Rows to return (at most {MAX_PAGE_SIZE}).")

    @field_validator("actor_country", "recipient_country", "country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @model_validator(mode="after")
    def _range(self) -> "ClusterListParams":
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def where(self) -> tuple[str, list[Any]]:
        clauses = ["c.mentions >= ?", "c.articles >= ?", "c.sources >= ?"]
        params: list[Any] = [self.min_mentions, self.min_articles, self.min_sources]
        if self.event:
            clauses.append("c.event IN (SELECT unnest(?))")
            params.append(list(self.event))
        for column in ("actor_country", "recipient_country"):
            if getattr(self, column):
                clauses.append(f"c.{column} = ?")
                params.append(getattr(self, column))
        if self.country:
            clauses.append("(c.actor_country = ? OR c.recipient_country = ? OR c.location_country = ?)")
            params += [self.country] * 3
        if self.since:
            clauses.append(f"{CLUSTER_DATE} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{CLUSTER_DATE} <= ?")
            params.append(self.until)
        return " WHERE " + " AND ".join(clauses), params

    def order(self) -> str:
        expression = SORT_KEYS[self.sort.lstrip("-")]
        direction = "DESC" if self.sort.startswith("-") else "ASC"
        return f" ORDER BY {expression} {direction} NULLS LAST, c.first_seen, c.id"


def cluster_item(row: dict[str, Any]) -> dict[str, Any]:
    iso = _iso
    return {
        "id": row["id"], "event": row["event"], "modality": row["modality"],
        "actor": {"country": row["actor_country"], "sector": row["actor_sector"], "name": row["actor_name"]},
        "recipient": {"country": row["recipient_country"], "sector": row["recipient_sector"],
                      "name": row["recipient_name"]},
        "location_country": row["location_country"],
        "date": {"start": iso(row["date_start"]), "end": iso(row["date_end"])},
        "first_published": iso(row["first_published"]), "last_published": iso(row["last_published"]),
        "first_seen": iso(row["first_seen"]), "last_seen": iso(row["last_seen"]),
        "mentions": row["mentions"], "articles": row["articles"], "sources": row["sources"], "copies": row["copies"],
        "first_event_id": row["first_event_id"], "href": f"/api/clusters/{row['id']}",
    }


def list_clusters(store: Store, params: ClusterListParams) -> dict[str, Any]:
    require_clusters(store)
    where, values = params.where()
    total = store.query(f"SELECT count(*) FROM clusters c{where}", values)[1][0][0]
    rows = store.rows(f"SELECT c.* FROM clusters c{where}{params.order()} LIMIT ? OFFSET ?",
                      [*values, params.limit, params.offset])
    return {"total": total, "offset": params.offset, "limit": params.limit, "sort": params.sort,
            "items": [cluster_item(r) for r in rows]}


_REPORTS = f"""
SELECT e.id, e.article_id, e.event, e.trigger_text, e.date_start, e.date_end, e.location_name,
  substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
  a.title AS article_title, a.published, a.url, {outlet('a')} AS outlet, cp.copy_of, cp.similarity
FROM cluster_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id
LEFT JOIN article_copies cp ON cp.article_id = m.article_id
WHERE m.cluster_id = ? AND m.event_id <> ?
ORDER BY a.published, a.ingested_at, e.article_id, e.trigger_start, e.id LIMIT ?
"""


def reports(store: Store, cluster_id: str, except_event: str = "", limit: int = MAX_REPORTS) -> list[dict[str, Any]]:
    """The events of a cluster (but `except_event`) with their article, first published first."""
    items = []
    for row in store.rows(_REPORTS, [cluster_id, except_event, limit]):
        url = row["url"] or ""
        items.append({
            "event_id": row["id"], "article_id": row["article_id"], "event": row["event"],
            "trigger": row["trigger_text"], "sentence": row["sentence"],
            "date": {"start": _iso(row["date_start"]), "end": _iso(row["date_end"])},
            "location": row["location_name"], "article_title": row["article_title"],
            "published": _iso(row["published"]), "outlet": row["outlet"],
            "url": url if url.startswith(("https://", "http://")) else None,
            "copy_of": row["copy_of"], "similarity": row["similarity"],
        })
    return items


def get_cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    require_clusters(store)
    rows = store.rows("SELECT * FROM clusters WHERE id = ?", [cluster_id])
    if not rows:
        return None
    found = cluster_item(rows[0])
    found["reports"] = reports(store, cluster_id)
    return found


def cluster_of_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """The cluster of an event with its other reports; None when the event is not clustered (or the store has no
    clusters)."""
    if not has_clusters(store):
        return None
    rows = store.rows("SELECT c.* FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
                      "WHERE m.event_id = ?", [event_id])
    if not rows:
        return None
    found = cluster_item(rows[0])
    found["other_reports"] = reports(store, found["id"], except_event=event_id)
    return found
