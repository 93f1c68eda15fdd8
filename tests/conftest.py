"""Shared fixtures: the real spaCy pipeline, paths to ../shared, temporary DuckDB files."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared").resolve()
SEED = SHARED / "seed" / "kazinform-2021-10-17.txt"
SEED_GOLD = SHARED / "seed" / "kazinform-2021-10-17.gold.jsonl"
VOA = SHARED / "corpora" / "voa" / "voa.jsonl"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the shared data folder is expected at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from herald.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline (real spaCy model, real gazetteers), loaded once per test session."""
    from herald.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text of ours as an article published on the given date; returns the ArticleResult."""
    import datetime as dt

    from herald.ingest import content_hash
    from herald.records import Article

    def run(text: str, published: str = "2024-06-12", article_id: str = "t"):
        article = Article(id=article_id, published=dt.date.fromisoformat(published), text=text,
                          content_hash=content_hash(text))
        return pipeline.process(article)

    return run


@pytest.fixture(scope="session")
def seed_events(tmp_path_factory):
    """`herald extract` output on the seed article (the real CLI in a subprocess), as a JSONL path."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    with open(out, "w") as fh:
        subprocess.run([sys.executable, "-m", "herald", "extract", str(SEED)], stdout=fh, check=True)
    return out


@pytest.fixture(scope="session")
def voa_events(tmp_path_factory):
    """`herald extract` over the VOA corpus (89 articles), as a JSONL path."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("voa") / "voa.jsonl"
    subprocess.run([sys.executable, "-m", "herald", "extract", str(VOA), "-o", str(out)], check=True,
                   capture_output=True)
    return out


@pytest.fixture(scope="session")
def wikinews_dev_events(tmp_path_factory):
    """`herald extract` over the Wikinews articles of ../shared/gold/wikinews-dev.jsonl, as a JSONL path."""
    import json
    import subprocess
    import sys

    gold = SHARED / "gold" / "wikinews-dev.jsonl"
    ids = sorted({json.loads(line)["article_id"] for line in gold.read_text(encoding="utf-8").splitlines() if line})
    paths = [str(SHARED / "corpora" / "wikinews" / f"{i}.txt") for i in ids]
    out = tmp_path_factory.mktemp("wikinews") / "wikinews.jsonl"
    subprocess.run([sys.executable, "-m", "herald", "extract", *paths, "-o", str(out)], check=True,
                   capture_output=True)
    return out
