"""The JSON endpoints under /api. Most handlers are plain functions (FastAPI runs them in its thread pool), each
reading through its own cursor (the `Reader` dependency). The lists and aggregates of the dashboard answer from the
server's answer cache (`herald.api.cache`) while the store is unchanged: a cached answer is sent straight from the
event loop, and only a missing one takes a thread and a cursor to compute."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from herald.api import analysis, clusters, queries
from herald.api.cache import Answer, ResponseCache
from herald.api.database import Database, Reader
from herald.api.filters import EventFilters
from herald.api.highlight import marks_for
from herald.api.params import ActorListParams, ArticleListParams, DyadParams, EventListParams, NetworkParams, PlaceParams
from herald.api.security import require_token
from herald.api.writes import ArticlesIn
from herald.store import Store

router = APIRouter(prefix="/api")
_JSON = {200: {"content": {"application/json": {"schema": {"type": "object"}}}}}


Compute = Callable[[Store, Any], dict[str, Any]]


def answer(database: Database, cache: ResponseCache, name: str, params: BaseModel, compute: Compute) -> Answer:
    """The JSON of `compute(store, params)` from the cache, or computed on a fresh cursor and kept."""
    version = database.version  # read before the queries run (see herald.api.cache)

    def run() -> dict[str, Any]:
        with database.reader() as store:
            return compute(store, params)

    return cache.get((name, params.model_dump_json()), version, run)


async def cached(request: Request, name: str, params: BaseModel, compute: Compute) -> Response:
    """The cached answer as a response, gzipped once for all when the client takes gzip. A cached answer is sent
    from the event loop; a missing one is computed in the thread pool (DuckDB and the shaping code block)."""
    state = request.app.state
    found = state.cache.peek((name, params.model_dump_json()), state.database.version)
    if found is None:
        found = await run_in_threadpool(answer, state.database, state.cache, name, params, compute)
    if found.gzipped is not None and "gzip" in request.headers.get("accept-encoding", "").lower():
        return Response(found.gzipped, media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(found.body, media_type="application/json")


@router.get("/health", tags=["meta"])
def health(request: Request, store: Reader) -> dict[str, Any]:
    """Liveness, whether this server accepts writes, and (with `serve --watch`) the folder watcher's state: running,
    directory, files seen and coded, articles processed and failed, events, last scan time, last error; the answer
    cache's hits, misses and size, and the store version it is keyed by (the writes this server made); whether the
    aggregates are read from the store's aggregate tables (false: a store written before them, opened read-only)."""
    state = request.app.state
    body = {"status": "ok", "events": store.count("events"), "writes_enabled": state.config.writes_enabled,
            "aggregate_tables": state.database.aggregates,
            "store_version": state.database.version, "cache": state.cache.stats().to_dict()}
    watcher = getattr(request.app.state, "watcher", None)
    if watcher is not None:
        body["watcher"] = watcher.status().to_dict()
    return body


@router.get("/summary", tags=["analysis"], responses=_JSON)
async def summary(request: Request, filters: Annotated[EventFilters, Query()]) -> Response:
    """Counts of the matching events: by type, QuadClass, modality, month; top countries and dyads."""
    return await cached(request, "summary", filters, analysis.summary)


@router.get("/events", tags=["events"], responses=_JSON)
async def events(request: Request, params: Annotated[EventListParams, Query()]) -> Response:
    """Events matching the filters, one page at a time, each with its sentence."""
    return await cached(request, "events", params, queries.list_events)


