"""Reports of one real-world event become one cluster in a real DuckDB store, ingested by the real pipeline: the
counts of mentions, articles and sources, the syndicated copy linked, near misses apart, ids stable across ingests
and rebuilds, and the one-a-day export."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from herald.clusters import Clusterer
from herald.clusters.matching import cluster_id
from herald.store import Store
from tests.clusters.support import LATER, MEETING, MEETING_EVENT, OTHERS, ingest

HERALD = Path(sys.executable).with_name("herald")


def cluster_of(store: Store, event_id: str) -> dict:
    rows = store.rows("SELECT c.* FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE m.event_id = ?",
                      [event_id])
    assert len(rows) == 1, f"{event_id} is in {len(rows)} clusters"
    return rows[0]


def members(store: Store, cluster_id: str) -> list[str]:
    return [r["event_id"] for r in store.rows("SELECT event_id FROM cluster_members WHERE cluster_id = ? "
                                              "ORDER BY event_id", [cluster_id])]


@pytest.fixture(scope="module")
def stages(tmp_path_factory):
    """The store after the first ingest and after the later one (snapshots of what the tests read)."""
    db = tmp_path_factory.mktemp("clusters") / "clusters.duckdb"
    ingest(db, MEETING + OTHERS, "first")
    with Store.open(db, read_only=True) as store:
        first = {"meeting": cluster_of(store, MEETING_EVENT),
                 "all": store.rows("SELECT * FROM clusters ORDER BY id"),
                 "copies": store.rows("SELECT article_id, copy_of, similarity FROM article_copies ORDER BY 1"),
                 "events": store.rows("SELECT id, article_id FROM events ORDER BY id"),
                 "members": store.rows("SELECT event_id, cluster_id FROM cluster_members ORDER BY 1")}
    ingest(db, LATER, "later")
    return {"db": db, "first": first}


def test_two_outlets_and_a_copy_make_one_cluster(stages):
    meeting = stages["first"]["meeting"]
    assert (meeting["event"], meeting["actor_country"], meeting["recipient_country"]) == ("CONSULT", "NOR", "KEN")
    assert (meeting["mentions"], meeting["articles"], meeting["sources"], meeting["copies"]) == (3, 3, 2, 1)
    by_event = {m["event_id"]: m["cluster_id"] for m in stages["first"]["members"]}
    assert {e for e, c in by_event.items() if c == meeting["id"]} == {
        "lakeside-001#0", "coastal-77#0", "lakeside-001-syndicated#0"}
    # the dates the reports agree on, and the place one of them gives (the dateline of coastal-77)
    assert (str(meeting["date_start"]), str(meeting["date_end"]), meeting["location_country"]) == (
        "2024-03-04", "2024-03-04", "KEN")
    # articles stored together are clustered by publication date, then id: coastal-77 came first
    assert meeting["first_event_id"] == "coastal-77#0" and meeting["id"] == cluster_id("coastal-77#0")


def test_the_syndicated_copy_is_linked_to_its_original(stages):
    copies = {r["article_id"]: r for r in stages["first"]["copies"]}
    assert set(copies) == {a["id"] for a in MEETING + OTHERS}  # every article was checked
    assert copies["lakeside-001-syndicated"]["copy_of"] == "lakeside-001"
    assert 0.5 <= copies["lakeside-001-syndicated"]["similarity"] < 1.0  # small edits: similar, not identical
    assert [a for a, r in copies.items() if r["copy_of"]] == ["lakeside-001-syndicated"]  # same event != copy


def test_events_that_differ_in_date_actor_or_type_stay_apart(stages):
    by_event = {m["event_id"]: m["cluster_id"] for m in stages["first"]["members"]}
    meeting = by_event[MEETING_EVENT]
    assert by_event["lakeside-002#0"] != meeting  # the same two men, two weeks later
    assert by_event["coastal-78#0"] != meeting  # another minister, the same day
    assert by_event["coastal-79#0"] != meeting  # the same men, the same day, an accusation
    assert len({by_event["lakeside-002#0"], by_event["coastal-78#0"], by_event["coastal-79#0"]}) == 3
    # every stored event is in exactly one cluster
    assert sorted(by_event) == [e["id"] for e in stages["first"]["events"]]


def test_a_later_report_joins_and_the_id_stays(stages):
    with Store.open(stages["db"], read_only=True) as store:
        meeting = cluster_of(store, MEETING_EVENT)
        assert meeting["id"] == stages["first"]["meeting"]["id"]
        assert meeting["first_seen"] == stages["first"]["meeting"]["first_seen"]
        assert meeting["last_seen"] > meeting["first_seen"]
        assert "riverside-5#0" in members(store, meeting["id"])
        # a third outlet, named by its URL's host (the article has no source field)
        assert (meeting["mentions"], meeting["articles"], meeting["sources"], meeting["copies"]) == (4, 4, 3, 1)
        # the same meeting said to be in Oslo is not the one in Nairobi
        assert cluster_of(store, "coastal-80#0")["id"] != meeting["id"]
        # the clusters of the first ingest are all still there, with their ids
        ids = {r["id"] for r in store.rows("SELECT id FROM clusters")}
        assert {r["id"] for r in stages["first"]["all"]} <= ids


def test_rebuilding_from_scratch_gives_the_same_clusters(stages, tmp_path):
    copy = tmp_path / "rebuilt.duckdb"
    copy.write_bytes(Path(stages["db"]).read_bytes())

    def snapshot(store: Store):
        return (store.rows("SELECT event_id, cluster_id FROM cluster_members ORDER BY 1"),
                store.rows("SELECT id, mentions, articles, sources, copies, date_start, date_end FROM clusters "
                           "ORDER BY id"),
                store.rows("SELECT article_id, copy_of FROM article_copies ORDER BY 1"))

    with Store.open(copy) as store:
        before = snapshot(store)
        stats = Clusterer(store).rebuild()
        assert stats.articles == len(MEETING + OTHERS + LATER) and stats.copies == 1
        assert snapshot(store) == before
        assert Clusterer(store).update().articles == 0  # nothing left to do


def test_a_changed_article_leaves_its_cluster(stages, tmp_path):
    """Re-ingesting an article with new content replaces its events; the cluster it left counts one report less."""
    copy = tmp_path / "changed.duckdb"
    copy.write_bytes(Path(stages["db"]).read_bytes())
    changed = dict(LATER[0], text="Kenyan President William Ruto accused Norway on Monday of meddling in its "
                                  "fisheries policy, a government spokesman said in Nairobi.")
    ingest(copy, [changed], "changed")
    with Store.open(copy, read_only=True) as store:
        meeting = cluster_of(store, MEETING_EVENT)
        assert "riverside-5#0" not in members(store, meeting["id"])
        assert (meeting["mentions"], meeting["articles"], meeting["sources"]) == (3, 3, 2)
        assert meeting["id"] == stages["first"]["meeting"]["id"]
        orphans = store.query("SELECT count(*) FROM cluster_members m LEFT JOIN events e ON e.id = m.event_id "
                              "WHERE e.id IS NULL")[1][0][0]
        assert orphans == 0
        unclustered = store.query("SELECT count(*) FROM events e LEFT JOIN cluster_members m ON m.event_id = e.id "
                                  "WHERE m.event_id IS NULL")[1][0][0]
        assert unclustered == 0


def test_one_a_day_export_keeps_the_first_report_of_each_cluster(stages, tmp_path):
    everything, one_a_day = tmp_path / "all.jsonl", tmp_path / "one.jsonl"
    subprocess.run([str(HERALD), "export", "--db", str(stages["db"]), "-o", str(everything)], check=True,
                   capture_output=True)
    subprocess.run([str(HERALD), "export", "--db", str(stages["db"]), "-o", str(one_a_day), "--one-a-day"],
                   check=True, capture_output=True)
    all_ids = {json.loads(line)["id"] for line in everything.read_text().splitlines()}
    kept = [json.loads(line)["id"] for line in one_a_day.read_text().splitlines()]
    meeting_reports = {"lakeside-001#0", "coastal-77#0", "lakeside-001-syndicated#0", "riverside-5#0"}
    assert meeting_reports <= all_ids
    assert set(kept) & meeting_reports == {"coastal-77#0"}  # first published, then article id
    with Store.open(stages["db"], read_only=True) as store:
        clusters = store.query("SELECT count(*) FROM clusters")[1][0][0]
    assert len(kept) == clusters == len(all_ids) - 3  # every other cluster has one report here
    csv_out = tmp_path / "one.csv"
    subprocess.run([str(HERALD), "export", "--db", str(stages["db"]), "-o", str(csv_out), "-f", "csv",
                    "--one-a-day"], check=True, capture_output=True)
    assert len(csv_out.read_text().splitlines()) == len(kept) + 1  # the header


def test_herald_clusters_lists_and_rebuilds(stages, tmp_path):
    listed = subprocess.run([str(HERALD), "clusters", "--db", str(stages["db"]), "--min-articles", "2", "-f",
                             "jsonl"], check=True, capture_output=True, text=True).stdout.splitlines()
    assert len(listed) == 1
    row = json.loads(listed[0])
    assert (row["event"], row["articles"], row["sources"], row["copies"]) == ("CONSULT", 4, 3, 1)
    copy = tmp_path / "cli.duckdb"
    copy.write_bytes(Path(stages["db"]).read_bytes())
    rebuilt = subprocess.run([str(HERALD), "clusters", "--db", str(copy), "--rebuild", "--type", "consult",
                              "-f", "jsonl"], check=True, capture_output=True, text=True)
    assert "clustered 9 events of 8 articles (1 near-copies)" in rebuilt.stderr
    assert json.loads(rebuilt.stdout.splitlines()[0])["id"] == row["id"]
    bad = subprocess.run([str(HERALD), "clusters", "--db", str(copy), "--type", "MEET"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "not a PLOVER type: 'MEET'" in bad.stderr
