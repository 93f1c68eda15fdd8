"""The FastAPI application: JSON API under /api, OpenAPI docs at /docs (served offline), the dashboard at /."""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse

from herald import __version__
from herald.api.cache import ResponseCache
from herald.api.config import ApiConfig
from herald.api.database import Database
from herald.api.routes import answer, default_views, router
from herald.api.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from herald.api.writes import Ingestor, PipelineFactory, default_pipeline
from herald.errors import StoreError

log = logging.getLogger(__name__)


def create_app(config: ApiConfig, *, pipeline_factory: PipelineFactory = default_pipeline) -> FastAPI:
    """Open the store (read-only unless a token enables writes) and build the app over it."""
    from herald.web import mount_dashboard

    database = Database(config.db, writable=config.store_writable)
    ingestor = Ingestor(database, config, pipeline_factory)
    watcher = folder_watcher(config, database, ingestor)
    cache = ResponseCache(max_entries=config.cache_entries)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if watcher is not None:
            watcher.start()
        if config.warm_up:
            threading.Thread(target=warm_up, args=(database, cache), name="herald-warm-up", daemon=True).start()
        yield
        if watcher is not None:
            watcher.stop()
        database.close()

    app = FastAPI(title="Herald", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data from news: who did what to whom, when and where, with the "
                              "sentence that says so. Read endpoints are open; POST /api/articles needs the "
                              "server's token.")
    app.state.config = config
    app.state.database = database
    app.state.cache = cache
    app.state.ingestor = ingestor
    app.state.watcher = watcher
    app.include_router(router)
    mount_dashboard(app)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(BodyLimitMiddleware, max_bytes=config.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    log.info("serving %s (%s)", config.db, "writes enabled" if config.writes_enabled else "read-only")
    return app


def warm_up(database: Database, cache: ResponseCache) -> None:
    """Compute the dashboard's unfiltered views into the cache, so the first visitors do not wait for them."""
    for name, params, compute in default_views():
        try:
            answer(database, cache, name, params, compute)
        except Exception as exc:  # the server goes on; the view is computed when first asked for
            log.warning("warm-up of %s failed: %s", name, exc)
            return


def folder_watcher(config: ApiConfig, database: Database, ingestor: Ingestor):
    """`serve --watch`: a Watcher writing through the server's single writer and sharing its pipeline."""
    if config.watch_dir is None:
        return None
    from herald.ingest import Limits
    from herald.watch import FolderScanner, Watcher

    return Watcher(FolderScanner(config.watch_dir), database.writer, ingestor.pipelines,
                   limits=Limits(max_chars=config.max_article_chars), interval=config.watch_interval)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with a one-line message naming each bad parameter, and the details (without echoing inputs)."""
    errors = [{k: v for k, v in e.items() if k not in ("input", "url", "ctx")} for e in exc.errors()]
    message = "; ".join(_describe(e) for e in errors)
    return JSONResponse(status_code=422, content={"message": message, "detail": jsonable_encoder(errors)})


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"][1:])
    text = error["msg"].removeprefix("Value error, ")
    return f"{where}: {text}" if where else text


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return JSONResponse(status_code=503, content={"detail": str(exc)})
