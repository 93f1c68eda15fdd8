"""Herald on Spark (local mode): the same events as the local pipeline on VOA, the Parquet schema of the store,
bad articles as failure rows, and an idempotent `herald load` into DuckDB."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from herald.runner import run_pipeline
from herald.spark import JobSettings, load_parquet, run_spark
from herald.store import Store
from herald.store.columns import arrow_schema

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parents[2]
VOA = ROOT.parent / "shared" / "corpora" / "voa" / "voa.jsonl"
BAD_RECORDS = [
    '{"id": "no-text", "published": "2024-01-01"}',
    "this line is not JSON",
    "",
    json.dumps({"id": "not-english", "published": "2024-01-01",
                "text": "Der Minister traf sich am Montag mit dem Botschafter, um über die Lage an der Grenze und "
                        "die Zukunft der Gespräche zwischen beiden Ländern zu sprechen, sagte ein Sprecher."}),
]


def _key(event_id, event, actor_country, recipient_country):
    return (event_id, event, actor_country, recipient_country)


@pytest.fixture(scope="module")
def spark_output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark")
    bad = folder / "bad.jsonl"
    bad.write_text("\n".join(BAD_RECORDS) + "\n", encoding="utf-8")
    seed_dir = folder / "txt"
    seed_dir.mkdir()
    (seed_dir / "short-note.txt").write_text(
        "date 2024-03-05 A note\n\nThe foreign minister of Norway met the president of Kenya in Nairobi on "
        "Tuesday to discuss trade and security in the region.\n", encoding="utf-8")
    summary = run_spark([str(VOA), str(bad), str(seed_dir)], folder / "out", master="local[2]",
                        settings=JobSettings(batch_size=32))
    return folder, summary


def test_spark_codes_the_same_events_as_the_local_pipeline(spark_output):
    import duckdb

    folder, summary = spark_output
    local = [r for r in run_pipeline([str(VOA)])]
    expected = {_key(e.id, e.event, e.actor and e.actor.country, e.recipient and e.recipient.country)
                for r in local for e in r.events}
    rows = duckdb.connect().execute(
        "SELECT id, event, actor_country, recipient_country FROM read_parquet(?, hive_partitioning = true) "
        "WHERE article_id LIKE 'voa-%'", [str(folder / "out" / "events" / "**" / "*.parquet")]).fetchall()
    assert len(expected) > 300
    assert len(rows) == len(expected)  # no duplicates either
    assert {_key(*row) for row in rows} == expected
    assert summary.articles == 89 + 1  # VOA and the .txt note


def test_events_parquet_has_exactly_the_store_columns_partitioned_by_date(spark_output):
    import pyarrow.parquet as pq

    folder, _ = spark_output
    events = folder / "out" / "events"
    partitions = sorted(p.name for p in events.iterdir() if p.is_dir())
    assert partitions and all(p.startswith("event_date=") for p in partitions)
    file = next(events.rglob("*.parquet"))
    schema = pq.read_schema(file)
    assert [(f.name, f.type) for f in schema] == [(f.name, f.type) for f in arrow_schema()]


def test_bad_articles_become_failure_rows(spark_output):
    import pyarrow.parquet as pq

    folder, summary = spark_output
    failures = pq.read_table(folder / "out" / "failures").to_pylist()
    assert summary.failures == 3
    # as in the local reader: every failure names its article when the record has an id
    assert sorted((f["article_id"] or "", f["code"]) for f in failures) == [("", "E104"), ("no-text", "E104"),
                                                                            ("not-english", "E106")]
    assert all(f["source"].endswith("bad.jsonl") for f in failures)


def test_load_into_duckdb_is_idempotent(spark_output, tmp_path):
    folder, summary = spark_output
    db = tmp_path / "herald.duckdb"
    first = load_parquet(folder / "out", db)
    assert (first.new, first.events, first.failures) == (summary.articles, summary.events, 3)
    again = subprocess.run([sys.executable, "-m", "herald", "load", str(folder / "out"), "--db", str(db)],
                           capture_output=True, text=True, check=True)
    assert "0 new articles" in again.stderr and "0 events" in again.stderr
    with Store.open(db, read_only=True) as store:
        assert store.count("events") == summary.events
        assert store.count("articles") == summary.articles
        assert store.count("failures") == 3
        clustered = store.query("SELECT count(*) FROM cluster_members")[1][0][0]
        assert clustered == summary.events  # `herald load` clusters what it loads, once
        note = store.rows("SELECT id, published, n_events FROM articles WHERE id = 'short-note'")
        assert note and str(note[0]["published"]) == "2024-03-05"


def test_bad_input_paths_are_clear_errors_before_spark_starts(tmp_path):
    done = subprocess.run([sys.executable, "-m", "herald", "spark", str(tmp_path / "missing.jsonl"), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no such file or directory" in done.stderr
    assert not (tmp_path / "out").exists()


def test_an_existing_output_folder_is_not_overwritten_without_asking(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("earlier results", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "herald", "spark", str(VOA), "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--overwrite" in done.stderr
    assert (out / "keep.txt").read_text(encoding="utf-8") == "earlier results"


def test_the_per_article_time_limit_holds_on_spark_executors(tmp_path):
    """A really slow article (tests/executors/test_article_timeout.py) over the limit is a failure row E191; the
    other articles of its partition are coded."""
    import pyarrow.parquet as pq

    from tests.executors.test_article_timeout import QUICK, SLOW

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(a) + "\n" for a in (QUICK[0], SLOW, QUICK[1])), encoding="utf-8")
    summary = run_spark([str(mixed)], tmp_path / "out", master="local[1]", partitions=1,
                        settings=JobSettings(article_timeout=1.5))
    failures = pq.read_table(tmp_path / "out" / "failures").to_pylist()
    assert [(f["article_id"], f["code"]) for f in failures] == [("slow", "E191")]
    coded = {row["id"] for row in pq.read_table(tmp_path / "out" / "articles").to_pylist()}
    assert coded == {"quick-1", "quick-2"} and summary.failures == 1
