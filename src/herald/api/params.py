"""Query parameters of each endpoint, as pydantic models (validated by FastAPI: a bad value is a 422 that names it).

Each endpoint takes exactly one model, and unknown parameters are rejected, so a typo in a filter name is an error
rather than a silently unfiltered answer.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from herald.store.filters import CODE, EventFilters, SortKey

MAX_PAGE_SIZE = 500
MAX_NETWORK_EDGES = 1000
MAX_PLACES = 5000


class Page(BaseModel):
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")
    limit: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"Rows to return (at most {MAX_PAGE_SIZE}).")


class EventListParams(EventFilters):
    sort: SortKey = Field("-date", description="Sort key; a leading '-' sorts descending.")
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")
    limit: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"Rows to return (at most {MAX_PAGE_SIZE}).")


class DyadParams(EventFilters):
    a: str = Field(..., pattern=CODE, description="First country code (ISO3, IGO, UNO...).")
    b: str = Field(..., pattern=CODE, description="Second country code.")
    interval: Literal["week", "month"] = "month"
    direction: Literal["both", "a_to_b", "b_to_a"] = Field(
        "both", description="both: events either way; a_to_b: a acts on b; b_to_a: b acts on a.")

    @field_validator("a", "b")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @model_validator(mode="after")
    def _no_side_filters(self) -> "DyadParams":
        if self.actor_country or self.recipient_country or self.dyad:
            raise ValueError("a dyad is given by a and b; do not also give actor_country, recipient_country or dyad")
        return self


class NetworkParams(EventFilters):
    level: Literal["country", "actor"] = Field("country", description="Nodes are countries or named actors.")
    min_weight: int = Field(1, ge=1, le=1_000_000, description="Edges with at least this many events.")
    max_edges: int = Field(200, ge=1, le=MAX_NETWORK_EDGES, description="The heaviest edges kept.")
    include_self: bool = Field(False, description="Keep domestic edges (a country acting on itself).")


class PlaceParams(EventFilters):
    limit: int = Field(1000, ge=1, le=MAX_PLACES, description="The places with most events.")


class ArticleListParams(Page):
    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(None, min_length=1, max_length=200, description="Words in the title or id.")
    since: dt.date | None = Field(None, description="Published on or after this day (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Published on or before this day (YYYY-MM-DD).")


class ActorListParams(Page):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=100, description="Words in the name or an alias.")
    country: str | None = Field(None, pattern=CODE)
    sector: str | None = Field(None, pattern=CODE)
    kind: str | None = Field(None, min_length=1, max_length=30, description="person, organisation...")

    @field_validator("country", "sector")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value
