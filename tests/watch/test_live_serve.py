"""Live mode end to end: a real `herald serve --watch DIR` process (uvicorn on a free loopback port, a new DuckDB
file). Files dropped in the folder (.txt, .jsonl, .html, .warc.gz, and broken ones) show up through the API and in
the dashboard (headless Debian Chromium) without a restart; `herald ingest` on the store the server holds says how
to go through the server, and `herald ingest --server` does."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.api.support import HERALD, TOKEN, live_server
from tests.ingest.pages import (BORDER_STORY, PORT_STORY, PROTEST_STORY, TRADE_STORY, VISIT_STORY, page_html,
                                write_warc)
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, Browsing

WARC_URL = "https://news.example.org/2024/05/steel-tariffs"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    work = tmp_path_factory.mktemp("live-serve")
    folder = work / "incoming"
    folder.mkdir()
    with live_server(work / "live.duckdb", work, token=TOKEN,
                     extra_args=("--watch", str(folder), "--watch-interval", "0.5")) as server:
        server.folder = folder
        server.token_file = work / "token"  # written by live_server
        yield server


@pytest.fixture(scope="module")
def http(live):
    with httpx.Client(base_url=live.url, timeout=30) as client:
        yield client


def wait_for(http, done, what: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while True:
        health = http.get("/api/health").json()
        if done(health["watcher"]):
            return health
        assert time.monotonic() < deadline, f"timed out waiting for {what}: {health}"
        time.sleep(0.3)


def until(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.25)


def drop_articles(folder: Path) -> None:
    (folder / "andes-talks.txt").write_text(f"date 2024-05-08 Border talks\n\n{BORDER_STORY}\n", encoding="utf-8")
    records = [{"id": "wire-quito", "published": "2024-05-10", "title": "Arrests in Quito", "text": PROTEST_STORY},
               {"id": "wire-brasilia", "published": "2024-05-07", "text": VISIT_STORY}]
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "port.html").write_text(page_html("Port reopens", PORT_STORY, "2024-05-06"), encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", [
        (WARC_URL, "200 OK", page_html("Steel tariffs", TRADE_STORY).encode(), "text/html; charset=utf-8"),
        ("https://news.example.org/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", "image/png")])
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # binary under a page's name
    (folder / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not a crawl")


def test_health_reports_the_idle_watcher(live, http):
    health = http.get("/api/health").json()
    assert health["events"] == 0 and health["writes_enabled"] is True
    watcher = health["watcher"]
    assert watcher["running"] is True and watcher["directory"] == str(live.folder.resolve())
    assert (watcher["files_seen"], watcher["articles_processed"], watcher["articles_failed"]) == (0, 0, 0)
    assert watcher["last_scan"] and watcher["last_error"] is None


@pytest.mark.browser
def test_dropped_files_reach_the_api_and_the_open_dashboard(live, http, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-live")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        browser = Browsing(context, live.url)
        page = browser.open("/")
        page.wait_for_selector("#live:not([hidden])")
        assert "watching" in page.inner_text("#live") and page.locator("#events tbody tr").count() == 0
        page.evaluate("window.__sameDocument = true")  # gone if the page were reloaded

        drop_articles(live.folder)
        health = wait_for(http, lambda w: w["files_coded"] >= 6, "the six dropped files")
        watcher = health["watcher"]
        assert (watcher["files_seen"], watcher["articles_processed"], watcher["articles_failed"]) == (6, 5, 2)
        assert watcher["last_error"] is None and health["events"] == watcher["events"] > 0

        events = http.get("/api/events", params={"limit": 500}).json()["items"]
        by_article = {e["article_id"] for e in events}
        warc_id = next(a for a in by_article if a.startswith("news.example.org-2024-05-steel-tariffs-"))
        assert {"andes-talks", "wire-quito", "wire-brasilia", "port"} <= by_article
        article = http.get(f"/api/articles/{warc_id}").json()
        assert article["url"] == WARC_URL and "tariffs" in article["text"]
        assert "Subscribe" not in article["text"]  # boilerplate removed

        # The page polls /api/health and redraws itself (a string predicate would break the page's CSP: poll here).
        until(lambda: page.locator("#events tbody tr").count() >= 5, "the events table to fill")
        until(lambda: page.inner_text("#summary .card .value").replace(",", "") == str(health["events"]),
              "the summary to count every event")
        table = page.inner_text("#events tbody")
        assert "Valparaiso" in table or "Santiago" in table  # the HTML page's events
        assert "tariffs" in table or "complaint" in table  # the WARC page's events
        assert "5 articles coded, 2 failed" in page.inner_text("#live")
        assert page.evaluate("window.__sameDocument") is True  # updated in place, no reload
        page.close()
        context.close()
    assert browser.outside == [] and browser.errors == []

    log = live.log.read_text()
    assert "photo.html" in log and "binary data" in log and "broken.warc.gz" in log  # failures named in the log


def test_a_changed_file_is_coded_again(live, http):
    before = wait_for(http, lambda w: w["files_coded"] >= 6, "the first files")["watcher"]["files_coded"]
    (live.folder / "andes-talks.txt").write_text(
        f"date 2024-05-09 Border talks\n\n{BORDER_STORY} Peru expelled two Bolivian diplomats on Thursday.\n",
        encoding="utf-8")
    wait_for(http, lambda w: w["files_coded"] > before, "the changed file")
    article = http.get("/api/articles/andes-talks").json()
    assert article["published"] == "2024-05-09" and "expelled two Bolivian diplomats" in article["text"]


def test_ingest_into_the_held_store_says_how_to_go_through_the_server(live, tmp_path):
    story = tmp_path / "late.txt"
    story.write_text(f"date 2024-05-11 Visit\n\n{VISIT_STORY}\n", encoding="utf-8")
    done = subprocess.run([str(HERALD), "ingest", str(story), "--db", str(live.folder.parent / "live.duckdb"),
                           "--no-progress"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    message = done.stderr
    assert "[E003]" in message and "held by a running `herald serve`" in message
    assert f"PID {live.process.pid}" in message
    assert f"put the files in {live.folder}, the folder this server watches" in message
    assert f"`herald ingest PATH... --server {live.url} --token-file {live.token_file}`" in message


def test_ingest_through_the_server(live, http, tmp_path):
    story = tmp_path / "late-visit.txt"
    story.write_text(f"date 2024-05-11 Visit\n\n{VISIT_STORY} The two presidents will meet again in June.\n",
                     encoding="utf-8")
    (tmp_path / "bad id.txt").write_text(f"date 2024-05-11 Talks\n\n{BORDER_STORY} Talks go on.\n", encoding="utf-8")
    args = [str(HERALD), "ingest", str(tmp_path), "--server", live.url, "--no-progress"]
    done = subprocess.run([*args, "--token-file", str(live.token_file)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 articles: 1 processed (1 new" in done.stderr and "1 failed" in done.stderr
    assert "bad id" in done.stderr and "the API would refuse it" in done.stderr  # named, and the rest went on
    article = http.get("/api/articles/late-visit").json()
    assert "meet again in June" in article["text"] and article["events"]

    wrong = tmp_path.parent / "wrong-token"
    wrong.write_text("not-the-servers-token-0000", encoding="utf-8")
    refused = subprocess.run([*args, "--token-file", str(wrong)], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "HTTP 403" in refused.stderr and "token is not valid" in refused.stderr
