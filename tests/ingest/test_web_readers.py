"""Web pages (.html, .htm) and WARC crawls (.warc, .warc.gz): the article text without the boilerplate, ids and
dates, and a clear Failure naming the file (and record) for every kind of broken input."""
from __future__ import annotations

import datetime as dt
import gzip
import os

from herald.ingest import Limits, read_articles
from herald.ingest.html import id_from_url
from herald.records import Article, Failure

from tests.ingest.pages import (BOILERPLATE, BORDER_STORY, PORT_STORY, PROTEST_STORY, TRADE_STORY, page_html,
                                write_warc)

HTML = "text/html; charset=utf-8"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def test_html_page_keeps_the_article_and_drops_the_boilerplate(tmp_path):
    page = tmp_path / "valparaiso-port.html"
    page.write_text(page_html("Port reopens after strike", PORT_STORY, "2024-03-04T08:00:00Z"), encoding="utf-8")
    [article] = list(read_articles([page]))
    assert isinstance(article, Article)
    assert article.id == "valparaiso-port" and article.source == str(page)
    assert article.title == "Port reopens after strike"
    assert article.published == dt.date(2024, 3, 4) and article.metadata["date_from"] == "page"
    assert "reopened the port of Valparaiso" in article.text and "raise the wages" in article.text
    assert not article.text.startswith("Port reopens")  # the headline is the title, not the body's first line
    for noise in (*BOILERPLATE, "Football results", "Home"):
        assert noise not in article.text


def test_short_page_keeps_no_boilerplate(tmp_path):
    page = tmp_path / "tariffs.html"
    page.write_text(page_html("Steel tariffs", TRADE_STORY), encoding="utf-8")
    [article] = list(read_articles([page]))
    assert article.text == TRADE_STORY  # one paragraph: the newsletter box and the menu stay out


def test_html_page_without_a_date_takes_the_file_date(tmp_path):
    page = tmp_path / "border.htm"
    page.write_text(page_html("Border talks", BORDER_STORY), encoding="utf-8")
    os.utime(page, (dt.datetime(2024, 2, 1, 12, tzinfo=dt.timezone.utc).timestamp(),) * 2)
    [article] = list(read_articles([tmp_path]))
    assert article.id == "border" and article.published == dt.date(2024, 2, 1)
    assert article.metadata["date_from"] == "fallback"


def test_bad_html_files_fail_with_the_file_named(tmp_path):
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home | World | Sport</nav></body></html>")
    (tmp_path / "huge.html").write_text(page_html("Protest", PROTEST_STORY * 40), encoding="utf-8")
    (tmp_path / "good.html").write_text(page_html("Protest in Quito", PROTEST_STORY), encoding="utf-8")
    articles, failures = split(read_articles([tmp_path], Limits(max_chars=2000)))
    assert [a.id for a in articles] == ["good"]
    by_id = {f.article_id: f for f in failures}
    assert set(by_id) == {"binary", "empty", "menu", "huge"}
    assert by_id["binary"].code == "E101" and "binary data" in by_id["binary"].reason
    assert by_id["empty"].code == "E102" and "empty" in by_id["empty"].reason
    assert by_id["menu"].code == "E102" and "no article text" in by_id["menu"].reason
    assert by_id["huge"].code == "E105"
    assert all(f.source == str(tmp_path / f"{f.article_id}.html") for f in failures)


def test_warc_html_responses_are_articles(tmp_path):
    crawl = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example.org/2024/05/port-reopens?ref=rss", "200 OK",
         page_html("Port reopens", PORT_STORY, "2024-05-05").encode(), HTML),
        ("https://news.example.org/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://news.example.org/old", "301 Moved Permanently", b"", HTML),
        ("https://other.example.net/world/border-talks", "200 OK",
         page_html("Border talks", BORDER_STORY).encode("utf-8"), "application/xhtml+xml"),
    ])
    articles, failures = split(read_articles([crawl]))
    assert failures == []
    port, border = articles
    assert port.id == id_from_url("https://news.example.org/2024/05/port-reopens?ref=rss")
    assert port.id.startswith("news.example.org-2024-05-port-reopens-ref-rss-")
    assert port.published == dt.date(2024, 5, 5)  # the page's own date
    assert border.published == dt.date(2024, 5, 6)  # none in the page: the crawl's WARC-Date
    assert port.source == f"{crawl}:2" and border.source == f"{crawl}:5"  # record numbers (1 is warcinfo)
    assert port.metadata["url"] == "https://news.example.org/2024/05/port-reopens?ref=rss"
    assert port.metadata["warc_record_id"].startswith("urn:uuid:")
    assert "Valparaiso" in port.text and BOILERPLATE[1] not in port.text


def test_uncompressed_warc_and_ids_that_never_collide(tmp_path):
    crawl = write_warc(tmp_path / "plain.warc", [
        ("https://news.example.org/a?id=1", "200 OK", page_html("A", PORT_STORY).encode(), HTML),
        ("https://news.example.org/a?id=2", "200 OK", page_html("B", PROTEST_STORY).encode(), HTML),
    ], gzip=False)
    articles, failures = split(read_articles([tmp_path]))
    assert failures == [] and len(articles) == 2
    assert articles[0].id != articles[1].id
    assert all(a.source.startswith(str(crawl)) for a in articles)


def test_broken_warc_files_fail_and_keep_what_was_read(tmp_path):
    good = write_warc(tmp_path / "source.warc.gz", [
        ("https://news.example.org/port", "200 OK", page_html("Port", PORT_STORY).encode(), HTML),
        ("https://news.example.org/border", "200 OK", page_html("Border", BORDER_STORY).encode(), HTML),
    ]).read_bytes()
    whole = gzip.decompress(good)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "empty.warc.gz").write_bytes(b"")
    (broken / "notes.warc").write_text("these are my notes, not a crawl\n")
    (broken / "head.warc.gz").write_bytes(good[:len(good) // 2])  # ends inside the first page
    cut_at = whole.index(b"WARC/1", whole.index(b"https://news.example.org/border") - 400) + 700
    (broken / "cut.warc").write_bytes(whole[:cut_at])
    write_warc(broken / "images.warc.gz", [("https://news.example.org/a.png", "200 OK", b"\x89PNG", "image/png")])
    articles, failures = split(read_articles([broken]))
    by_file = {os.path.basename(f.source).split(":")[0]: f for f in failures}
    assert set(by_file) == {"empty.warc.gz", "notes.warc", "head.warc.gz", "cut.warc", "images.warc.gz"}
    assert "empty" in by_file["empty.warc.gz"].reason
    assert "not a WARC file" in by_file["notes.warc"].reason and by_file["notes.warc"].code == "E101"
    assert "truncated" in by_file["head.warc.gz"].reason
    assert "none of its 2 records is an HTML page" in by_file["images.warc.gz"].reason
    # the record before the break is read; the one the file ends in is a failure naming it
    assert [a.source for a in articles] == [f"{broken / 'cut.warc'}:2"]
    assert by_file["cut.warc"].source == f"{broken / 'cut.warc'}:3"
    assert "truncated" in by_file["cut.warc"].reason and by_file["cut.warc"].code == "E101"


def test_id_from_url_fits_the_api_pattern():
    import re

    from herald.api.writes import ARTICLE_ID

    for url in ("https://example.org/", "http://a.example/" + "x" * 500, "https://ex.org/über/straße?q=1#top"):
        assert re.match(ARTICLE_ID, id_from_url(url)), url
    assert id_from_url("https://example.org/a") == id_from_url("https://example.org/a")
