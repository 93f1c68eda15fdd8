"""The DuckDB store: a real file, idempotent ingestion, queries, exports, the actor knowledge base."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from herald.errors import QueryError, StoreError
from herald.ingestion import examples_dir, ingest_paths
from herald.store import Store
from herald.store.filters import EventFilters
from herald.store.schema import SCHEMA_VERSION

from tests.conftest import SEED


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "herald.duckdb"


def counts(db) -> tuple[int, int, int]:
    with Store.open(db, read_only=True) as store:
        return store.count("articles"), store.count("events"), store.count("failures")


def test_ingesting_twice_adds_nothing(db, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.txt").write_text("no header here\n\nbody")
    first = ingest_paths([str(examples_dir()), str(SEED), str(bad)], db)
    assert first.counts.processed == 7 and first.counts.failed == 1
    assert first.stats.new == 7 and first.stats.events > 20
    before = counts(db)
    second = ingest_paths([str(examples_dir()), str(SEED), str(bad)], db)
    assert second.stats.new == 0 and second.stats.unchanged == 7 and second.stats.events == 0
    assert counts(db) == before == (7, first.stats.events, 1)


def test_changed_article_replaces_its_events_and_copies_are_duplicates(db, tmp_path):
    story = "Chile and Peru held talks in Lima on Tuesday. Bolivia condemned the talks."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": story, "published": "2024-01-09"}) + "\n")
    ingest_paths([str(tmp_path / "a.jsonl")], db)
    revised = story + " Ecuador praised Chile for its role."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": revised, "published": "2024-01-09"}) + "\n")
    summary = ingest_paths([str(tmp_path / "a.jsonl")], db)
    assert summary.stats.replaced == 1
    (tmp_path / "copy.jsonl").write_text(json.dumps({"id": "a-copy", "text": revised,
                                                     "published": "2024-01-10"}) + "\n")
    assert ingest_paths([str(tmp_path / "copy.jsonl")], db).stats.duplicates == 1
    with Store.open(db, read_only=True) as store:
        assert store.count("articles") == 1
        events = store.events(EventFilters(article_id="a"))
        assert {e["event"] for e in events} >= {"CONSULT", "SUPPORT"}
        assert len({e["id"] for e in events}) == len(events)


def test_filters_sql_and_schema_version(db):
    ingest_paths([str(examples_dir()), str(SEED)], db)
    with Store.open(db, read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        kaz = store.events(EventFilters(actor_country="KAZ", event=["CONSULT"]))
        assert kaz and all(r["actor_country"] == "KAZ" and r["event"] == "CONSULT" for r in kaz)
        recent = store.events(EventFilters(since=dt.date(2024, 1, 1)))
        assert recent and all((r["date_start"] or r["published"]) >= dt.date(2024, 1, 1) for r in recent)
        dates = [r["date_start"] or r["published"] for r in store.events(limit=None)]
        assert dates == sorted(dates, reverse=True)  # newest first
        assert not store.events(EventFilters(actor_name="KAZ'; DROP TABLE events; --"))
        columns, rows = store.query("SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC")
        assert columns == ["event", "n"] and rows[0][1] >= rows[-1][1]
        with pytest.raises(QueryError):
            store.query("DELETE FROM events")  # read-only
        with pytest.raises(QueryError):
            store.query("SELEC nonsense")
    assert counts(db)[1] > 0


def test_exports_round_trip(db, tmp_path):
    ingest_paths([str(SEED)], db)
    with Store.open(db, read_only=True) as store:
        n = store.count("events")
        assert store.export(tmp_path / "e.jsonl", "jsonl") == n
        assert store.export(tmp_path / "e.csv", "csv") == n
        assert store.export(tmp_path / "e.parquet", "parquet") == n
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    first = next(r for r in records if r["trigger"]["text"] == "met")
    assert first["actor"]["country"] == "KAZ" and first["recipient"]["country"] == "BEL"
    assert first["location"]["name"] == "Brussels"
    parquet = duckdb.sql(f"SELECT event, actor_country, context FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert len(parquet) == n and isinstance(parquet[0][2], list)
    assert (tmp_path / "e.csv").read_text().splitlines()[0].startswith("id,article_id,published,event")


def test_newer_schema_is_refused(db):
    with Store.open(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 999"):
        Store.open(db)


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no Herald store"):
        Store.open(tmp_path / "nope.duckdb", read_only=True)


def test_actor_knowledge_base_grows_and_is_used_later(db, tmp_path):
    ingest_paths([str(SEED)], db)
    with Store.open(db, read_only=True) as store:
        columns, rows = store.actor_rows("D'Hose")
        entry = dict(zip(columns, rows[0]))
    assert entry["country"] == "BEL" and entry["sector"] == "LEG"
    assert entry["first_seen"] == dt.date(2021, 10, 17)
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "later", "published": "2022-02-01",
                                 "text": "D'Hose criticized the decision of the Russian government."}) + "\n")
    ingest_paths([str(later)], db)
    with Store.open(db, read_only=True) as store:
        [event] = store.events(EventFilters(article_id="later"))
        columns, rows = store.actor_rows("D'Hose")
        entry = dict(zip(columns, rows[0]))
    assert event["actor_country"] == "BEL" and event["actor_sector"] == "LEG"  # taught by the seed
    assert entry["last_seen"] == dt.date(2022, 2, 1)
