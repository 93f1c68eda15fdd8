"""Cheap, exact resume: an article the store already holds (same id and content hash) is recognised before any NLP,
so rerunning an interrupted ingest parses only the missing articles; a changed article is coded again."""
from __future__ import annotations

import json
import subprocess
import sys

from herald.ingestion import examples_dir, ingest_paths
from herald.store import Store
from herald.store.filters import EventFilters

# Written for these tests.
TALKS = {"id": "ours-talks", "published": "2024-04-02",
         "text": "Chile and Peru held talks in Lima on Tuesday about their maritime border."}
REVISED = dict(TALKS, text=TALKS["text"] + " Ecuador praised Chile for its role in the talks.")
PROTEST = {"id": "ours-protest", "published": "2024-04-03",
           "text": "Thousands of farmers protested in Warsaw on Wednesday against the import of Ukrainian grain."}


def write_jsonl(path, *articles) -> str:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def ingest_in_fresh_process(paths: list[str], db) -> dict:
    """Ingest in a new Python process and report what it parsed, and whether spaCy was loaded at all."""
    code = ("import json, sys\nfrom herald.ingestion import ingest_paths\n"
            f"s = ingest_paths({paths!r}, {str(db)!r})\n"
            "print(json.dumps({'parsed': s.parsed, 'skipped': s.skipped, 'processed': s.counts.processed, "
            "'unchanged': s.stats.unchanged, 'new': s.stats.new, 'spacy_loaded': 'spacy' in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_a_rerun_parses_nothing_already_stored(tmp_path):
    db = tmp_path / "herald.duckdb"
    ours = write_jsonl(tmp_path / "ours.jsonl", TALKS, PROTEST)
    first = ingest_paths([str(examples_dir()), ours], db)
    assert first.parsed == 8 and first.skipped == 0 and first.stats.new == 8
    again = ingest_in_fresh_process([str(examples_dir()), ours], db)
    assert again == {"parsed": 0, "skipped": 8, "processed": 8, "unchanged": 8, "new": 0, "spacy_loaded": False}


def test_an_interrupted_ingest_resumes_with_the_missing_articles_only(tmp_path):
    db = tmp_path / "herald.duckdb"
    examples = sorted(examples_dir().glob("*.txt"))
    half = [str(p) for p in examples[:3]]
    ingest_paths(half, db)  # the part stored before the interruption
    with Store.open(db, read_only=True) as store:
        events_before = store.count("events")
    resumed = ingest_paths([str(p) for p in examples], db)
    assert resumed.parsed == len(examples) - 3 and resumed.skipped == 3
    assert resumed.stats.new == len(examples) - 3 and resumed.stats.unchanged == 3
    assert resumed.counts.total == len(examples)  # counts in = processed + failed
    fresh_db = tmp_path / "fresh.duckdb"
    ingest_paths([str(p) for p in examples], fresh_db)
    with Store.open(db, read_only=True) as store, Store.open(fresh_db, read_only=True) as fresh:
        assert store.count("events") == fresh.count("events") > events_before
        ids = sorted(r["id"] for r in store.events(limit=None))
        assert ids == sorted(r["id"] for r in fresh.events(limit=None))  # no loss, no duplicates


def test_a_changed_article_is_coded_again_and_a_copy_is_not(tmp_path):
    db = tmp_path / "herald.duckdb"
    ingest_paths([write_jsonl(tmp_path / "a.jsonl", TALKS, PROTEST)], db)
    with Store.open(db, read_only=True) as store:
        before = {r["event"] for r in store.events(EventFilters(article_id="ours-talks"), limit=None)}
    assert "SUPPORT" not in before
    copy = dict(PROTEST, id="ours-protest-syndicated")
    summary = ingest_paths([write_jsonl(tmp_path / "b.jsonl", REVISED, PROTEST, copy)], db)
    assert summary.parsed == 1  # the revised article; the unchanged one and the copy are recognised unparsed
    assert summary.skipped == 2 and summary.stats.unchanged == 1 and summary.stats.duplicates == 1
    assert summary.stats.replaced == 1
    with Store.open(db, read_only=True) as store:
        after = {r["event"] for r in store.events(EventFilters(article_id="ours-talks"), limit=None)}
        stored_text = store.rows("SELECT text FROM articles WHERE id = 'ours-talks'")[0]["text"]
        assert store.count("articles") == 2
    assert "SUPPORT" in after and stored_text == REVISED["text"]
