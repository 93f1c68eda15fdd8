"""The dashboard's article page shows the other reports of the selected event (headless Debian Chromium, a live
`herald serve` on a store built from the articles of tests/clusters), with article titles as text."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.api.support import live_server
from tests.clusters.support import MEETING_EVENT, build_cluster_store
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, Browsing

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cluster_browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    work = tmp_path_factory.mktemp("cluster-web")
    db = build_cluster_store(work / "store")
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-system-deps.sh"
    with live_server(db, work, token=None) as server, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(work / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        yield Browsing(context, server.url)
        context.close()


def test_an_event_shows_its_other_reports(cluster_browser, screenshots):
    page = cluster_browser.open(f"/articles/lakeside-001?event={quote(MEETING_EVENT, safe='')}#selected")
    section = page.locator("#other-reports")
    section.wait_for()
    assert section.is_visible()
    assert re.search(r"4 mentions in 4 articles from 3 sources \(1 near-copies\)",
                     page.inner_text("#cluster-counts"))
    reports = page.locator("#other-reports li.report")
    assert reports.count() == 3
    texts = reports.all_inner_texts()
    coastal = next(t for t in texts if "coastal times" in t)
    # the title's markup is shown as text, never run
    assert 'Ruto hosts Norwegian minister <img src=x onerror="window.__pwned=7">' in coastal
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#other-reports img").count() == 0
    copy = next(t for t in texts if "near-copy of" in t)
    assert "lakeside-001" in copy and "Norway, Kenya agree to deepen trade ties" in copy
    assert any("riverside.example" in t for t in texts)
    page.screenshot(path=str(screenshots / "other-reports.png"), full_page=True)

    # a report leads to its article, with the same event selected and this article among its other reports
    reports.filter(has_text="riverside.example").locator("a").first.click()
    page.wait_for_url(re.compile(r"/articles/riverside-5\?event=riverside-5%230#selected"))
    page.locator("#other-reports").wait_for()
    assert page.locator("#other-reports li.report").filter(has_text="Norway and Kenya agree").count() == 1
    page.close()
    assert cluster_browser.outside == [], f"requests left the server: {cluster_browser.outside}"
    assert cluster_browser.errors == [], f"errors in the browser console: {cluster_browser.errors}"


def test_an_event_reported_once_says_so(cluster_browser):
    page = cluster_browser.open(f"/articles/coastal-78?event={quote('coastal-78#0', safe='')}#selected")
    page.locator("#other-reports").wait_for()
    assert "No other report yet." in page.inner_text("#other-reports")
    assert "1 mentions in 1 articles from 1 sources" in page.inner_text("#cluster-counts")
    page.close()
