"""The aggregate cell tables: every write keeps them equal to the cells recomputed from the events (new articles,
an article replaced by a version dated in another month, compaction), an older store gets them on a read-write
open, and a read-only open of an older store reads the events."""
from __future__ import annotations

import json

import duckdb
import pytest

from herald.ingestion import examples_dir, ingest_paths
from herald.store import Store, aggregates

from tests.conftest import SEED

STORY = ("Chile and Peru held talks in Lima on Tuesday. Bolivia condemned the talks. "
         "Argentina accused Chile of violating the border agreement.")


def cells(con, table: str) -> list[tuple]:
    """A table's cells, one row per cell (summing the rows of a cell), in a fixed order."""
    keys = "month, event, quad_class, modality, actor_country" + (
        ", recipient_country" if table == "agg_dyads" else "")
    return con.execute(f"SELECT {keys}, sum(n), sum(goldstein_sum), sum(goldstein_n), min(first), max(last), "
                       f"min(first_published), max(last_published) FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()


def from_events(con) -> dict[str, list[tuple]]:
    """The cells recomputed from scratch from the events (in a rolled-back transaction)."""
    con.execute("BEGIN TRANSACTION")
    try:
        aggregates.rebuild(con)
        return {table: cells(con, table) for table in aggregates.TABLES}
    finally:
        con.execute("ROLLBACK")


def assert_in_step(db) -> dict[str, list[tuple]]:
    with Store.open(db) as store:
        con = store.connection
        kept = {table: cells(con, table) for table in aggregates.TABLES}
        assert kept == from_events(con)
        assert sum(row[5] for row in kept["agg_months"]) == store.count("events")  # row[5]: n
        return kept


def write_story(path, text: str, published: str, article_id: str = "a") -> None:
    path.write_text(json.dumps({"id": article_id, "text": text, "published": published}) + "\n")


def test_ingest_keeps_the_cells_equal_to_the_events(tmp_path):
    db = tmp_path / "herald.duckdb"
    ingest_paths([str(examples_dir())], db)
    first = assert_in_step(db)
    assert first["agg_months"] and first["agg_dyads"]
    ingest_paths([str(SEED)], db)  # a second batch appends its own cells
    assert_in_step(db)


def test_a_replaced_article_moves_its_events_out_of_their_old_month(tmp_path):
    db = tmp_path / "herald.duckdb"
    story = tmp_path / "a.jsonl"
    write_story(story, STORY, "2024-01-09")
    ingest_paths([str(examples_dir()), str(story)], db)
    before = assert_in_step(db)
    write_story(story, STORY + " Ecuador praised Peru for its role.", "2024-03-20")  # new text, another month
    assert ingest_paths([str(story)], db).stats.replaced == 1
    after = assert_in_step(db)
    january = [r for r in before["agg_months"] if str(r[0]).startswith("2024-01")]
    assert january and not [r for r in after["agg_months"] if str(r[0]).startswith("2024-01")]
    write_story(story, "Nothing happened in Lima on Tuesday, officials said.", "2024-03-21")  # no events now
    ingest_paths([str(story)], db)
    assert_in_step(db)


def test_compaction_merges_the_rows_of_a_cell(tmp_path):
    db = tmp_path / "herald.duckdb"
    ingest_paths([str(examples_dir())], db)
    with Store.open(db) as store:
        con = store.connection
        kept = cells(con, "agg_months")

        def rows() -> int:
            return con.execute("SELECT count(*) FROM agg_months").fetchall()[0][0]

        con.execute("BEGIN TRANSACTION")
        for table in aggregates.TABLES:
            con.execute(f"DELETE FROM {table}")
        aggregates.add(con, "events")
        aggregates.add(con, "events")  # every cell twice over, as after many small writes
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, '0')", [aggregates.COMPACTED_KEY])
        aggregates.compact_if_grown(con)  # under the 10,000-row floor: left as it is
        assert rows() == 2 * len(kept)
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, '-20000')", [aggregates.COMPACTED_KEY])
        aggregates.compact_if_grown(con)  # "doubled since the last compaction": one row per cell again
        assert rows() == len(kept)
        doubled = cells(con, "agg_months")
        con.execute("ROLLBACK")
    assert [r[:5] for r in doubled] == [r[:5] for r in kept]
    assert [r[5:8] for r in doubled] == [tuple(2 * v for v in r[5:8]) for r in kept]  # n, Goldstein sum and count
    assert [r[8:] for r in doubled] == [r[8:] for r in kept]  # first and last dates


def test_an_older_store_gets_its_tables_on_a_read_write_open(tmp_path):
    db = tmp_path / "herald.duckdb"
    ingest_paths([str(examples_dir())], db)
    con = duckdb.connect(str(db))  # as a store written before the aggregate tables
    for table in aggregates.TABLES:
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM meta WHERE key = ?", [aggregates.META_KEY])
    con.close()
    with Store.open(db, read_only=True) as store:
        assert store.has_aggregates is False  # read-only: nothing is built, queries read the events
    assert_in_step(db)  # a read-write open builds them
    with Store.open(db, read_only=True) as store:
        assert store.has_aggregates is True


def test_events_written_without_their_cells_are_noticed(tmp_path):
    """An older Herald writing the store adds events without cells: the counts no longer agree, so a read-only
    open reads the events and the next read-write open rebuilds the cells."""
    db = tmp_path / "herald.duckdb"
    ingest_paths([str(examples_dir())], db)
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO events SELECT * REPLACE (id || '-copy' AS id) FROM events LIMIT 3")
    con.close()
    with Store.open(db, read_only=True) as store:
        assert store.has_aggregates is False
    assert_in_step(db)


@pytest.mark.parametrize("since, until, expected", [
    ("2024-01-01", "2024-12-31", True), ("2024-03-01", None, True), (None, "2024-02-29", True),
    ("2024-01-02", None, False), (None, "2024-03-30", False),
])
def test_only_whole_months_are_read_from_the_cells(since, until, expected):
    from herald.store.filters import parse_filters

    filters = parse_filters(since=since, until=until, event=["ACCUSE"], actor_country="chl")
    assert (aggregates.cube_filters(filters) is not None) is expected
    assert aggregates.cube_filters(parse_filters(q="talks")) is None
    assert aggregates.cube_filters(parse_filters(actor_sector="GOV")) is None
    table, where, values = aggregates.cube_filters(parse_filters(dyad="CHL-PER"))
    assert table == "agg_dyads" and values == ["CHL", "PER", "PER", "CHL"]
