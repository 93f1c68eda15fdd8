"""Fixtures of the REST API tests: the session's real store, a live server on it, and in-process ASGI clients."""
from __future__ import annotations

import asyncio

import httpx
import pytest

from herald.api import ApiConfig, create_app
from tests.api.support import TOKEN, build_store, copy_store, live_server


@pytest.fixture(scope="session")
def master_db(tmp_path_factory):
    return build_store(tmp_path_factory.getbasetemp() / "herald-store")


@pytest.fixture(scope="session")
def server(master_db, tmp_path_factory):
    """A live `herald serve` with writes enabled, on its own copy of the store."""
    work = tmp_path_factory.mktemp("api-server")
    with live_server(copy_store(master_db, work / "live.duckdb"), work) as running:
        yield running


class AsgiClient:
    """A synchronous face on httpx's in-process ASGI transport (no network, no server)."""

    def __init__(self, app):
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://herald.test")

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        return self._loop.run_until_complete(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


@pytest.fixture(scope="session")
def readonly_app(master_db, tmp_path_factory):
    """The app over a read-only copy of the store (no token: writes disabled)."""
    db = copy_store(master_db, tmp_path_factory.mktemp("api-ro") / "ro.duckdb")
    app = create_app(ApiConfig(db=db))
    yield app
    app.state.database.close()


@pytest.fixture(scope="session")
def client(readonly_app):
    asgi = AsgiClient(readonly_app)
    yield asgi
    asgi.close()


@pytest.fixture(scope="session")
def writable_client(master_db, tmp_path_factory):
    """The app with a token and a small body limit, over its own copy (for auth and limit checks)."""
    db = copy_store(master_db, tmp_path_factory.mktemp("api-rw") / "rw.duckdb")
    app = create_app(ApiConfig(db=db, token=TOKEN, max_body_bytes=20_000, max_articles_per_request=3))
    asgi = AsgiClient(app)
    yield asgi
    asgi.close()
    app.state.database.close()
