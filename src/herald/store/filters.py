"""Which events: the one filter model of `herald events`, `herald export` and the REST API, and the one SQL builder
that turns it into a parameterised query over `events e`.

User values only ever travel as SQL parameters; the only SQL text chosen by a user is a sort key looked up in
`SORT_KEYS` (a whitelist). The vocabularies come from their one source: PLOVER types from the ontology
(`herald.events.ontology`, read on first use, not at import), modalities from `herald.records.MODALITIES`.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from herald.errors import QueryError
from herald.records import MODALITIES

QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

CODE = r"^[A-Za-z]{3}$"  # ISO 3166-1 alpha-3 country (or IGO, UNO...) and PLOVER sector codes
CAMEO_ROOT = r"^(0[1-9]|1[0-9]|20)$"


@cache
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types, in the ontology's order."""
    from herald.events.ontology import load_ontology

    return tuple(load_ontology().types)


def _plover_type(value: str) -> str:
    if value not in plover_types():
        raise ValueError(f"unknown PLOVER event type {value!r} (one of {', '.join(plover_types())})")
    return value


def _modality(value: str) -> str:
    if value not in MODALITIES:
        raise ValueError(f"unknown modality {value!r} (one of {', '.join(MODALITIES)})")
    return value


def _enum_of(values) -> Any:
    """OpenAPI: list the allowed values of a list field (computed when the schema is built, not at import)."""
    def extra(schema: dict[str, Any]) -> None:
        schema.setdefault("items", {})["enum"] = list(values())
    return extra


PloverTypeName = Annotated[str, AfterValidator(_plover_type)]
ModalityName = Annotated[str, AfterValidator(_modality)]

# The date of an event: the date the text gives, else the publication date.
EVENT_DATE = "coalesce(e.date_start, e.published)"
SORT_KEYS: dict[str, str] = {
    "date": EVENT_DATE, "published": "e.published", "goldstein": "e.goldstein", "confidence": "e.confidence",
    "event": "e.event", "quad_class": "e.quad_class", "actor_country": "e.actor_country",
    "recipient_country": "e.recipient_country", "article": "e.article_id",
}
SortKey = Literal["date", "-date", "published", "-published", "goldstein", "-goldstein", "confidence",
                  "-confidence", "event", "-event", "quad_class", "-quad_class", "actor_country", "-actor_country",
                  "recipient_country", "-recipient_country", "article", "-article"]


class EventFilters(BaseModel):
    """Which events: every field is optional; list fields match any of their values."""

    model_config = ConfigDict(extra="forbid")

    actor_country: str | None = Field(None, pattern=CODE, description="Actor country code (ISO3, IGO, UNO...).")
    recipient_country: str | None = Field(None, pattern=CODE, description="Recipient country code.")
    dyad: str | None = Field(None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$",
                             description="Two country codes, e.g. USA-CHN: events between them, either way.")
    actor_sector: str | None = Field(None, pattern=CODE, description="Actor PLOVER sector (GOV, MIL, REB...).")
    recipient_sector: str | None = Field(None, pattern=CODE, description="Recipient PLOVER sector.")
    actor_name: str | None = Field(None, min_length=1, max_length=100,
                                   description="Words in the actor's name or text (case-insensitive).")
    recipient_name: str | None = Field(None, min_length=1, max_length=100,
                                       description="Words in the recipient's name or text.")
    event: list[PloverTypeName] = Field(default_factory=list, description="PLOVER event types.",
                                        json_schema_extra=_enum_of(plover_types))
    cameo_root: list[str] = Field(default_factory=list, description="CAMEO roots, 01 to 20.")
    quad_class: list[int] = Field(default_factory=list,
                                  description="QuadClass: 1 verbal coop., 2 material coop., 3 verbal conflict, "
                                              "4 material conflict.")
    modality: list[ModalityName] = Field(default_factory=list, description=", ".join(MODALITIES) + ".",
                                         json_schema_extra=_enum_of(lambda: MODALITIES))
    since: dt.date | None = Field(None, description="Events dated on or after this day (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Events dated on or before this day (YYYY-MM-DD).")
    place: str | None = Field(None, min_length=1, max_length=100,
                              description="Words in the place name, or its country code.")
    geonames_id: int | None = Field(None, ge=1, description="Events located at this GeoNames place.")
    q: str | None = Field(None, min_length=1, max_length=200, description="Words in the event's sentence.")
    article_id: str | None = Field(None, min_length=1, max_length=300, description="Events of one article.")
    min_confidence: float | None = Field(None, ge=0, le=1)
    one_a_day: bool = Field(False, description="One event per cluster (real-world event) per day: its first report.")

    @field_validator("actor_country", "recipient_country", "dyad", "actor_sector", "recipient_sector")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("cameo_root")
    @classmethod
    def _roots(cls, values: list[str]) -> list[str]:
        import re

        for value in values:
            if not re.match(CAMEO_ROOT, value):
                raise ValueError(f"a CAMEO root is two digits from 01 to 20, got {value!r}")
        return values

    @field_validator("quad_class")
    @classmethod
    def _quads(cls, values: list[int]) -> list[int]:
        for value in values:
            if value not in QUAD_CLASS_NAMES:
                raise ValueError(f"QuadClass is 1, 2, 3 or 4, got {value}")
        return values

    @model_validator(mode="after")
    def _range(self) -> "EventFilters":
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def source(self) -> str:
        """FROM clause: `events e`, joined to `articles a` only when a filter reads the article (`q`): the join
        costs more than the rest of most queries at millions of events."""
        return FROM_EVENTS if self.q else FROM_EVENTS_ONLY

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over `events e` (joined to `articles a` for `q`, see `source`) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(fragment: str, *values: Any) -> None:
            clauses.append(fragment)
            params.extend(values)

        for column in ("actor_country", "recipient_country", "actor_sector", "recipient_sector", "article_id"):
            value = getattr(self, column)
            if value is not None:
                add(f"e.{column} = ?", value)
        if self.dyad:
            first, second = self.dyad.split("-")
            add(EITHER_WAY, first, second, second, first)
        for side in ("actor", "recipient"):
            words = getattr(self, f"{side}_name")
            if words:
                add(f"contains(lower(concat_ws(' ', e.{side}_name, e.{side}_text, e.{side}_office)), lower(?))", words)
        for column, values in (("event", self.event), ("cameo_root", self.cameo_root),
                               ("quad_class", self.quad_class), ("modality", self.modality)):
            if values:  # a constant list (bounded by the vocabularies): DuckDB filters it inside the scan
                add(f"e.{column} IN ({', '.join('?' * len(values))})", *values)
        if self.since:
            add(f"{EVENT_DATE} >= ?", self.since)
        if self.until:
            add(f"{EVENT_DATE} <= ?", self.until)
        if self.place:
            add("(contains(lower(concat_ws(' ', e.location_name, e.location_text, e.location_admin1)), lower(?)) "
                "OR e.location_country = upper(?))", self.place, self.place)
        if self.geonames_id is not None:
            add("e.location_geonames_id = ?", self.geonames_id)
        if self.q:
            add(f"contains(lower({SENTENCE}), lower(?))", self.q)
        if self.min_confidence is not None:
            add("e.confidence >= ?", self.min_confidence)
        if self.one_a_day:
            from herald.store.clusters import ONE_A_DAY

            add(ONE_A_DAY)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# The sentence of an event, cut from its article (offsets are code points, as DuckDB's substring counts).
