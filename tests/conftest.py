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
