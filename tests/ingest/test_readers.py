"""Ingest: the SCHEMA formats, article ids, and a clear Failure for every kind of bad input."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json

import pytest

from herald.errors import ArticleError
from herald.ingest import Limits, content_hash, read_articles
from herald.ingest.checks import check_body
from herald.records import Article, Failure

from tests.conftest import SEED, VOA

BODY = ("The foreign ministers of Chile and Peru met in Lima on Tuesday and agreed to reopen the border crossing "
        "that was closed during the pandemic, officials said.")


def split(items):
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    return articles, failures


def test_seed_txt_header_with_spaces_and_body_offsets():
    [article] = list(read_articles([SEED]))
    assert article.id == "kazinform-2021-10-17"
    assert article.published == dt.date(2021, 10, 17)
    assert article.title.startswith("Prospects of expanding cooperation")
    assert article.text.startswith("BRUSSELS. KAZINFORM - Ambassador")
    # the gold's first sentence offsets index this body exactly
    gold = json.loads(SEED.with_suffix("").with_suffix(".gold.jsonl").read_text().splitlines()[0])
    assert article.text[gold["start"]:gold["end"]] == gold["sentence"]


def test_jsonl_keeps_unknown_keys_and_reads_datetimes(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": 7, "text": BODY, "published": "2025-03-14T20:30:26Z", "title": "T",
                                "url": "https://example.org/a", "section": "world", "lang": "en"}) + "\n\n")
    [article] = list(read_articles([path]))
    assert article.id == "7" and article.published == dt.date(2025, 3, 14)
    assert article.metadata == {"url": "https://example.org/a", "section": "world", "lang": "en"}
    assert article.source == f"{path}:1"


def test_jsonl_gz_and_directories_are_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    with gzip.open(tmp_path / "a" / "b" / "x.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({"id": "gz1", "text": BODY, "published": "2024-01-02"}) + "\n")
    (tmp_path / "a" / "one.txt").write_text(f"date 2024-01-03 Title\n\n{BODY}\n")
    (tmp_path / "a" / "notes.md").write_text("not an article")
    articles, failures = split(list(read_articles([tmp_path])))
    assert sorted(a.id for a in articles) == ["gz1", "one"]
    assert failures == []


def test_stdin_dash(tmp_path):
    stream = io.BytesIO((json.dumps({"id": "s1", "text": BODY, "published": "2024-05-01"}) + "\n").encode())
    [article] = list(read_articles(["-"], stdin=stream))
    assert article.id == "s1" and article.source == "-:1"


def test_content_hash_ignores_whitespace_only():
    assert content_hash("a  b\n c") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_crlf_header_and_trailing_blank_lines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"date 2024-02-02 Title\r\n\r\n{BODY}\r\n\r\n\r\n".encode())
    [article] = list(read_articles([path]))
    assert article.text.startswith("The foreign ministers")


def hostile_directory(tmp_path):
    d = tmp_path / "hostile"
    d.mkdir()
    (d / "good.txt").write_text(f"date 2024-01-01 Good\n\n{BODY}\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_text("")
    (d / "header-only.txt").write_text("date 2024-01-01 Nothing below\n\n   \n")
    (d / "nul.txt").write_bytes(f"date 2024-01-01 Nul\n\n{BODY}\x00\x00 more".encode())
    (d / "bad-header.txt").write_text(f"Published on 1 January 2024\n\n{BODY}\n")
    (d / "bad-date.txt").write_text(f"date 2024-13-45 Impossible date\n\n{BODY}\n")
    (d / "latin1.txt").write_bytes(f"date 2024-01-01 Caf\xe9\n\nCaf\xe9 {BODY}".encode("latin-1"))
    (d / "french.txt").write_text("date 2024-01-01 Politique\n\n" + "Le ministre des affaires étrangères de la France "
                                  "a rencontré son homologue allemand à Berlin pour discuter de la guerre et des "
                                  "sanctions contre la Russie, selon un communiqué publié par le ministère. " * 3)
    (d / "huge.txt").write_text("date 2024-01-01 Huge\n\n" + (BODY + " ") * 150_000)  # ~20 MB
    lines = [json.dumps({"id": "j1", "text": BODY, "published": "2024-01-01"}), "{not json",
             json.dumps({"id": "j2", "text": BODY}), json.dumps(["a", "list"]),
             json.dumps({"text": BODY, "published": "2024-01-01"}),
             json.dumps({"id": "j3", "text": BODY, "published": "2024-01-01"})]
    (d / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    return d


def test_hostile_directory_counts_add_up(tmp_path):
    d = hostile_directory(tmp_path)
    articles, failures = split(list(read_articles([d])))
    assert sorted(a.id for a in articles) == ["good", "j1", "j3"]
    reasons = {f.article_id or f.source: f for f in failures}
    assert len(articles) + len(failures) == 3 + 9 + 4  # 3 good, 9 bad .txt files, 4 bad JSON lines
    assert reasons["binary"].code == "E101" and "NUL" in reasons["binary"].reason
    assert reasons["empty"].code == "E103"  # no header line at all
    assert reasons["header-only"].code == "E102"
    assert reasons["nul"].code == "E101"
    assert reasons["bad-header"].code == "E103" and "date YYYY-MM-DD" in reasons["bad-header"].reason
    assert reasons["bad-date"].code == "E103" and "2024-13-45" in reasons["bad-date"].reason
    assert reasons["latin1"].code == "E101" and "UTF-8" in reasons["latin1"].reason
    assert reasons["french"].code == "E106"
    assert reasons["huge"].code == "E105" and "limit" in reasons["huge"].reason
    assert reasons["j2"].code == "E104" and "published" in reasons["j2"].reason
    assert {f.code for f in failures if f.source.endswith((":2", ":4", ":5"))} == {"E104"}
    assert all(f.source for f in failures)


def test_missing_path_and_unsupported_file_are_failures(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n")
    failures = list(read_articles([tmp_path / "nope.txt", tmp_path / "data.csv"]))
    assert [f.code for f in failures] == ["E005", "E005"]
    assert "no such file" in failures[0].reason and "unsupported" in failures[1].reason


def test_limits_are_configurable():
    with pytest.raises(ArticleError, match="limit is 10"):
        check_body(BODY, Limits(max_chars=10))


@pytest.mark.slow
def test_all_voa_articles_are_read():
    articles, failures = split(list(read_articles([VOA])))
    assert len(articles) == 89 and failures == []


def test_failures_of_jsonl_records_name_the_article(tmp_path):
    french = ("Le ministre des affaires étrangères a rencontré son homologue à Berlin pour discuter de la guerre et "
              "des sanctions, selon un communiqué publié par le ministère des affaires étrangères.")
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "fr-1", "text": french, "published": "2024-01-01"}) + "\n"
                    + json.dumps({"id": "empty-1", "text": "  ", "published": "2024-01-01"}) + "\n")
    failures = list(read_articles([path]))
    assert [(f.article_id, f.code) for f in failures] == [("fr-1", "E106"), ("empty-1", "E102")]
    assert failures[0].source == f"{path}:1"