SENTENCE = "substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
FROM_EVENTS = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
FROM_EVENTS_ONLY = "FROM events e"
# One direction of a dyad (parameters: actor, recipient), and both (actor, recipient, recipient, actor).
PAIR = "(e.actor_country = ? AND e.recipient_country = ?)"
EITHER_WAY = f"({PAIR} OR {PAIR})"


def and_also(where: str, *conditions: str) -> str:
    """A WHERE clause from `EventFilters.where` with fixed `conditions` ANDed on (their parameters go last)."""
    return f"{where} {'AND' if where else 'WHERE'} " + " AND ".join(conditions)


def order_by(sort: str) -> str:
    """`-date` -> ORDER BY ... DESC, with stable tie-breakers. `sort` was validated against SortKey."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    expression = SORT_KEYS[key]  # KeyError only if SortKey and SORT_KEYS disagree (a bug)
    direction = "DESC" if descending else "ASC"
    return f" ORDER BY {expression} {direction} NULLS LAST, e.article_id, e.trigger_start, e.id"


def select_events(filters: EventFilters, columns: str = "e.*", *, sort: str = "-date", limit: int | None = None,
                  offset: int = 0, also: list[str] | None = None,
                  also_values: list[Any] | None = None) -> tuple[str, list[Any]]:
    """The one query of matching events: `SELECT columns FROM events e [JOIN articles a] WHERE ... ORDER BY ...
    [LIMIT ? OFFSET ?]` and its parameters. `columns` and the extra conditions `also` (parameters `also_values`)
    are SQL text chosen by Herald, never by a user."""
    where, params = filters.where()
    if also:
        where = and_also(where, *also)
        params += list(also_values or [])
    sql = f"SELECT {columns} {filters.source()}{where}{order_by(sort)}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return sql, params


def parse_filters(labels: dict[str, str] | None = None, **values: Any) -> EventFilters:
    """EventFilters from keyword values (None values are left out). An invalid value is a QueryError that names
    it, by its `labels` entry when given (a command line calls `actor_country` `--actor`)."""
    labels = labels or {}
    try:
        return EventFilters(**{key: value for key, value in values.items() if value is not None})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field, *rest = [str(part) for part in error["loc"]] or ["filters"]
            name = labels.get(field, ".".join([field, *rest]))
            problems.append(f"{name}: {error['msg']}")
        raise QueryError(f"invalid filter: {'; '.join(problems)}") from None
