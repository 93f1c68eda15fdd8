"""The answer cache of the read endpoints (herald.api.cache): a write makes every cached answer unreachable,
concurrent requests on their own cursors get the answers a lone request gets, and a burst of identical requests
computes the answer once. Real store copies, the real app, the real pipeline for POSTs."""
from __future__ import annotations

import asyncio
import json
import threading
import time

import httpx
import pytest

from herald.api import ApiConfig, analysis, create_app, queries
from herald.api.cache import ResponseCache, encode
from herald.api.params import DyadParams, EventListParams, NetworkParams, PlaceParams
from herald.store.filters import EventFilters
from tests.api.support import POSTED_ARTICLE, TOKEN, copy_store

# Written for this test: a story whose events are new to the store.
CACHE_ARTICLE = dict(POSTED_ARTICLE, id="herald-test-cache-1", published="2024-08-14",
                     text="The president of Chile met the prime minister of Portugal in Lisbon on Wednesday. Chile "
                          "accused Portugal of blocking a trade agreement, officials said.")
VIEWS = [  # (path, query, the function behind it, its parameters)
    ("/api/summary", {}, analysis.summary, EventFilters()),
    ("/api/summary", {"actor_country": "USA"}, analysis.summary, EventFilters(actor_country="USA")),
    ("/api/summary", {"event": "CONSULT"}, analysis.summary, EventFilters(event=["CONSULT"])),
    ("/api/events", {"limit": "20"}, queries.list_events, EventListParams(limit=20)),
    ("/api/events", {"limit": "20", "offset": "20"}, queries.list_events, EventListParams(limit=20, offset=20)),
    ("/api/places", {}, analysis.places, PlaceParams()),
    ("/api/network", {}, analysis.network, NetworkParams()),
    ("/api/dyads", {"a": "USA", "b": "IRN"}, analysis.dyad_series, DyadParams(a="USA", b="IRN")),
]


def _comparable(body: dict) -> dict:
    """An answer without `top_event`: SQL mode() picks any of equally frequent types, even for a lone request."""
    strip = lambda rows: [{k: v for k, v in row.items() if k != "top_event"} for row in rows]  # noqa: E731
    return {k: strip(v) if k in ("items", "edges") and isinstance(v, list) else v for k, v in body.items()}


