"""Rebuild src/herald/events/data/calibration.json: per bucket (herald.events.confidence.bucket), the smoothed share
of Herald's events in the development gold's sentences that match a gold event at the dyad level.

    .venv/bin/herald extract ../shared/corpora/voa/voa.jsonl -o /tmp/voa.jsonl
    .venv/bin/python scripts/calibrate_confidence.py ../shared/gold/voa-dev.jsonl /tmp/voa.jsonl
"""
import collections
import json
import sys
from pathlib import Path

from herald.evaluate.events import event_matches, read_jsonl
from herald.events.confidence import bucket
from herald.records import Actor, Event, Span


def as_event(record: dict) -> Event:
    def actor(block):
        return Actor(text=block.get("text"), country=block.get("country"), resolved_by=block.get("resolved_by")) \
            if block else None
    return Event(id=record["id"], article_id=record["article_id"], event=record["event"],
                 trigger=Span("", 0, 0), sentence_index=0, sentence=Span("", 0, 0), coder=record["coder"],
                 actor=actor(record.get("actor")), recipient=actor(record.get("recipient")))


def main(gold_path: str, pred_path: str) -> None:
    gold = read_jsonl(gold_path)
    preds = collections.defaultdict(list)
    for p in read_jsonl(pred_path):
        preds[p["article_id"]].append(p)
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row in gold:
        for p in preds[row["article_id"]]:
            if row["start"] <= p["trigger"]["start"] < row["end"]:
                ok = any(event_matches(p, g, "dyad") for g in row["events"])
                counts[bucket(as_event(p))][0] += ok
                counts[bucket(as_event(p))][1] += 1
    total_ok = sum(v[0] for v in counts.values())
    total = sum(v[1] for v in counts.values())
    buckets = {k: {"matched": v[0], "events": v[1], "confidence": round((v[0] + 1) / (v[1] + 2), 3)}
               for k, v in sorted(counts.items())}
    buckets["default"] = {"matched": total_ok, "events": total, "confidence": round((total_ok + 1) / (total + 2), 3)}
    out = Path(__file__).resolve().parent.parent / "src/herald/events/data/calibration.json"
    out.write_text(json.dumps({"gold": Path(gold_path).name, "level": "dyad", "buckets": buckets}, indent=1) + "\n")
    for k, v in buckets.items():
        print(f"{k:28} {v['matched']:3}/{v['events']:3} -> {v['confidence']}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
