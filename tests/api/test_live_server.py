"""The API served by a real `herald serve` process (uvicorn on a free localhost port) over the real VOA store."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import httpx
import pytest

from tests.api.support import POSTED_ARTICLE, TOKEN, XSS_ID, listening_addresses


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def test_binds_loopback_only_by_default(server, http):
    assert listening_addresses(server.port) == {"127.0.0.1"}
    health = http.get("/api/health").json()
    assert health == {"status": "ok", "events": health["events"], "writes_enabled": True,
                      "aggregate_tables": True, "store_version": health["store_version"], "cache": health["cache"]}
    assert health["events"] > 500
    assert set(health["cache"]) == {"hits", "misses", "waits", "entries", "bytes"}


def test_event_filters_hold_on_every_row(http):
    page = http.get("/api/events", params={"actor_country": "usa", "event": ["ASSAULT", "COERCE", "SANCTION"],
                                           "limit": 500}).json()
    assert 0 < page["total"] == len(page["items"])
    for item in page["items"]:
        assert item["actor"]["country"] == "USA"
        assert item["event"] in {"ASSAULT", "COERCE", "SANCTION"}
        # conflict: material, or verbal for a conviction (SANCTION coded with CAMEO 116, "find guilty": QuadClass 3)
        assert item["quad_class"] == 4 or (item["event"], item["cameo"]) == ("SANCTION", "116")
    dated = http.get("/api/events", params={"since": "2021-01-01", "until": "2021-12-31", "quad_class": [1, 2],
                                            "limit": 500}).json()
    assert dated["total"] > 0
    for item in dated["items"]:
        assert "2021-01-01" <= item["event_date"] <= "2021-12-31" and item["quad_class"] in (1, 2)


def test_free_text_place_and_name_filters(http):
    words = http.get("/api/events", params={"q": "ceasefire", "limit": 100}).json()
    assert words["total"] > 0 and all("ceasefire" in i["sentence"].lower() for i in words["items"])
    place = http.get("/api/events", params={"place": "Kabul", "limit": 100}).json()
    assert place["total"] > 0
    assert all("kabul" in " ".join(filter(None, (i["location"]["name"], i["location"]["text"],
                                                 i["location"]["admin1"]))).lower() for i in place["items"])
    named = http.get("/api/events", params={"actor_name": "trump", "limit": 100}).json()
    assert named["total"] > 0
    assert all("trump" in " ".join(filter(None, (i["actor"]["name"], i["actor"]["text"],
                                                 i["actor"]["office"]))).lower() for i in named["items"])


def test_sorting_and_pagination(http):
    ranked = http.get("/api/events", params={"sort": "-goldstein", "limit": 200}).json()["items"]
    values = [i["goldstein"] for i in ranked if i["goldstein"] is not None]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]
    first = http.get("/api/events", params={"limit": 40, "offset": 0}).json()
    second = http.get("/api/events", params={"limit": 40, "offset": 40}).json()
    both = http.get("/api/events", params={"limit": 80, "offset": 0}).json()
    assert first["total"] == second["total"] == both["total"]
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in both["items"]]
    dates = [i["event_date"] for i in both["items"]]
    assert dates == sorted(dates, reverse=True)


def test_one_event_carries_its_evidence(http):
    item = http.get("/api/events", params={"event": "CONSULT", "limit": 1}).json()["items"][0]
    event = http.get(f"/api/events/{quote(item['id'], safe='')}").json()
    evidence = event["evidence"]
    start, end = evidence["trigger_in_sentence"]
    assert evidence["sentence"][start:end] == evidence["trigger"] == event["trigger"]["text"]
    assert evidence["coder"] and event["coder"] == evidence["coder"]
    assert event["article"]["id"] == item["article_id"]
    assert http.get("/api/events/voa-0%23999").status_code == 404


def test_article_text_and_highlight_offsets(http):
    listing = http.get("/api/articles", params={"q": "voa", "limit": 5}).json()
    assert listing["total"] >= 89 and len(listing["items"]) == 5
    article = http.get(f"/api/articles/{listing['items'][0]['id']}").json()
    text = article["text"]
    triggers = [m for m in article["marks"] if m["kind"] == "trigger"]
    assert len(triggers) == len(article["events"]) > 0
    by_id = {e["id"]: e for e in article["events"]}
    for mark in triggers:
        assert text[mark["start"]:mark["end"]] == by_id[mark["event_id"]]["trigger"]["text"]
    for mark in article["marks"]:
        side = {"actor": "actor", "recipient": "recipient"}.get(mark["kind"])
        if side:
            assert text[mark["start"]:mark["end"]] == by_id[mark["event_id"]][side]["text"]


def test_actor_knowledge_base(http):
    page = http.get("/api/actors", params={"country": "usa", "limit": 20}).json()
    assert page["total"] > 0 and all(a["country"] == "USA" for a in page["items"])
    mentions = [a["mentions"] for a in page["items"]]
    assert mentions == sorted(mentions, reverse=True)
    trump = http.get("/api/actors", params={"name": "trump"}).json()["items"]
    assert any(a["name"] == "Donald Trump" for a in trump)


def test_dyad_series_adds_up_to_the_events(http):
    series = http.get("/api/dyads", params={"a": "USA", "b": "CHN"}).json()
    events = http.get("/api/events", params={"dyad": "USA-CHN", "limit": 500}).json()
    assert series["total"] == events["total"] > 0
    assert sum(series["events"]) == series["total"]
    assert [sum(q[i] for q in series["quad_class"].values()) for i in range(len(series["periods"]))] == \
        series["events"]
    assert sum(map(sum, series["directions"].values())) == series["total"]
    goldstein = sum(i["goldstein"] for i in events["items"] if i["goldstein"] is not None)
    assert abs(sum(series["goldstein_sum"]) - goldstein) < 0.05
    for start, end in zip(series["periods"], series["period_ends"]):
        assert dt.date.fromisoformat(start).day == 1 and dt.date.fromisoformat(end) > dt.date.fromisoformat(start)
    one_way = http.get("/api/dyads", params={"a": "USA", "b": "CHN", "direction": "a_to_b",
                                             "interval": "week"}).json()
    assert one_way["total"] == sum(series["directions"]["a_to_b"])


def test_network_and_places(http):
    net = http.get("/api/network", params={"min_weight": 2}).json()
    assert net["edges"] and all(e["weight"] >= 2 and e["source"] != e["target"] for e in net["edges"])
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert all(-1.0 - 1e-6 <= n["x"] <= 1.0 + 1e-6 for n in net["nodes"])
    edge = net["edges"][0]
    direct = http.get("/api/events", params={"actor_country": edge["source"], "recipient_country": edge["target"],
                                             "limit": 1}).json()
    assert direct["total"] == edge["weight"]
    places = http.get("/api/places").json()["items"]
    located = http.get("/api/events", params={"limit": 1}).json()["total"]
    assert 0 < sum(p["events"] for p in places) <= located
    kabul = next(p for p in places if p["name"] == "Kabul")
    assert http.get("/api/events", params={"geonames_id": kabul["geonames_id"],
                                           "limit": 1}).json()["total"] == kabul["events"]


def test_summary_is_consistent(http):
    summary = http.get("/api/summary").json()
    assert summary["events"] == sum(r["events"] for r in summary["by_event"]) == \
        sum(r["events"] for r in summary["by_quad_class"]) == sum(r["events"] for r in summary["monthly"])
    assert summary["store"]["articles"] >= 90 and summary["store"]["actors"] > 100


def test_posting_articles_needs_the_token_and_stores_events(http):
    body = {"articles": [POSTED_ARTICLE]}
    assert http.post("/api/articles", json=body).status_code == 401
    assert http.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong-token-123456"}
                     ).status_code == 403
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = http.post("/api/articles", json=body, headers=auth)
    assert created.status_code == 201, created.text
    result = created.json()
    assert result["new"] == 1 and result["events"] >= 2 and result["articles"][0]["stored"]
    stored = http.get(f"/api/articles/{POSTED_ARTICLE['id']}").json()
    assert stored["text"] == POSTED_ARTICLE["text"] and len(stored["events"]) == result["events"]
    assert {e["event"] for e in stored["events"]} & {"CONSULT", "ACCUSE", "AGREE"}
    again = http.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    bad = http.post("/api/articles", headers=auth, json={"articles": [dict(POSTED_ARTICLE, id="x y")]})
    assert bad.status_code == 422 and "articles.0.id" in bad.json()["message"]


def test_body_limit_on_the_live_server(http):
    huge = {"articles": [dict(POSTED_ARTICLE, id="big", text="word " * 1_200_000)]}
    response = http.post("/api/articles", json=huge, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_docs_and_dashboard_assets_are_local(http):
    docs = http.get("/docs").text
    assert "/assets/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert http.get("/assets/swagger-ui-bundle.js").status_code == 200
    spec = http.get("/openapi.json").json()
    assert {"/api/events", "/api/dyads", "/api/network", "/api/places", "/api/articles"} <= set(spec["paths"])
    for page in ("/", "/dyads", "/network", "/map", "/actors", f"/articles/{XSS_ID}"):
        html = http.get(page).text
        sources = re.findall(r'<(?:script|img)[^>]*\ssrc="([^"]*)"', html)
        styles = re.findall(r'<link[^>]*\shref="([^"]*)"', html)
        assert sources or page == f"/articles/{XSS_ID}"
        assert all(url.startswith("/") for url in sources + styles), (page, sources, styles)
    plotly = http.get("/assets/plotly.min.js")
    assert plotly.status_code == 200 and b"topojsonURL" in plotly.content


def test_reads_go_on_while_the_single_writer_ingests(server):
    """POSTs are serialised by the writer; GETs on their own cursors answer meanwhile and then see the new data."""
    from concurrent.futures import ThreadPoolExecutor

    stories = [dict(POSTED_ARTICLE, id=f"herald-test-concurrent-{n}",
                    text=POSTED_ARTICLE["text"].replace("Tuesday", day)) for n, day in enumerate(("Monday", "Friday"))]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=server.url, timeout=120) as writer, \
            httpx.Client(base_url=server.url, timeout=60) as reader:
        before = reader.get("/api/summary").json()["store"]["articles"]
        with ThreadPoolExecutor(max_workers=3) as pool:
            posts = [pool.submit(writer.post, "/api/articles", json={"articles": [story]}, headers=auth)
                     for story in stories]
            statuses = [reader.get("/api/events", params={"limit": 20, "offset": n}).status_code for n in range(15)]
            created = [p.result() for p in posts]
        assert statuses == [200] * 15
        assert [r.status_code for r in created] == [201, 201], [r.text for r in created]
        assert reader.get("/api/summary").json()["store"]["articles"] == before + 2
