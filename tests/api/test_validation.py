"""Validation, safety and limits, in-process over httpx's ASGI transport on a real store copy."""
from __future__ import annotations

import json
from typing import get_args

import pytest

from herald.api.config import ApiConfig, load_token
from herald.api.filters import SORT_KEYS, EventFilters, SortKey, order_by
from herald.errors import ConfigError
from herald.events.ontology import load_ontology
from tests.api.support import POSTED_ARTICLE, TOKEN, XSS_ID, XSS_IMG, XSS_SCRIPT


@pytest.mark.parametrize(("query", "names"), [
    ("actor_country=US", "actor_country"),
    ("quad_class=5", "QuadClass is 1, 2, 3 or 4"),
    ("event=FIGHT", "event.0"),
    ("cameo_root=21", "CAMEO root"),
    ("modality=maybe", "modality.0"),
    ("since=2024-13-01", "since"),
    ("since=2024-05-01&until=2024-01-01", "is after until"),
    ("limit=501", "limit: Input should be less than or equal to 500"),
    ("limit=0", "limit"),
    ("offset=-1", "offset"),
    ("sort=goldstein;DROP TABLE events", "sort"),
    ("colour=red", "colour: Extra inputs are not permitted"),
    ("q=" + "x" * 201, "q: String should have at most 200 characters"),
    ("min_confidence=1.5", "min_confidence"),
    ("dyad=USA", "dyad"),
])
def test_bad_event_parameters_are_422_with_a_clear_message(client, query, names):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    body = response.json()
    assert names in body["message"], body
    assert body["detail"] and all("input" not in error for error in body["detail"])


@pytest.mark.parametrize(("path", "names"), [
    ("/api/dyads?a=USA", "b: Field required"),
    ("/api/dyads?a=USA&b=CHN&interval=day", "interval"),
    ("/api/dyads?a=USA&b=CHN&actor_country=RUS", "do not also give"),
    ("/api/network?level=city", "level"),
    ("/api/network?max_edges=5000", "max_edges"),
    ("/api/places?limit=999999", "limit"),
    ("/api/actors?country=12", "country"),
    ("/api/articles?since=yesterday", "since"),
])
def test_other_endpoints_validate_too(client, path, names):
    response = client.get(path)
    assert response.status_code == 422 and names in response.json()["message"]


def test_user_values_are_data_not_sql(client):
    hostile = "x' OR '1'='1"
    for params in ({"actor_name": hostile}, {"q": hostile}, {"place": hostile}, {"article_id": hostile}):
        response = client.get("/api/events", params=params)
        assert response.status_code == 200 and response.json()["total"] == 0, params
    assert client.get("/api/articles", params={"q": "'; DROP TABLE articles; --"}).json()["total"] == 0
    assert client.get("/api/events", params={"limit": 1}).json()["total"] > 500  # nothing was dropped


def test_filter_sql_uses_one_parameter_per_placeholder():
    filters = EventFilters(actor_country="usa", dyad="usa-chn", event=["CONSULT", "AID"], quad_class=[1],
                           q="talks", place="kabul", actor_name="x", min_confidence=0.5)
    clause, params = filters.where()
    assert clause.count("?") == len(params)
    assert "usa" not in clause.lower() and "kabul" not in clause and "talks" not in clause
    assert filters.actor_country == "USA" and filters.dyad == "USA-CHN"


def test_sort_keys_are_a_whitelist():
    assert {key.lstrip("-") for key in get_args(SortKey)} == set(SORT_KEYS)
    assert order_by("-goldstein").startswith(" ORDER BY e.goldstein DESC")
    with pytest.raises(KeyError):
        order_by("goldstein; DROP TABLE events")


