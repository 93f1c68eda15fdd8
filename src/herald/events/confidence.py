"""Event confidence: the share of events like this one that matched the sentence-level gold at the dyad level
(type, actor country, recipient country) on the development gold (../shared/gold/voa-dev.jsonl).

"Like this one" is a bucket of two features that predicted correctness best on that gold: whether the event has a
recipient, and where the actor's country came from (the text, the article's context, or nowhere). The table is in
data/calibration.json, rebuilt by `python scripts/calibrate_confidence.py` (Laplace-smoothed precision per bucket).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from herald.records import Event


def bucket(event: Event) -> str:
    actor = event.actor
    if actor is None or not actor.country:
        source = "none"
    elif "context" in (actor.resolved_by or ""):
        source = "context"
    else:
        source = "text"
    return f"{source}|{'recipient' if event.recipient is not None else 'no-recipient'}"


@lru_cache(maxsize=1)
def _calibration_file() -> dict:
    text = (resources.files("herald.events") / "data" / "calibration.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def calibration() -> dict[str, float]:
    return {k: v["confidence"] for k, v in _calibration_file()["buckets"].items()}


def calibration_source() -> str:
    """The gold file the table was fitted on (checked on another one: tests/events/test_quality.py)."""
    return _calibration_file()["gold"]


def calibrated_confidence(event: Event) -> float:
    """The calibrated confidence of a finished event (dates, places and context countries filled in)."""
    table = calibration()
    return table.get(bucket(event), table.get("default", 0.5))