@router.get("/events/{event_id:path}", tags=["events"])
def event(store: Reader, event_id: str) -> dict[str, Any]:
    """One event with its evidence: the sentence, the trigger's offsets, the rule or model that coded it, and its
    cluster with the other reports of the same real-world event. Event ids contain '#': send it as %23."""
    found = queries.get_event(store, event_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no event {event_id!r}")
    found["cluster"] = clusters.cluster_of_event(store, event_id)  # the other reports of the same real-world event
    return found


@router.get("/clusters", tags=["clusters"], responses=_JSON)
async def cluster_list(request: Request, params: Annotated[clusters.ClusterListParams, Query()]) -> Response:
    """Real-world events: the events that report the same one (same type, actors, overlapping dates, compatible
    place) with counts of mentions, articles, distinct sources and near-copies."""
    return await cached(request, "clusters", params, clusters.list_clusters)


@router.get("/clusters/{cluster_id}", tags=["clusters"])
def cluster(store: Reader, cluster_id: Annotated[str, Path(pattern=clusters.CLUSTER_ID)]) -> dict[str, Any]:
    """One cluster with every report of it (event, sentence, article, outlet, and which article a copy copies)."""
    found = clusters.get_cluster(store, cluster_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no cluster {cluster_id!r}")
    return found


@router.get("/articles", tags=["articles"])
def articles(store: Reader, params: Annotated[ArticleListParams, Query()]) -> dict[str, Any]:
    """Stored articles, newest first."""
    return queries.list_articles(store, params)


@router.get("/articles/{article_id:path}", tags=["articles"])
def article(store: Reader, article_id: str) -> dict[str, Any]:
    """One article: its text, its events, and the spans to highlight (triggers, actors, recipients, dates,
    places), as offsets into the text."""
    found = queries.get_article(store, article_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {article_id!r}")
    found["marks"] = [m.to_dict() for m in marks_for(found["text"], found["events"])]
    return found


@router.post("/articles", tags=["articles"], status_code=status.HTTP_201_CREATED,
             responses={200: {"description": "Nothing new was stored (already stored or duplicates)"},
                        401: {"description": "No token given"}, 403: {"description": "Bad token, or writes disabled"},
                        413: {"description": "Body too large"}, 422: {"description": "Invalid articles"}},
             dependencies=[Depends(require_token)])
def post_articles(request: Request, response: Response, body: ArticlesIn) -> dict[str, Any]:
    """Code new articles (JSON, as in a JSON Lines file) and store them. Needs `Authorization: Bearer <token>`."""
    config = request.app.state.config
    if len(body.articles) > config.max_articles_per_request:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"at most {config.max_articles_per_request} articles per request, "
                            f"got {len(body.articles)}")
    result = request.app.state.ingestor.ingest(body.articles)
    if not result["articles"]:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            {"message": "no article could be processed", "failures": result["failures"]})
    if not any(a["stored"] for a in result["articles"]):
        response.status_code = status.HTTP_200_OK
    return result


@router.get("/actors", tags=["actors"], responses=_JSON)
async def actors(request: Request, params: Annotated[ActorListParams, Query()]) -> Response:
    """The actor knowledge base (what ingestion learnt about named actors), most mentioned first."""
    return await cached(request, "actors", params, queries.list_actors)


@router.get("/dyads", tags=["analysis"], responses=_JSON)
async def dyads(request: Request, params: Annotated[DyadParams, Query()]) -> Response:
    """Events between two countries per week or month: counts by QuadClass, PLOVER type and direction, and the
    Goldstein sum (cooperation above zero, conflict below)."""
    return await cached(request, "dyads", params, analysis.dyad_series)


@router.get("/network", tags=["analysis"], responses=_JSON)
async def network(request: Request, params: Annotated[NetworkParams, Query()]) -> Response:
    """Who acts on whom: nodes (with layout positions) and directed edges weighted by event counts."""
    return await cached(request, "network", params, analysis.network)


@router.get("/places", tags=["analysis"], responses=_JSON)
async def places(request: Request, params: Annotated[PlaceParams, Query()]) -> Response:
    """Where events happen: one point per place, with counts and mean Goldstein."""
    return await cached(request, "places", params, analysis.places)


def default_views() -> list[tuple[str, BaseModel, Compute]]:
    """What the dashboard's pages ask first, unfiltered: computed when the server starts (`warm_up`)."""
    return [("summary", EventFilters(), analysis.summary), ("events", EventListParams(), queries.list_events),
            ("places", PlaceParams(), analysis.places), ("network", NetworkParams(), analysis.network)]