def test_vocabularies_come_from_the_ontology_and_the_records(client):
    from herald.records import MODALITIES
    from herald.store.filters import plover_types

    assert plover_types() == tuple(load_ontology().types)
    schema = client.get("/openapi.json").json()
    events = next(p for p in schema["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "event")
    modality = next(p for p in schema["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "modality")
    assert events["schema"]["items"]["enum"] == list(plover_types())
    assert modality["schema"]["items"]["enum"] == list(MODALITIES)


def test_not_found_answers(client):
    assert client.get("/api/events/no-such%23event").status_code == 404
    assert client.get("/api/articles/no-such-article").status_code == 404
    page = client.get("/articles/no-such-article")
    assert page.status_code == 404 and "no-such-article" in page.text


def test_writes_are_refused_without_a_configured_token(client):
    response = client.post("/api/articles", json={"articles": [POSTED_ARTICLE]},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "writes are disabled" in response.json()["detail"]
    assert client.get("/api/health").json()["writes_enabled"] is False


def test_token_is_checked_before_the_body(writable_client):
    nonsense = {"articles": "not a list"}
    assert writable_client.post("/api/articles", json=nonsense).status_code == 401
    assert writable_client.post("/api/articles", json=nonsense,
                                headers={"Authorization": "Basic dXNlcjpwYXNz"}).status_code == 401
    wrong = writable_client.post("/api/articles", json=nonsense, headers={"Authorization": "Bearer " + "z" * 30})
    assert wrong.status_code == 403
    right = writable_client.post("/api/articles", json=nonsense, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 422 and "articles" in right.json()["message"]


def test_posted_articles_are_validated(writable_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    cases = [
        ({"articles": [dict(POSTED_ARTICLE, published="last week")]}, "published must be an ISO date"),
        ({"articles": [{k: v for k, v in POSTED_ARTICLE.items() if k != "text"}]}, "articles.0.text: Field required"),
        ({"articles": [dict(POSTED_ARTICLE, id="../../etc/passwd")]}, "articles.0.id"),
        ({"articles": []}, "articles: List should have at least 1 item"),
    ]
    for body, message in cases:
        response = writable_client.post("/api/articles", json=body, headers=auth)
        assert response.status_code == 422 and message in response.json()["message"], response.text
    too_many = {"articles": [dict(POSTED_ARTICLE, id=f"a{i}") for i in range(4)]}
    response = writable_client.post("/api/articles", json=too_many, headers=auth)
    assert response.status_code == 422 and "at most 3 articles" in response.json()["detail"]


def test_request_bodies_over_the_limit_are_413(writable_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = json.dumps({"articles": [dict(POSTED_ARTICLE, text="word " * 10_000)]}).encode()
    declared = writable_client.post("/api/articles", content=big,
                                    headers={**auth, "Content-Type": "application/json"})
    assert declared.status_code == 413

    async def stream():  # no Content-Length: counted while reading
        for start in range(0, len(big), 4096):
            yield big[start:start + 4096]

    streamed = writable_client.post("/api/articles", content=stream(),
                                    headers={**auth, "Content-Type": "application/json"})
    assert streamed.status_code == 413 and "larger than 20,000 bytes" in streamed.json()["detail"]


def test_security_headers(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    api = client.get("/api/health")
    assert api.headers["x-content-type-options"] == "nosniff" and api.headers["x-frame-options"] == "DENY"


def test_article_page_renders_markup_as_text(client):
    html = client.get(f"/articles/{XSS_ID}").text
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "onerror=&#34;window.__pwned=2&#34;" in html or "onerror=&quot;window.__pwned=2&quot;" in html
    assert "javascript:" not in html  # the article's javascript: URL is not linked
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt; Border talks resume" in html  # the title


def test_article_api_returns_markup_verbatim_as_json(client):
    article = client.get(f"/api/articles/{XSS_ID}").json()
    assert XSS_SCRIPT in article["text"] and article["events"]
    assert client.get(f"/api/articles/{XSS_ID}").headers["content-type"].startswith("application/json")


def test_token_configuration(tmp_path):
    assert load_token(None, {}) is None
    assert load_token(None, {"HERALD_API_TOKEN": "  " + TOKEN + "\n"}) == TOKEN
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    assert load_token(token_file, {"HERALD_API_TOKEN": "other-token-0123456789"}) == TOKEN
    token_file.write_text("short")
    with pytest.raises(ConfigError, match="at least 16 characters"):
        load_token(token_file, {})
    with pytest.raises(ConfigError, match="cannot read the token file"):
        load_token(tmp_path / "missing", {})
    assert ApiConfig.from_sources("x.duckdb", env={}).writes_enabled is False
