"""The dashboard in headless Chromium against a live server: every page renders offline, filters work, a chart
point leads to the sentence behind it, and an article full of markup stays text."""
from __future__ import annotations

import re

import pytest

from tests.api.support import XSS_ID, XSS_IMG, XSS_SCRIPT

pytestmark = pytest.mark.browser


def visible_boxes(page, selector: str) -> list[dict]:
    page.wait_for_selector(selector, state="attached")
    boxes = [el.bounding_box() for el in page.query_selector_all(selector)]
    return [b for b in boxes if b and b["width"] > 2 and b["height"] > 2]


def click_center(page, box: dict) -> None:
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def assert_offline_and_clean(browser) -> None:
    assert browser.outside == [], f"requests left the server: {browser.outside}"
    assert browser.errors == [], f"errors in the browser console: {browser.errors}"


def test_explorer_filters_events(browser, screenshots):
    page = browser.open("/")
    page.wait_for_selector("#events tbody tr")
    page.wait_for_selector("#timeline .bars .point path", state="attached")
    assert int(page.locator("#summary .card .value").first.inner_text().replace(",", "")) > 500
    page.select_option("select[name=event]", "CONSULT")
    page.fill("input[name=actor_country]", "usa")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"event=CONSULT"))
    assert "recipient_country=" not in page.url and "q=" not in page.url  # empty fields are left out
    page.wait_for_selector("#events tbody tr")
    rows = page.locator("#events tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        row = rows.nth(i)
        assert row.locator("td").nth(1).inner_text().startswith("CONSULT")
        assert "(USA" in row.locator("td").nth(2).inner_text().split("→")[0]
    assert page.locator("select[name=event]").input_value() == "CONSULT"  # the form keeps its state
    page.screenshot(path=str(screenshots / "explorer.png"))
    page.close()
    assert_offline_and_clean(browser)


def test_bad_filter_shows_the_api_message(browser):
    page = browser.open("/?since=2024-05-01&until=2024-01-01")
    page.wait_for_selector("#status.error")
    assert "since (2024-05-01) is after until (2024-01-01)" in page.inner_text("#status")
    page.close()
    browser.errors.clear()  # the failed fetch (422) is logged by Chromium; that is the point of this test
    assert browser.outside == []


def test_dyad_bar_leads_to_the_sentence(browser, screenshots):
    page = browser.open("/dyads?a=USA&b=CHN")
    bars = visible_boxes(page, "#timeline .bars .point path")
    assert bars, "no bars drawn"
    click_center(page, max(bars, key=lambda b: b["height"]))
    page.wait_for_selector("#details-list li")
    assert re.search(r"USA ↔ CHN, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}.*: \d+ events",
                     page.inner_text("#details-title"))
    page.screenshot(path=str(screenshots / "dyads.png"), full_page=True)
    first = page.locator("#details-list li").first
    trigger = first.locator("mark").inner_text()
    first.locator("a.open").click()
    page.wait_for_url(re.compile(r"/articles/.+\?event=.+#selected"))
    selected = page.locator("#selected")
    selected.wait_for()
    assert selected.is_visible() and page.locator("#evidence").is_visible()
    sentence = "".join(page.locator("#article-text .hl-sentence").all_inner_texts())
    assert trigger in sentence
    assert page.locator("#evidence .trigger-text").inner_text().startswith(trigger)
    in_view = page.evaluate("() => { const r = document.getElementById('selected').getBoundingClientRect();"
                            " return r.top >= 0 && r.top < window.innerHeight; }")
    assert in_view, "the selected sentence is not scrolled into view"
    page.screenshot(path=str(screenshots / "article.png"))
    page.close()
    assert_offline_and_clean(browser)


def test_network_edge_opens_the_dyad(browser, screenshots):
    page = browser.open("/network")
    page.wait_for_selector("#edges tbody tr")
    traces = page.locator("#graph .scatterlayer .trace")
    nodes = visible_boxes(page, f"#graph .scatterlayer .trace:nth-child({traces.count()}) .point")
    edges = visible_boxes(page, f"#graph .scatterlayer .trace:nth-child({traces.count() - 1}) .point")
    assert len(nodes) > 10 and len(edges) > 10
    page.screenshot(path=str(screenshots / "network.png"))

    def centre(box):
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def clearance(box):  # distance from an edge midpoint to the nearest node marker
        x, y = centre(box)
        return min(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 - n["width"] / 2 for n in nodes for cx, cy in [centre(n)])

    click_center(page, max(edges, key=clearance))
    page.wait_for_url(re.compile(r"/dyads\?.*a=[A-Z]{3}.*b=[A-Z]{3}.*direction=a_to_b"))
    page.wait_for_selector("#timeline .bars .point path", state="attached")
    assert re.search(r"[A-Z]{3} and [A-Z]{3}: [1-9]\d* events", page.inner_text("#status"))
    page.close()
    assert_offline_and_clean(browser)


def test_map_draws_offline_and_lists_events_of_a_place(browser, screenshots):
    page = browser.open("/map")
    markers = visible_boxes(page, "#map .scattergeo .point")
    assert len(markers) > 20
    land = page.locator("#map .geo .layer.land path").get_attribute("d")
    assert land and len(land) > 10_000  # the world outline came from our own topojson
    click_center(page, max(markers, key=lambda b: b["width"]))
    page.wait_for_selector("#details-list li")
    title = page.inner_text("#details-title")
    count = int(re.search(r": (\d+) events", title).group(1))
    assert count == page.locator("#details-list li").count() > 0
    page.screenshot(path=str(screenshots / "map.png"))
    page.close()
    assert_offline_and_clean(browser)


def test_actor_page_lists_the_knowledge_base(browser, screenshots):
    page = browser.open("/actors?country=USA")
    page.wait_for_selector("#actors tbody tr")
    countries = page.locator("#actors tbody tr td:nth-child(2)").all_inner_texts()
    assert countries and set(countries) == {"USA"}
    page.screenshot(path=str(screenshots / "actors.png"))
    page.close()
    assert_offline_and_clean(browser)


def test_markup_in_an_article_does_not_execute(browser, screenshots):
    page = browser.open(f"/articles/{XSS_ID}")
    page.wait_for_selector("#article-text")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # time for an onerror handler to fire, were there an <img>
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    text = page.inner_text("#article-text")
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert page.inner_text("#article-title").startswith("<script>window.__pwned=3</script>")
    assert page.locator("#article-text img, #article-text script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(screenshots / "markup.png"))
    page.close()
    assert_offline_and_clean(browser)
