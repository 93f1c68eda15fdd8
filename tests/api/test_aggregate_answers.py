"""Answers read from the aggregate cells are the answers read from the events: every dashboard endpoint, over the
session's real store (VOA, ingested by the CLI), for filters the cells answer and filters they cannot (a date
inside a month, words, sectors), each computed twice: with the store's aggregate tables and without them."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from herald.api import analysis, queries
from herald.api.params import DyadParams, EventListParams, NetworkParams, PlaceParams
from herald.store import Store
from herald.store.aggregates import cube_filters
from herald.store.filters import EventFilters, parse_filters

from tests.api.support import copy_store


@pytest.fixture(scope="module")
def stores(master_db, tmp_path_factory):
    """(with aggregates, without) over one read-only copy of the store, and its most common values."""
    db = copy_store(master_db, tmp_path_factory.mktemp("aggregates") / "store.duckdb")
    with Store.open(db, read_only=True) as store:
        cells = Store(store.connection, store.path, True, use_aggregates=True)
        events = Store(store.connection, store.path, True, use_aggregates=False)
        assert store.has_aggregates
        yield cells, events, common_values(store)


def common_values(store: Store) -> dict:
    def top(sql: str):
        return store.query(sql)[1][0]

    month = top("SELECT date_trunc('month', coalesce(date_start, published))::DATE AS m FROM events "
                "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")[0]
    return {"country": top("SELECT actor_country FROM events WHERE actor_country IS NOT NULL GROUP BY 1 "
                           "ORDER BY count(*) DESC, 1 LIMIT 1")[0],
            "event": top("SELECT event FROM events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")[0],
            "pair": top("SELECT actor_country, recipient_country FROM events WHERE actor_country IS NOT NULL AND "
                        "recipient_country IS NOT NULL AND actor_country <> recipient_country GROUP BY 1, 2 "
                        "ORDER BY count(*) DESC, 1, 2 LIMIT 1"),
            "month": month}


def month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def filter_sets(v: dict) -> list[tuple[dict, bool]]:
    """(filters, whether the cells answer them)."""
    month, (a, b) = v["month"], v["pair"]
    year = month.year
    return [
        ({}, True), ({"actor_country": v["country"]}, True), ({"event": [v["event"]]}, True),
        ({"event": [v["event"], "ACCUSE"], "quad_class": [1, 3]}, True), ({"modality": ["asserted"]}, True),
        ({"actor_country": v["country"], "event": [v["event"]]}, True),
        ({"since": f"{year}-01-01", "until": f"{year}-12-31"}, True),
        ({"since": month.isoformat(), "until": month_end(month).isoformat()}, True),
        ({"since": month.isoformat()}, True), ({"recipient_country": b}, True), ({"dyad": f"{a}-{b}"}, True),
        ({"since": (month + dt.timedelta(days=9)).isoformat()}, False),  # cuts a month: read the events
        ({"until": (month + dt.timedelta(days=14)).isoformat(), "event": [v["event"]]}, False),
        ({"q": "said"}, False), ({"actor_sector": "GOV"}, False), ({"cameo_root": ["04"]}, False),
        ({"actor_country": "ZZZ"}, True),  # nothing matches
    ]


def same(compute, cells: Store, events: Store, params) -> dict:
    with_cells, without = compute(cells, params), compute(events, params)
    assert json.dumps(with_cells, sort_keys=True, default=str) == json.dumps(without, sort_keys=True, default=str)
    return with_cells


def test_cells_give_the_answers_of_the_events(stores):
    cells, events, values = stores
    a, b = values["pair"]
    answered = 0
    for filters, by_cells in filter_sets(values):
        assert (cube_filters(parse_filters(**filters)) is not None) is by_cells, filters
        answered += by_cells
        summary = same(analysis.summary, cells, events, EventFilters(**filters))
        if not filters:
            assert summary["events"] == events.count("events") > 100
        for sort, offset in (("-date", 0), ("-date", 20), ("-date", 10_000), ("goldstein", 0)):
            page = same(queries.list_events, cells, events, EventListParams(**filters, sort=sort, offset=offset,
                                                                            limit=25))
            assert page["total"] == summary["events"]
        same(analysis.network, cells, events, NetworkParams(**filters))
        same(analysis.network, cells, events, NetworkParams(**filters, include_self=True, min_weight=2))
        sides = {k: v for k, v in filters.items() if k not in ("actor_country", "recipient_country", "dyad")}
        for interval in ("month", "week"):
            for direction in ("both", "a_to_b"):
                series = same(analysis.dyad_series, cells, events, DyadParams(**sides, a=a, b=b, interval=interval,
                                                                              direction=direction))
        assert series["total"] >= 0
    assert answered >= 10


def test_the_answers_are_not_empty(stores):
    cells, _, values = stores
    summary = analysis.summary(cells, EventFilters(actor_country=values["country"]))
    assert summary["events"] > 0 and summary["by_event"] and summary["monthly"] and summary["articles"] > 0
    network = analysis.network(cells, NetworkParams())
    assert network["edges"] and all(edge["top_event"] for edge in network["edges"])
    a, b = values["pair"]
    assert analysis.dyad_series(cells, DyadParams(a=a, b=b))["total"] > 0
    page = queries.list_events(cells, EventListParams(limit=5))
    assert len(page["items"]) == 5 and all(item["sentence"] for item in page["items"])
    for item in page["items"]:  # the page cuts sentences in Python as one event's page cuts them in SQL
        one = queries.get_event(cells, item["id"])
        assert (item["sentence"], item["article_title"]) == (one["sentence"], one["article_title"])
    dates = [item["event_date"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("filters", [{}, {"event": ["CONSULT"]}, {"since": "2000-01-01", "until": "2030-12-31"},
                                     {"q": "said"}])
def test_places_are_the_places_of_one_grouping(stores, filters):
    """The map's two-step query (the ids that can make the top, then their details) against the plain one."""
    cells, _, _ = stores
    params = PlaceParams(**filters, limit=7)
    where, values = params.where()
    located = f"{where} {'AND' if where else 'WHERE'} e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    unnamed = ", ".join(f"CASE WHEN e.location_geonames_id IS NULL THEN e.location_{c} END"
                        for c in ("name", "country", "lat", "lon"))
    plain = cells.rows(f"SELECT e.location_geonames_id AS geonames_id, min(e.location_name) AS name, "
                       f"count(*) AS events {params.source()}{located} GROUP BY e.location_geonames_id, {unnamed}", values)
    plain.sort(key=lambda r: (-r["events"], r["name"] or "\uffff"))
    got = analysis.places(cells, params)["items"]
    assert [(r["events"], r["name"]) for r in got] == [(r["events"], r["name"]) for r in plain[:7]]
    if not filters:
        assert len(got) == 7


