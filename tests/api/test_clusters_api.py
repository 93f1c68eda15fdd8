"""`/api/clusters` and the other reports of an event, in-process (ASGI) over a real store built by the pipeline from
the articles of tests/clusters (one meeting reported by three outlets and a syndicated copy, and near misses)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from herald.api import ApiConfig, create_app
from tests.api.conftest import AsgiClient
from tests.clusters.support import MEETING_EVENT, build_cluster_store


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    db = build_cluster_store(tmp_path_factory.mktemp("clusters-api"))
    app = create_app(ApiConfig(db=db))
    client = AsgiClient(app)
    yield client
    client.close()
    app.state.database.close()


def test_clusters_filter_by_articles_type_country_and_date(api):
    page = api.get("/api/clusters", params={"min_articles": 2}).json()
    assert page["total"] == 1
    meeting = page["items"][0]
    assert (meeting["event"], meeting["actor"]["country"], meeting["recipient"]["country"]) == ("CONSULT", "NOR", "KEN")
    assert (meeting["mentions"], meeting["articles"], meeting["sources"], meeting["copies"]) == (4, 4, 3, 1)
    assert meeting["date"] == {"start": "2024-03-04", "end": "2024-03-04"}

    everything = api.get("/api/clusters", params={"limit": 500}).json()
    assert everything["total"] > page["total"] and everything["items"][0]["id"] == meeting["id"]  # -articles
    consults = api.get("/api/clusters", params=[("event", "CONSULT"), ("event", "ACCUSE")]).json()["items"]
    assert {c["event"] for c in consults} == {"CONSULT", "ACCUSE"}
    swedes = api.get("/api/clusters", params={"country": "swe"}).json()["items"]
    assert [c["actor"]["country"] for c in swedes] == ["SWE"]
    late = api.get("/api/clusters", params={"since": "2024-03-10", "event": "CONSULT"}).json()["items"]
    assert [c["date"]["start"] for c in late] == ["2024-03-19"]  # the second visit only
    assert api.get("/api/clusters", params={"until": "2024-03-01"}).json()["total"] == 0
    paged = api.get("/api/clusters", params={"limit": 1, "offset": 1, "sort": "date"}).json()
    assert len(paged["items"]) == 1 and paged["total"] == everything["total"]


@pytest.mark.parametrize("params, message", [
    ({"min_articles": 0}, "min_articles"),
    ({"event": "MEET"}, "event"),
    ({"country": "K3N"}, "country"),
    ({"since": "2024-05-01", "until": "2024-01-01"}, "since (2024-05-01) is after until (2024-01-01)"),
    ({"sort": "id; DROP TABLE clusters"}, "sort"),
    ({"limit": 501}, "limit"),
    ({"min_sorces": 2}, "min_sorces"),
])
def test_bad_parameters_are_422_naming_them(api, params, message):
    answer = api.get("/api/clusters", params=params)
    assert answer.status_code == 422
    assert message in answer.json()["message"]


def test_one_cluster_lists_every_report_with_outlet_and_copy(api):
    meeting = api.get("/api/clusters", params={"min_articles": 2}).json()["items"][0]
    found = api.get(meeting["href"]).json()
    reports = {r["article_id"]: r for r in found["reports"]}
    assert set(reports) == {"lakeside-001", "coastal-77", "lakeside-001-syndicated", "riverside-5"}
    assert reports["lakeside-001-syndicated"]["copy_of"] == "lakeside-001"
    assert reports["riverside-5"]["outlet"] == "riverside.example"
    assert reports["coastal-77"]["outlet"] == "coastal times"
    assert "met President William Ruto" in reports["coastal-77"]["sentence"]
    assert api.get("/api/clusters/c0000000000000000").status_code == 404
    assert api.get("/api/clusters/not-an-id").status_code == 422


def test_an_event_shows_the_other_reports_of_its_cluster(api):
    event = api.get(f"/api/events/{quote(MEETING_EVENT, safe='')}").json()
    cluster = event["cluster"]
    assert cluster["articles"] == 4
    others = [r["event_id"] for r in cluster["other_reports"]]
    assert MEETING_EVENT not in others
    assert set(others) == {"coastal-77#0", "lakeside-001-syndicated#0", "riverside-5#0"}
    alone = api.get(f"/api/events/{quote('coastal-78#0', safe='')}").json()
    assert alone["cluster"]["articles"] == 1 and alone["cluster"]["other_reports"] == []


def test_a_posted_report_joins_its_cluster_through_the_servers_writer(tmp_path_factory):
    """POST /api/articles stores through the server's single writer, and clusters the new report at once."""
    from tests.api.support import TOKEN

    db = build_cluster_store(tmp_path_factory.mktemp("clusters-api-rw"))
    app = create_app(ApiConfig(db=db, token=TOKEN))
    client = AsgiClient(app)
    try:
        before = client.get(f"/api/events/{quote(MEETING_EVENT, safe='')}").json()["cluster"]
        posted = {"id": "harbour-12", "published": "2024-03-05", "source": "Harbour Daily",
                  "title": "Nordic minister meets Ruto",
                  "text": "Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto in Nairobi "
                          "on Monday, Kenyan officials said."}
        answer = client.post("/api/articles", json={"articles": [posted]},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 201, answer.text
        after = client.get(f"/api/clusters/{before['id']}").json()
        assert (after["articles"], after["sources"]) == (before["articles"] + 1, before["sources"] + 1)
        assert "harbour-12" in {r["article_id"] for r in after["reports"]}
        assert after["first_seen"] == before["first_seen"] and after["last_seen"] > before["last_seen"]
    finally:
        client.close()
        app.state.database.close()


def test_a_store_without_cluster_tables_is_served_with_a_clear_message(tmp_path_factory):
    """A store written by a Herald without clusters, served read-only: events still answer; /api/clusters says how
    to build them."""
    import duckdb

    db = build_cluster_store(tmp_path_factory.mktemp("clusters-old"))
    con = duckdb.connect(str(db))
    for table in ("clusters", "cluster_members", "article_copies", "article_buckets"):
        con.execute(f"DROP TABLE {table}")
    con.close()
    app = create_app(ApiConfig(db=db))
    client = AsgiClient(app)
    try:
        event = client.get(f"/api/events/{quote(MEETING_EVENT, safe='')}")
        assert event.status_code == 200 and event.json()["cluster"] is None
        answer = client.get("/api/clusters")
        assert answer.status_code == 503 and "herald clusters --rebuild" in answer.json()["detail"]
        page = client.get(f"/articles/lakeside-001?event={quote(MEETING_EVENT, safe='')}")
        assert page.status_code == 200 and "other-reports" not in page.text
    finally:
        client.close()
        app.state.database.close()
    from herald.errors import StoreError
    from herald.store import Store

    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="no clusters yet"):
        store.export(db.with_suffix(".jsonl"), "jsonl", one_a_day=True)
