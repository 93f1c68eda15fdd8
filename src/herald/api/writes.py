"""POST /api/articles: run the pipeline on posted articles and store the results (the server is the one writer).
Articles already stored (same id and content, or the same content under another id) are recognised before any NLP
and listed with `"stored": false, "events": null`.

One Pipeline per server process, built on the first POST (spaCy loads once, ~2 s) with the actor knowledge base as
stored then; what posted articles teach the KB is saved after each write, as `herald ingest` does.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from herald.api.config import ApiConfig
from herald.api.database import Database
from herald.errors import ArticleError
from herald.ingest import Limits, content_hash
from herald.ingest.checks import check_body
from herald.ingest.formats import parse_date
from herald.ingest.reader import failure_from
from herald.ingestion import IngestSummary, skip_stored, store_results
from herald.lazy_pipeline import LazyPipeline, PipelineFactory
from herald.records import Article, ArticleResult, Failure
from herald.store import WriteStats

if TYPE_CHECKING:
    from herald.actors import ActorKB
    from herald.pipeline import Pipeline

log = logging.getLogger(__name__)

ARTICLE_ID = r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,199}$"
SOURCE = "api"


class ArticleIn(BaseModel):
    """An article as in a JSON Lines file (docs/SCHEMA.md); keys beyond these are kept as metadata."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(..., pattern=ARTICLE_ID, description="Letters, digits, '.', '_', ':' or '-' (at most 200).")
    text: str = Field(..., min_length=1, description="The body; event offsets index it.")
    published: dt.date = Field(..., description="ISO date or date-time.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    section: str | None = Field(None, max_length=200)

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"published must be an ISO date or date-time ({exc})") from None

    def to_article(self) -> Article:
        metadata = {k: v for k, v in self.model_dump().items() if k not in ("id", "text", "published", "title")
                    and v is not None}
        return Article(id=self.id, published=self.published, text=self.text, title=self.title, source=SOURCE,
                       content_hash=content_hash(self.text), metadata=metadata)


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1)


def default_pipeline(kb: "ActorKB") -> "Pipeline":
    from herald.pipeline import Pipeline

    return Pipeline.default(kb=kb)


class Ingestor:
    def __init__(self, database: Database, config: ApiConfig, pipeline_factory: PipelineFactory = default_pipeline):
        self.database = database
        self.limits = Limits(max_chars=config.max_article_chars)
        self.pipelines = LazyPipeline(pipeline_factory)  # shared with the folder watcher (serve --watch)

    def ingest(self, posted: list[ArticleIn]) -> dict[str, Any]:
        items: list[Article | Failure] = []
        for entry in posted:
            article = entry.to_article()
            try:
                check_body(article.text, self.limits)
                items.append(article)
            except ArticleError as exc:
                items.append(failure_from(exc, article.id, SOURCE))
        results: list[ArticleResult] = []
        failures: list[Failure] = []
        known = IngestSummary(db=self.database.path)
        with self.database.writer(changes=False) as store:  # stored articles are recognised before any NLP
            fresh = list(skip_stored(items, store, known))
        stats = WriteStats()
        if fresh:
            with self.database.writer() as store:  # one ingestion at a time; readers go on meanwhile
                pipeline, learned = self.pipelines.get(store)
                for item in pipeline.run(fresh):
                    (failures if isinstance(item, Failure) else results).append(item)
                stats = store_results(store, results, failures, learned)
        stats.unchanged += known.stats.unchanged
        stats.duplicates += known.stats.duplicates
        written = set(stats.written_ids)
        coded = {r.article.id for r in results} | {f.article_id for f in failures}
        skipped = [a for a in items if isinstance(a, Article) and a.id not in coded]
        log.info("POST: %d articles, %d written, %d already stored, %d events, %d failed", len(posted), len(written),
                 len(skipped), stats.events, len(failures))
        return {
            "received": len(posted), "new": stats.new, "replaced": stats.replaced, "unchanged": stats.unchanged,
            "duplicates": stats.duplicates, "events": stats.events,
            "articles": [{"id": r.article.id, "events": len(r.events), "stored": r.article.id in written,
                          "href": f"/api/articles/{r.article.id}"} for r in results]
            + [{"id": a.id, "events": None, "stored": False, "href": f"/api/articles/{a.id}"} for a in skipped],
            "failures": [f.to_dict() for f in failures],
        }
