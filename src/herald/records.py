"""The typed records that flow through the pipeline.

Article -> (nlp) -> Mention / Actor -> Event with TimeRef and Place; Failure for what could not be processed.
Serialisation to the SCHEMA.md JSON shapes lives next to each record (`to_dict`) so every output (JSON Lines, CSV,
DuckDB, Parquet, the REST API) shares one definition.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "future", "negated", "hypothetical")
GRANULARITIES = ("day", "week", "month", "quarter", "year", "range")


@dataclass(slots=True)
class Article:
    """One news article. `text` is the body exactly as given: all offsets index it."""

    id: str
    published: dt.date
    text: str
    title: str | None = None
    source: str | None = None  # where it was read from: a file path, "path:line", or "-" for stdin
    content_hash: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)  # url, source, section and unknown JSON keys

    @property
    def url(self) -> str | None:
        return self.metadata.get("url")


@dataclass(slots=True)
class Failure:
    """An article (or an input record) that could not be read or processed, and why."""

    article_id: str | None
    source: str | None
    reason: str
    code: str
    stage: str  # ingest | nlp | code

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "source": self.source, "code": self.code, "stage": self.stage,
                "reason": self.reason}


@dataclass(slots=True)
class Actor:
    """Who acts or is acted upon (PLOVER actor block, plus the mention's offsets). `text` is None for an actor the
    text implies but does not name (an unidentified attacker: sector UAF)."""

    text: str | None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    other_sectors: list[str] = field(default_factory=list)
    office: str | None = None
    id: str | None = None
    start: int | None = None
    end: int | None = None
    resolved_by: str | None = None  # provenance: gazetteer, role, coref:..., kb
    posted_to: str | None = None  # an envoy's host country: "Ambassador of Kazakhstan to Belgium" -> BEL
    affiliation: str | None = None  # a party or organisation the person belongs to
    # A group ("the parties", "U.S. and Iraqi forces"): its individual members. The coder codes one event per member.
    members: list["Actor"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector,
                "other_sectors": list(self.other_sectors), "office": self.office, "id": self.id,
                "start": self.start, "end": self.end, "resolved_by": self.resolved_by, "posted_to": self.posted_to,
                "affiliation": self.affiliation}


@dataclass(slots=True)
class TimeRef:
    """A temporal expression normalised against the publication date (or the publication date itself)."""

    text: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: str | None
    value: str | None = None  # TimeML TIMEX3 value: "2021-09", "2021-W40", "P15Y", "PAST_REF"
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    start: int | None = None  # character offsets in the body (None for the publication date)
    end: int | None = None
    source: str = "text"  # text | publication

    def to_event_dict(self) -> dict[str, Any]:
        """The `date` block of an event record."""
        return {"text": self.text, "start": _iso(self.start_date), "end": _iso(self.end_date),
                "granularity": self.granularity, "source": self.source, "value": self.value,
                "char_start": self.start, "char_end": self.end}

    def to_mention_dict(self, article_id: str) -> dict[str, Any]:
        """One line of `herald times`."""
        return {"article_id": article_id, "text": self.text, "start": self.start, "end": self.end,
                "type": self.type, "value": self.value, "start_date": _iso(self.start_date),
                "end_date": _iso(self.end_date), "granularity": self.granularity}


@dataclass(slots=True)
class Place:
    """A toponym, resolved to a GeoNames entry when possible."""

    text: str
    start: int | None = None
    end: int | None = None
    geonames_id: int | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature code (PPLC, PPLA, PCLI, ADM1...)
    source: str = "text"  # text | dateline | article (the place the story is about, not said of this event)
    kind: str = "name"  # name | adjective (a demonym or nationality adjective standing for its country: "Russian")

    def to_event_dict(self) -> dict[str, Any]:
        """The `location` block of an event record."""
        return {"text": self.text, "name": self.name, "country": self.country, "geonames_id": self.geonames_id,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "feature": self.feature,
                "source": self.source, "char_start": self.start, "char_end": self.end}

    def to_mention_dict(self, article_id: str) -> dict[str, Any]:
        """One line of `herald places`."""
        return {"article_id": article_id, "text": self.text, "start": self.start, "end": self.end,
                "geonames_id": self.geonames_id, "name": self.name, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "feature": self.feature, "kind": self.kind}


@dataclass(slots=True)
class Span:
    """Words of the body with their offsets (`body[start:end] == text`)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One coded event with its evidence (docs/SCHEMA.md)."""

    id: str
    article_id: str
    event: str
    trigger: Span
    sentence_index: int
    sentence: Span
    coder: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    modality: str = "asserted"
    actor: Actor | None = None
    recipient: Actor | None = None
    date: TimeRef | None = None
    location: Place | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date.to_event_dict() if self.date else None,
            "location": self.location.to_event_dict() if self.location else None,
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "text_info": {"sentence": self.sentence_index, "start": self.sentence.start, "end": self.sentence.end},
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass(slots=True)
class ArticleResult:
    """Everything the pipeline learnt from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every resolved actor mention (feeds the actor KB)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