async def _gather(app, requests: list[tuple[str, dict]]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://herald.test") as http:
        return await asyncio.gather(*(http.get(path, params=query) for path, query in requests))


@pytest.fixture()
def writable_app(master_db, tmp_path):
    app = create_app(ApiConfig(db=copy_store(master_db, tmp_path / "cache.duckdb"), token=TOKEN, warm_up=False))
    yield app
    app.state.database.close()


def test_a_post_makes_every_cached_answer_fresh(writable_app):
    async def scenario():
        transport = httpx.ASGITransport(app=writable_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://herald.test", timeout=300) as http:
            mine = {"article_id": CACHE_ARTICLE["id"]}
            before = [(await http.get("/api/summary")).json(), (await http.get("/api/events", params=mine)).json(),
                      (await http.get("/api/summary", params={"actor_country": "CHL"})).json()]
            again = (await http.get("/api/summary")).json()
            hits = (await http.get("/api/health")).json()["cache"]["hits"]
            posted = await http.post("/api/articles", json={"articles": [CACHE_ARTICLE]},
                                     headers={"Authorization": f"Bearer {TOKEN}"})
            after = [(await http.get("/api/summary")).json(), (await http.get("/api/events", params=mine)).json(),
                     (await http.get("/api/summary", params={"actor_country": "CHL"})).json()]
            health = (await http.get("/api/health")).json()
            return before, again, hits, posted, after, health

    before, again, hits, posted, after, health = asyncio.run(scenario())
    assert again == before[0] and hits >= 1  # unchanged store: the same answer, from the cache
    assert posted.status_code == 201, posted.text
    new_events = posted.json()["events"]
    assert new_events >= 1
    assert health["store_version"] >= 1
    assert after[0]["events"] == before[0]["events"] + new_events
    assert after[0]["store"]["articles"] == before[0]["store"]["articles"] + 1
    assert before[1]["total"] == 0 and after[1]["total"] == new_events
    assert {item["article_id"] for item in after[1]["items"]} == {CACHE_ARTICLE["id"]}
    assert after[2]["events"] > before[2]["events"]  # a filtered view too


def test_concurrent_requests_get_what_a_lone_request_gets(master_db, tmp_path):
    """No cache (0 entries): 40 requests at once, each on its own cursor, against the functions run one by one."""
    app = create_app(ApiConfig(db=copy_store(master_db, tmp_path / "ro.duckdb"), cache_entries=0, warm_up=False))
    try:
        with app.state.database.reader() as store:
            expected = [_comparable(json.loads(encode(compute(store, params)))) for _, _, compute, params in VIEWS]
        requests = [(path, query) for path, query, _, _ in VIEWS] * 5
        responses = asyncio.run(_gather(app, requests))
        assert [r.status_code for r in responses] == [200] * len(requests)
        assert [_comparable(r.json()) for r in responses] == expected * 5
        assert app.state.cache.stats().entries == 0
    finally:
        app.state.database.close()


def test_a_burst_of_one_request_computes_it_once(master_db, tmp_path):
    app = create_app(ApiConfig(db=copy_store(master_db, tmp_path / "ro.duckdb"), warm_up=False))
    try:
        responses = asyncio.run(_gather(app, [("/api/summary", {"event": "ACCUSE"})] * 20))
        assert len({r.content for r in responses}) == 1 and responses[0].json()["events"] > 0
        stats = app.state.cache.stats()
        assert stats.misses == 1 and stats.hits + stats.waits >= 19
    finally:
        app.state.database.close()


def test_the_cache_is_bounded_and_drops_old_versions():
    cache = ResponseCache(max_entries=3)
    for n in range(5):
        cache.get(("view", n), 0, lambda n=n: {"n": n})
    assert cache.stats().entries == 3
    calls = []
    assert json.loads(cache.get(("view", 4), 0, lambda: calls.append(1) or {"n": -1}).body) == {"n": 4} and not calls
    assert json.loads(cache.get(("view", 4), 1, lambda: {"n": 44}).body) == {"n": 44}  # a write happened
    assert cache.stats().entries == 1  # the answers of version 0 are gone


def test_an_answer_computed_during_a_write_is_not_kept_for_after_it():
    """An answer is stored under the version read before it was computed: once the version moved on, it is dropped."""
    cache = ResponseCache()
    started, release = threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(10)
        return {"stale": True}

    worker = threading.Thread(target=cache.get, args=(("view",), 0, slow))
    worker.start()
    started.wait(10)
    assert json.loads(cache.get(("other",), 1, lambda: {"fresh": True}).body) == {"fresh": True}  # the write finished
    release.set()
    worker.join(10)
    assert json.loads(cache.get(("view",), 1, lambda: {"stale": False}).body) == {"stale": False}
    assert cache.stats().entries == 2


def test_a_failed_computation_is_not_cached_and_waiters_retry():
    cache = ResponseCache()
    calls = []

    def failing():
        calls.append(1)
        time.sleep(0.05)
        raise RuntimeError("query failed")

    with pytest.raises(RuntimeError):
        cache.get(("view",), 0, failing)
    assert json.loads(cache.get(("view",), 0, lambda: {"ok": 1}).body) == {"ok": 1} and calls == [1]


def test_cached_answers_are_gzipped_once_for_clients_that_take_gzip(client):
    zipped = client.get("/api/summary", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/api/summary", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert zipped.json() == plain.json() and zipped.json()["events"] > 0
    assert int(zipped.headers["content-length"]) < int(plain.headers["content-length"])


def test_holding_the_writer_for_bookkeeping_keeps_the_cached_answers(writable_app):
    database = writable_app.state.database
    before = database.version
    with database.writer(changes=False):  # the watcher reading its file table, or recording a file
        pass
    assert database.version == before
    with database.writer():  # a write of articles and events
        pass
    assert database.version == before + 1


def test_posting_a_stored_article_again_parses_nothing_and_keeps_the_cache(writable_app):
    async def scenario():
        transport = httpx.ASGITransport(app=writable_app)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(transport=transport, base_url="http://herald.test", timeout=300) as http:
            first = await http.post("/api/articles", json={"articles": [CACHE_ARTICLE]}, headers=auth)
            version = (await http.get("/api/health")).json()["store_version"]
            again = await http.post("/api/articles", json={"articles": [CACHE_ARTICLE]}, headers=auth)
            return first, version, again, (await http.get("/api/health")).json()["store_version"]

    first, version, again, version_after = asyncio.run(scenario())
    assert first.status_code == 201 and first.json()["articles"][0]["stored"]
    assert again.status_code == 200 and again.json()["unchanged"] == 1 and again.json()["events"] == 0
    assert again.json()["articles"] == [{"id": CACHE_ARTICLE["id"], "events": None, "stored": False,
                                         "href": f"/api/articles/{CACHE_ARTICLE['id']}"}]
    assert version_after == version  # recognised before any parse: nothing written, the cached answers stay
