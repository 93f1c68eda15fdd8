"""The per-article time limit (`--article-timeout`), on a really slow article: a long body of our own sentences that
the real pipeline needs tens of seconds for. It becomes a Failure E191; the rest of its batch is coded and
stored, in the local runner and in the worker processes alike."""
from __future__ import annotations

import json
import subprocess
import sys

from herald.errors import ArticleTimeout
from herald.store import Store

# Written for these tests.
SENTENCES = ("The foreign minister of Norway met the Kenyan president in Nairobi on Monday to discuss trade.",
             "Police in Mombasa arrested three men after a protest turned violent, officials said.",
             "The two governments agreed to expand cooperation on border management next year.")
QUICK = [{"id": "quick-1", "published": "2024-03-05", "text": SENTENCES[0]},
         {"id": "quick-2", "published": "2024-03-06", "text": SENTENCES[1] + " " + SENTENCES[2]}]
# ~450,000 characters: tens of seconds on any laptop, so even a batch budget (limit x batch size) runs out.
SLOW = {"id": "slow", "published": "2024-03-05", "text": " ".join(SENTENCES[i % 3] for i in range(5000))}
LIMIT = "1.5"


def corpus(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in (QUICK[0], SLOW, QUICK[1])), encoding="utf-8")
    return path


def herald(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "herald", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_a_slow_article_fails_with_its_own_code_and_the_batch_is_stored(tmp_path):
    db = tmp_path / "herald.duckdb"
    done = herald("ingest", corpus(tmp_path), "--db", db, "--no-progress", "--article-timeout", LIMIT)
    assert done.returncode == 0, done.stderr
    assert "3 articles: 2 processed" in done.stderr and "1 failed" in done.stderr
    assert "failed: slow" in done.stderr and f"[{ArticleTimeout.code}]" in done.stderr
    with Store.open(db, read_only=True) as store:
        failures = store.rows("SELECT article_id, code, stage, reason FROM failures")
        stored = {r["id"] for r in store.rows("SELECT id FROM articles")}
        events = store.count("events")
    assert failures == [{"article_id": "slow", "code": "E191", "stage": "code",
                         "reason": "processing took longer than the limit of 1.5 s per article (--article-timeout)"}]
    assert stored == {"quick-1", "quick-2"} and events >= 2


def test_the_worker_processes_enforce_the_limit_too(tmp_path):
    failures = tmp_path / "failures.jsonl"
    out = tmp_path / "events.jsonl"
    done = herald("extract", corpus(tmp_path), "--workers", "2", "--article-timeout", LIMIT,
                     "--failures", failures, "-o", out)
    assert done.returncode == 0, done.stderr
    [failure] = [json.loads(line) for line in failures.read_text().splitlines()]
    assert failure["article_id"] == "slow" and failure["code"] == ArticleTimeout.code
    coded = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert coded == {"quick-1", "quick-2"}


def test_the_limit_is_validated(tmp_path):
    done = herald("ingest", corpus(tmp_path), "--db", tmp_path / "x.duckdb", "--article-timeout", "0")
    assert done.returncode == 2 and "--article-timeout" in done.stderr
