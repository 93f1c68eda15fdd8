"""`herald extract` and friends as a user runs them: a real subprocess, real files, JSON Lines on stdout."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import SEED, SEED_GOLD, SHARED, VOA
from tests.ingest.test_readers import hostile_directory


def herald(*args, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "herald", *map(str, args)], capture_output=True, text=True,
                          input=stdin, check=check)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def body_of(path) -> str:
    from herald.ingest import read_articles

    return next(iter(read_articles([path]))).text


def test_seed_first_consult_with_offsets_and_provenance(seed_events):
    events = records(seed_events.read_text())
    body = body_of(SEED)
    first = events[0]
    assert first["event"] == "CONSULT" and first["cameo"] == "040" and first["quad_class"] == 1
    assert first["actor"]["country"] == "KAZ" and first["actor"]["sector"] == "GOV"
    assert first["actor"]["name"] == "Margulan Baimukhan"
    assert first["recipient"]["country"] == "BEL" and first["recipient"]["sector"] == "LEG"
    assert first["trigger"]["text"] == "met" and body[first["trigger"]["start"]:first["trigger"]["end"]] == "met"
    assert first["coder"].startswith("rule:consult.meet")
    assert first["location"]["name"] == "Brussels" and first["location"]["source"] == "dateline"
    for event in events:
        trigger, sentence = event["trigger"], event["text_info"]
        assert body[trigger["start"]:trigger["end"]] == trigger["text"]
        assert sentence["start"] <= trigger["start"] < sentence["end"]
        assert event["id"].startswith("kazinform-2021-10-17#")


def test_seed_meets_the_gold(seed_events):
    """All 9 required gold events at the dyad level of the shared scorer, at most 2 false positives."""
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SEED_GOLD),
                          str(seed_events), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["dyad"]["tp"] == 9 and scores["dyad"]["fn"] == 0
    assert scores["dyad"]["fp"] <= 2
    assert scores["date_exact"] == 1.0 and scores["loc_name"] == 1.0


def test_herald_evaluate_agrees_with_the_shared_scorer(seed_events, tmp_path):
    shared = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SEED_GOLD),
                             str(seed_events), "--json", "--by-type"], capture_output=True, text=True, check=True)
    ours = herald("evaluate", SEED_GOLD, seed_events, "--json", "--by-type")
    assert json.loads(ours.stdout) == json.loads(shared.stdout)
    # and on a prediction file with errors of every kind: a wrong type, a wrong dyad, an event outside gold
    events = records(seed_events.read_text())
    events[0]["event"] = "ASSAULT"
    events[1]["recipient"] = None
    events.append({**events[2], "trigger": {"text": "x", "start": 5000, "end": 5001}})
    broken = tmp_path / "broken.jsonl"
    broken.write_text("".join(json.dumps(e) + "\n" for e in events))
    shared = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SEED_GOLD),
                             str(broken), "--json"], capture_output=True, text=True, check=True)
    assert json.loads(herald("evaluate", SEED_GOLD, broken, "--json").stdout) == json.loads(shared.stdout)


def test_formats_csv_and_table():
    out = herald("extract", SEED, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and rows[0]["event"] == "CONSULT" and rows[0]["actor_country"] == "KAZ"
    table = herald("extract", SEED, "--format", "table")
    assert "CONSULT" in table.stdout and "KAZ" in table.stdout


def test_stdin_and_output_file(tmp_path):
    line = json.dumps({"id": "in1", "text": "Chile and Peru held talks in Lima on Tuesday.", "published": "2024-03-07"})
    out = tmp_path / "events.jsonl"
    result = herald("extract", "-", "-o", out, stdin=line + "\n")
    assert result.stdout == ""
    [event] = records(out.read_text())
    assert event["article_id"] == "in1" and event["event"] == "CONSULT"
    assert "1 articles: 1 processed, 0 failed" in result.stderr


def test_hostile_directory_through_the_cli(tmp_path):
    d = hostile_directory(tmp_path)
    failures = tmp_path / "failures.jsonl"
    result = herald("extract", d, "--failures", failures)
    assert result.returncode == 0
    assert "16 articles: 3 processed, 13 failed" in result.stderr
    reported = records(failures.read_text())
    assert len(reported) == 13 and all(f["reason"] and f["code"].startswith("E") for f in reported)
    assert result.stderr.count("failed: ") == 13


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = herald("extract", tmp_path / "empty.txt", check=False)
    assert result.returncode == 1 and "nothing could be read" in result.stderr


def test_version_and_help():
    from herald import __version__

    assert herald("--version").stdout.strip() == f"herald {__version__}"
    assert "extract" in herald("--help").stdout


def test_places_and_times_commands():
    places = records(herald("places", SEED).stdout)
    vienna = [p for p in places if p["text"] == "Vienna"]
    assert vienna and vienna[0]["country"] == "AUT" and vienna[0]["geonames_id"] == 2761369
    times = records(herald("times", SEED).stdout)
    assert any(t["value"] == "2021-09" for t in times)
    body = body_of(SEED)
    assert all(body[m["start"]:m["end"]] == m["text"] for m in places + times)


def test_explain_shows_rules_and_reasons():
    result = herald("explain", SEED)
    assert "consult.meet" in result.stdout and "actor:" in result.stdout
    data = json.loads(herald("explain", SEED, "--json").stdout)
    decisions = [d for s in data["sentences"] for d in s["decisions"]]
    assert any(not d["kept"] and d["why"] for d in decisions)  # it also says what it did not code, and why


@pytest.mark.slow
def test_corpora_complete_with_every_article_accounted_for(tmp_path):
    out = tmp_path / "events.jsonl"
    result = herald("extract", VOA, SHARED / "corpora" / "wikinews", "-o", out)
    # wikinews holds 293 articles plus a manifest.tsv and stats.json, which are not article files
    assert "382 articles: " in result.stderr
    events = records(out.read_text())
    bodies = {}
    from herald.ingest import read_articles

    for article in read_articles([VOA]):
        bodies[article.id] = article.text
    voa_events = [e for e in events if e["article_id"] in bodies]
    assert len(voa_events) > 300
    for event in voa_events:  # offsets index the original body
        body = bodies[event["article_id"]]
        assert body[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        assert body[event["text_info"]["start"]:event["text_info"]["end"]].strip()


def test_the_same_input_gives_the_same_events_in_every_run(tmp_path):
    """Python's hash seed changes between runs; Herald's output must not (sets are never read in their own order)."""
    import os

    article = tmp_path / "congress.txt"
    article.write_text("date 2024-02-02 Budget\n\nThe current Democratic House and Republican Senate have failed to "
                       "reach agreement on the budget. Iraqi forces attacked Islamic State positions near Mosul.\n",
                       encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "herald", "extract", str(article)], capture_output=True,
                              text=True, check=True, env=env)
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
