"""How a corpus's events are dated and placed, and whether any date lies outside the story's time.

    herald extract CORPUS -o events.jsonl
    python -m herald.evaluate.dating events.jsonl --articles CORPUS [--json]

Counts events by date source and granularity ("text" / "publication", "day" ... "before") and by location source
("text", "dateline", "article", none), and lists every event dated outside [publication - 100 years, publication +
10 years] whose date expression does not write its year: there should be none (docs/time.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from herald.evaluate.events import read_jsonl
from herald.ingest import read_articles
from herald.records import Article
from herald.time.attach import plausible_date


def publication_dates(paths: list[str]) -> dict[str, dt.date]:
    """Article id -> publication date, read without any NLP."""
    return {item.id: item.published for item in read_articles(paths) if isinstance(item, Article)}


def dating_report(events: list[dict], published: dict[str, dt.date]) -> dict[str, Any]:
    dates: Counter[str] = Counter()
    places: Counter[str] = Counter()
    outside: list[dict] = []
    for event in events:
        date, location = event.get("date"), event.get("location")
        dates[f"{date['source']}/{date['granularity']}" if date else "none"] += 1
        places[location["source"] if location else "none"] += 1
        day = published.get(event["article_id"])
        if date and day and date.get("source") == "text":
            start = dt.date.fromisoformat(date["start"]) if date.get("start") else None
            end = dt.date.fromisoformat(date["end"]) if date.get("end") else None
            if not plausible_date(start, end, date.get("text"), day):
                outside.append({"id": event["id"], "text": date.get("text"), "start": date.get("start"),
                                "end": date.get("end"), "published": day.isoformat()})
    return {"events": len(events), "date": dict(dates.most_common()), "location": dict(places.most_common()),
            "outside_window_without_year": outside}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path, help="events written by herald extract")
    parser.add_argument("--articles", nargs="+", required=True, help="the articles they were coded from")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = dating_report(read_jsonl(args.events), publication_dates(args.articles))
    if args.json:
        print(json.dumps(report))
        return 0
    total = report["events"] or 1
    print(f"{report['events']} events")
    for key in ("date", "location"):
        print(f"{key}: " + ", ".join(f"{k} {v} ({v / total:.1%})" for k, v in report[key].items()))
    print(f"dated outside the story's time without a written year: {len(report['outside_window_without_year'])}")
    for row in report["outside_window_without_year"][:20]:
        print("  ", row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
