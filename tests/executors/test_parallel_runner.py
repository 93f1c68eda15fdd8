"""Local parallel runs: the same output as one worker, in input order, and a crashing article loses nothing else."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from herald.executors import ParallelRunner, chunks_of
from herald.records import Article, ArticleResult, Failure
from herald.runner import run_pipeline

ROOT = Path(__file__).resolve().parents[2]
VOA = ROOT.parent / "shared" / "corpora" / "voa" / "voa.jsonl"


def _article(article_id: str, text: str = "The minister met the envoy in Paris on Monday.") -> Article:
    return Article(id=article_id, published=dt.date(2024, 1, 1), text=text, source=f"test:{article_id}")


class EchoOrCrash:
    """A stand-in stage for the executor tests: one empty result per article; the article `boom` kills the worker
    process (as a segfault in a native library would), the article `oops` raises a Python error."""

    def run(self, items):
        for item in items:
            if isinstance(item, Failure):
                yield item
            elif item.id == "boom":
                os._exit(3)
            elif item.id == "oops":
                raise RuntimeError("a bug in a stage")
            else:
                yield ArticleResult(article=item, events=[])


def _echo_factory() -> EchoOrCrash:
    return EchoOrCrash()


def test_chunks_follow_the_batches_of_one_worker():
    items = [_article("a"), Failure(None, "x", "bad", "E104", "ingest"), _article("b"), _article("c")]
    chunks = list(chunks_of(items, 2))
    assert [[getattr(i, "id", None) for i in c] for c in chunks] == [["a", None, "b"], ["c"]]


def test_a_crashing_article_becomes_a_failure_and_the_others_survive():
    ids = [f"a{i}" for i in range(9)] + ["boom"] + [f"b{i}" for i in range(9)] + ["oops", "last"]
    items = [_article(i) for i in ids]
    with ParallelRunner(_echo_factory, workers=2, batch_size=4) as runner:
        results = list(runner.run(items))
    assert [r.article.id if isinstance(r, ArticleResult) else r.article_id for r in results] == ids
    failed = {r.article_id: r for r in results if isinstance(r, Failure)}
    assert set(failed) == {"boom", "oops"}
    assert "worker process died" in failed["boom"].reason
    assert "RuntimeError" in failed["oops"].reason
    assert runner.stats.crashes >= 2  # the chunk alone, then the article alone


def test_two_workers_code_exactly_what_one_worker_codes(tmp_path):
    articles = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()[:24]]
    articles.insert(5, {"id": "broken", "published": "2024-01-01"})  # no text: a failure that must keep its place
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")

    def flat(results):
        out = []
        for r in results:
            if isinstance(r, Failure):
                out.append(("failure", r.article_id, r.code))
            else:
                out.append(("article", r.article.id, [e.to_dict() for e in r.events], len(r.places), len(r.times)))
        return out

    one = flat(run_pipeline([str(sample)], workers=1))
    two = flat(run_pipeline([str(sample)], workers=2))
    assert [x[1] for x in one] == [a["id"] for a in articles]
    assert sum(len(x[2]) for x in one if x[0] == "article") > 60
    assert two == one


def test_cli_extract_with_two_workers_writes_the_same_lines(tmp_path):
    lines = VOA.read_text(encoding="utf-8").splitlines()[40:48]
    sample = tmp_path / "voa16.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    herald = [sys.executable, "-m", "herald"]
    out1, out2 = tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"
    subprocess.run([*herald, "extract", str(sample), "-o", str(out1)], check=True, capture_output=True)
    done = subprocess.run([*herald, "extract", str(sample), "-o", str(out2), "--workers", "2"], check=True,
                          capture_output=True, text=True)
    assert "8 processed" in done.stderr
    assert out1.read_text(encoding="utf-8").count("\n") > 10
    assert out2.read_text(encoding="utf-8") == out1.read_text(encoding="utf-8")


def test_results_stream_without_reading_everything_first():
    consumed = []

    def items():
        for i in range(200):
            consumed.append(i)
            yield _article(f"s{i}")

    with ParallelRunner(_echo_factory, workers=2, batch_size=5, prefetch=2) as runner:
        stream = runner.run(items())
        first = next(stream)
        assert first.article.id == "s0"
        assert len(consumed) <= 5 * 2 * 2 + 5  # the in-flight window, not the whole input
        rest = list(stream)
    assert len(rest) == 199


def test_a_pipeline_that_cannot_be_built_is_a_clear_error():
    from herald.errors import ModelError
    from herald.executors import PipelineFactory
    from herald.pipeline import PipelineOptions

    with pytest.raises(ModelError, match="could not build the pipeline"):
        with ParallelRunner(PipelineFactory(PipelineOptions(spacy_model="no_such_model_xyz")), workers=1):
            pass
