"""What clustering (events across articles, near-copies) costs during `herald ingest` of a corpus.

Ingests the corpus into a fresh store as `herald ingest` does (clustering after every batch), sums the time the
clustering steps took (from their log records), then times a rebuild of every cluster from scratch. With
`--scale N`, the stored articles and events are also copied N times under new ids (the copies of a story are
near-copies of each other: the worst case for the near-copy check) to time a rebuild and one more batch of 64
articles on a bigger store.

    .venv/bin/python benchmarks/cluster_cost.py [--corpus ../shared/corpora/wikinews] [--scale 20] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HERALD_SHARED", ROOT.parent / "shared"))
WORK = Path(os.environ.get("HERALD_BENCH_DIR", "/tmp/herald-bench"))


class _Timings(logging.Handler):
    """Collects the seconds of each clustering run from `herald.clusters.update`'s log records."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.seconds: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = re.search(r" in ([0-9.]+) s$", record.getMessage())
        if found:
            self.seconds.append(float(found.group(1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SHARED / "corpora" / "wikinews"))
    parser.add_argument("--scale", type=int, default=0, help="Also time a store with N copies of the corpus.")
    parser.add_argument("--json", help="Write the results here too.")
    args = parser.parse_args()

    from herald.clusters import Clusterer
    from herald.ingestion import ingest_paths
    from herald.store import Store

    WORK.mkdir(parents=True, exist_ok=True)
    db = WORK / "clusters-wikinews.duckdb"
    db.unlink(missing_ok=True)
    timings = _Timings()
    logger = logging.getLogger("herald.clusters.update")
    logger.setLevel(logging.INFO)
    logger.addHandler(timings)
    started = time.perf_counter()
    summary = ingest_paths([args.corpus], db)
    ingest_seconds = time.perf_counter() - started
    logger.removeHandler(timings)
    with Store.open(db) as store:
        started = time.perf_counter()
        rebuilt = Clusterer(store).rebuild()
        rebuild_seconds = time.perf_counter() - started
        counts = store.rows("SELECT count(*) AS clusters, count(*) FILTER (WHERE articles > 1) AS multi_article, "
                            "max(articles) AS most_articles, sum(mentions) AS mentions FROM clusters")[0]
        copies = store.query("SELECT count(copy_of) FROM article_copies")[1][0][0]
        buckets = store.query("SELECT count(*) FROM article_buckets")[1][0][0]
    if args.scale:
        scaled = _scaled(db, args.scale)
    clustering = sum(timings.seconds)
    result = {
        "corpus": args.corpus, "articles": summary.counts.processed, "events": summary.stats.events,
        "ingest_s": round(ingest_seconds, 2), "batches": len(timings.seconds),
        "clustering_s": round(clustering, 3), "clustering_share": round(clustering / ingest_seconds, 4),
        "per_batch_median_s": round(statistics.median(timings.seconds), 4) if timings.seconds else None,
        "per_batch_max_s": round(max(timings.seconds), 4) if timings.seconds else None,
        "rebuild_s": round(rebuild_seconds, 3), "rebuild_articles": rebuilt.articles,
        "clusters": counts["clusters"], "multi_article_clusters": counts["multi_article"],
        "most_articles": counts["most_articles"], "near_copies": copies, "buckets": buckets,
        "loadavg": os.getloadavg()[0],
    }
    if args.scale:
        result.update(scaled)
    for key, value in result.items():
        print(f"{key:24} {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


def _scaled(db: Path, copies: int) -> dict:
    """Copy every article and event `copies` times under new ids; time a rebuild, then one batch of 64 articles."""
    import shutil

    from herald.clusters import Clusterer
    from herald.store import Store

    big = db.with_name(f"clusters-x{copies}.duckdb")
    shutil.copyfile(db, big)
    with Store.open(big) as store:
        con = store.connection
        for n in range(1, copies + 1):
            con.execute("INSERT INTO articles SELECT * REPLACE (id || ? AS id, content_hash || ? AS content_hash) "
                        "FROM articles WHERE NOT contains(id, '~')", [f"~{n}", f"~{n}"])
            con.execute("INSERT INTO events SELECT * REPLACE (replace(id, '#', ? || '#') AS id, "
                        "article_id || ? AS article_id) FROM events WHERE NOT contains(id, '~')", [f"~{n}", f"~{n}"])
        articles, events = store.count("articles"), store.count("events")
        started = time.perf_counter()
        Clusterer(store).rebuild()
        rebuild = time.perf_counter() - started
        last = [r for (r,) in con.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 64").fetchall()]
        con.execute("DELETE FROM article_copies WHERE article_id IN (SELECT unnest(?))", [last])  # pending again
        started = time.perf_counter()
        batch = Clusterer(store).update()
        one_batch = time.perf_counter() - started
    return {"scaled_articles": articles, "scaled_events": events, "scaled_rebuild_s": round(rebuild, 2),
            "scaled_batch_of_64_s": round(one_batch, 3), "scaled_batch_articles": batch.articles}


if __name__ == "__main__":
    main()