def test_a_read_only_store_without_aggregate_tables_reads_the_events(master_db, tmp_path):
    from herald.api import ApiConfig, create_app
    from tests.api.conftest import AsgiClient

    db = copy_store(master_db, tmp_path / "old.duckdb")
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE agg_months")
    con.execute("DROP TABLE agg_dyads")
    con.execute("DELETE FROM meta WHERE key = 'aggregates'")
    con.close()
    app = create_app(ApiConfig(db=db, warm_up=False))
    client = AsgiClient(app)
    try:
        assert client.get("/api/health").json()["aggregate_tables"] is False
        summary = client.get("/api/summary", params={"event": "CONSULT"}).json()
        assert summary["events"] > 0
    finally:
        client.close()
        app.state.database.close()


def test_a_posted_article_is_in_the_cells_at_once(master_db, tmp_path):
    """POST /api/articles writes through Store.write: the summary read from the cells counts the new events and
    equals the summary read from the events."""
    from herald.api import ApiConfig, create_app
    from tests.api.conftest import AsgiClient
    from tests.api.support import POSTED_ARTICLE, TOKEN

    db = copy_store(master_db, tmp_path / "rw.duckdb")
    app = create_app(ApiConfig(db=db, token=TOKEN, warm_up=False))
    client = AsgiClient(app)
    try:
        before = client.get("/api/summary", params={"actor_country": "JPN"}).json()["events"]
        posted = client.post("/api/articles", json={"articles": [POSTED_ARTICLE]},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert posted.status_code == 201, posted.text
        after = client.get("/api/summary", params={"actor_country": "JPN"}).json()
        assert after["events"] > before
        with app.state.database.reader() as store:
            assert store.has_aggregates
            raw = Store(store.connection, store.path, True, use_aggregates=False)
            assert analysis.summary(raw, EventFilters(actor_country="JPN")) == after
    finally:
        client.close()
        app.state.database.close()
