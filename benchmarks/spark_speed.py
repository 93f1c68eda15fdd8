"""Herald on Spark in local mode: local[1] against local[2] on the same sample.

    .venv/bin/python benchmarks/spark_speed.py                          # 500 Reuters articles, local[1] and local[2]
    .venv/bin/python benchmarks/spark_speed.py --corpus voa --masters 'local[2]'

Each master runs in a fresh Python process (a fresh JVM). Reported: session start, the job (read, code, write
events/articles/failures Parquet), and rates over the job time, which includes each executor Python worker loading
the pipeline once.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import WORKDIR, run_fresh, sample_file, texts_of, words  # noqa: E402


def run_case(corpus: str, size: int, master: str, partitions: int | None) -> dict:
    from herald.spark import run_spark
    from herald.spark.session import spark_session

    path = sample_file(corpus, size)
    n_words = sum(words(t) for t in texts_of(path))
    out = WORKDIR / f"spark-{corpus}-{master.replace('[', '').replace(']', '').replace('*', 'all')}"
    shutil.rmtree(out, ignore_errors=True)
    began = time.perf_counter()
    spark = spark_session(master)
    start = time.perf_counter() - began
    summary = run_spark([str(path)], out, spark=spark, partitions=partitions)
    spark.stop()
    return {"corpus": corpus, "master": master, "articles": summary.articles, "failures": summary.failures,
            "events": summary.events, "words": n_words, "partitions": summary.partitions, "start_s": start,
            "job_s": summary.seconds, "articles_per_s": summary.articles / summary.seconds,
            "words_per_s": n_words / summary.seconds, "load_avg_after": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="reuters", choices=["reuters", "voa"])
    parser.add_argument("--sample", type=int, default=500, help="Reuters articles of >= 150 words.")
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--partitions", type=int, default=None, help="Default: 2 per core of the master.")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--case", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.corpus, args.sample, args.masters[0], args.partitions)))
        return
    results = []
    print(f"{'master':10} {'articles':>8} {'events':>7} {'parts':>5} {'start s':>7} {'job s':>7} {'art/s':>7} "
          f"{'words/s':>8} {'loadavg':>7}")
    for master in args.masters:
        cmd = [sys.executable, __file__, "--case", "--corpus", args.corpus, "--sample", str(args.sample),
               "--masters", master]
        if args.partitions:
            cmd += ["--partitions", str(args.partitions)]
        r = run_fresh(cmd)
        results.append(r)
        print(f"{master:10} {r['articles']:>8} {r['events']:>7} {r['partitions']:>5} {r['start_s']:>7.1f} "
              f"{r['job_s']:>7.1f} {r['articles_per_s']:>7.1f} {r['words_per_s']:>8.0f} {r['load_avg_after']:>7.2f}",
              flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
