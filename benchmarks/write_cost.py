"""What keeping the aggregate tables costs a write: `Store.write` timed with and without their upkeep.

    .venv/bin/python benchmarks/write_cost.py                 # VOA, batches of 64, into an empty store and the 10M one

The VOA stories are coded once (the pipeline's time is not what is measured), then written in batches of 64 (as
`herald ingest` writes) into (1) a fresh store and (2) a copy of the 10M-event store of `benchmarks/query_speed.py`,
first as new articles, then again with changed text (each article replaces its stored version: its months are
recomputed). "without" replaces the upkeep (`herald.store.aggregates.note_replaced` and `after_write`) by nothing:
the write as it was before the tables existed. Best of --repeat runs.
"""
from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import VOA, WORKDIR  # noqa: E402


def coded(limit: int | None):
    from herald.ingest import read_articles
    from herald.pipeline import Pipeline

    from herald.records import ArticleResult

    items = list(read_articles([str(VOA)]))[:limit]
    return [r for r in Pipeline.default().run(items) if isinstance(r, ArticleResult)]


def changed(results):
    """The same results as new versions of their articles (other text, so another content hash)."""
    out = []
    for r in results:
        text = r.article.text + " "
        article = dataclasses.replace(r.article, text=text, content_hash=r.article.content_hash + "-v2")
        out.append(dataclasses.replace(r, article=article))
    return out


def timed_writes(db: Path, batches: list[list], upkeep: bool) -> float:
    from herald.store import Store, aggregates

    saved = aggregates.after_write, aggregates.note_replaced
    if not upkeep:
        aggregates.after_write = aggregates.note_replaced = lambda *args, **kwargs: False
    try:
        with Store.open(db) as store:
            began = time.perf_counter()
            for batch in batches:
                store.write(batch)
            return time.perf_counter() - began
    finally:
        aggregates.after_write, aggregates.note_replaced = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", type=Path, default=WORKDIR / "query-10000000.duckdb",
                        help="A large store to write into (a copy of it is used); skipped when missing.")
    args = parser.parse_args()

    results = coded(None)
    new = [results[i:i + args.batch] for i in range(0, len(results), args.batch)]
    again = [changed(b) for b in new]
    events = sum(len(r.events) for r in results)
    print(f"{len(results)} VOA articles, {events} events, batches of {args.batch}")
    work = WORKDIR / "write-cost"
    work.mkdir(parents=True, exist_ok=True)
    targets = [("empty store", None)] + ([("10M-event store", args.big)] if args.big.exists() else [])
    print(f"{'store':16} {'upkeep':8} {'new s':>8} {'replace s':>10}")
    for label, source in targets:
        for upkeep in (False, True):
            best_new = best_replace = float("inf")
            for _ in range(args.repeat):
                db = work / "store.duckdb"
                db.unlink(missing_ok=True)
                if source is not None:
                    shutil.copyfile(source, db)
                best_new = min(best_new, timed_writes(db, new, upkeep))
                best_replace = min(best_replace, timed_writes(db, again, upkeep))
            print(f"{label:16} {'with' if upkeep else 'without':8} {best_new:8.3f} {best_replace:10.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
