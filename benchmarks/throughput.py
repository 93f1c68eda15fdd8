"""End-to-end throughput of Herald against the floor: the same texts through bare spaCy, in the same run.

    .venv/bin/python benchmarks/throughput.py                      # reuters sample + VOA, 1 and 2 workers
    .venv/bin/python benchmarks/throughput.py --corpus voa --workers 1 --json out.json

Each case runs in a fresh Python process (clean peak-RSS figures, no warm caches):
- herald: read the JSON Lines file, run the full pipeline (spaCy + actors, events, times, places); 1 worker runs
  in-process, N workers use herald.executors.ParallelRunner (each worker loads the pipeline once).
- herald-fast: herald with selective parsing (PipelineOptions(selective_parse=True), `--fast` on the CLI): tagger,
  parser and NER only on the sentences that may hold an event (herald.nlp.selective).
- spacy: the same texts through `nlp.pipe` of the same spaCy pipeline (herald.nlp.load_nlp), `n_process=N`.
Rates exclude loading the pipeline (reported apart as load_s). ratio = herald words/s / spaCy words/s.
cpu/wall is the CPU time used per second of the run (2.0 = both cores busy for us); loadavg is the machine's 1-minute
load average when the case ended: above the number of workers, other processes were competing for the cores.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import cpu_seconds, peak_rss_mb, run_fresh, sample_file, texts_of, words  # noqa: E402


def run_herald(path: Path, workers: int, batch_size: int, selective: bool = False) -> dict:
    from herald.executors import ParallelRunner, PipelineFactory
    from herald.ingest import read_articles
    from herald.pipeline import Pipeline, PipelineOptions
    from herald.records import Failure

    options = PipelineOptions(batch_size=batch_size, selective_parse=selective)
    counts = {"articles": 0, "failed": 0, "words": 0, "events": 0}

    def consume(results) -> None:
        for item in results:
            if isinstance(item, Failure):
                counts["failed"] += 1
                continue
            counts["articles"] += 1
            counts["words"] += words(item.article.text)
            counts["events"] += len(item.events)

    began = time.perf_counter()
    if workers == 1:
        pipeline = Pipeline.default(options)
        load = time.perf_counter() - began
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        consume(pipeline.run(read_articles([str(path)])))
        worker_rss = [peak_rss_mb()]
    else:
        runner = ParallelRunner(PipelineFactory(options), workers, batch_size=batch_size)
        load = runner.start()
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        consume(runner.run(read_articles([str(path)])))
        worker_rss = [v / 1024 / 1024 for v in runner.stats.peak_rss.values()]
        runner.close()
    elapsed = time.perf_counter() - t0
    return {**counts, "load_s": load, "run_s": elapsed, "cpu_s": cpu_seconds() - cpu0,
            "worker_peak_rss_mb": sorted(worker_rss), "parent_peak_rss_mb": peak_rss_mb()}


def run_spacy(path: Path, workers: int, batch_size: int) -> dict:
    from herald.nlp import load_nlp

    texts = texts_of(path)
    began = time.perf_counter()
    nlp = load_nlp()
    load = time.perf_counter() - began
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        tokens += len(doc)
    elapsed = time.perf_counter() - t0
    rss = [peak_rss_mb()] if workers == 1 else [peak_rss_mb(), peak_rss_mb(resource.RUSAGE_CHILDREN)]
    return {"articles": len(texts), "failed": 0, "words": sum(words(t) for t in texts), "events": 0,
            "tokens": tokens, "load_s": load, "run_s": elapsed, "cpu_s": cpu_seconds() - cpu0,
            "worker_peak_rss_mb": rss, "parent_peak_rss_mb": peak_rss_mb()}


def run_case(case: str, corpus: str, workers: int, batch_size: int, size: int) -> dict:
    path = sample_file(corpus, size)
    if case == "spacy":
        result = run_spacy(path, workers, batch_size)
    else:
        result = run_herald(path, workers, batch_size, selective=case == "herald-fast")
    seconds = result["run_s"]
    result.update(case=case, corpus=corpus, workers=workers, batch_size=batch_size, load_avg_after=os.getloadavg()[0],
                  articles_per_s=result["articles"] / seconds, words_per_s=result["words"] / seconds,
                  events_per_s=result["events"] / seconds)
    return result


def _in_subprocess(case: str, corpus: str, workers: int, batch_size: int, size: int) -> dict:
    return run_fresh([sys.executable, __file__, "--case", case, "--corpus", corpus, "--workers", str(workers),
                      "--batch-size", str(batch_size), "--sample", str(size)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["reuters", "voa"], choices=["reuters", "voa"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--sample", type=int, default=2000, help="Reuters articles of >= 150 words.")
    parser.add_argument("--json", type=Path, help="Also write all results here.")
    parser.add_argument("--cases", nargs="+", default=["herald", "herald-fast"], choices=["herald", "herald-fast"],
                        help="Herald variants to time against bare spaCy (default: both).")
    parser.add_argument("--case", choices=["herald", "herald-fast", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:  # one measurement, in this fresh process
        print(json.dumps(run_case(args.case, args.corpus[0], args.workers[0], args.batch_size, args.sample)))
        return
    results = []
    header = (f"{'corpus':8} {'case':11} {'w':>2} {'articles':>8} {'words':>8} {'events':>7} {'art/s':>7} "
              f"{'words/s':>8} {'events/s':>8} {'cpu/wall':>8} {'load s':>6} {'peak RSS MB/worker':>19} {'ratio':>6} "
              f"{'loadavg':>7}")
    print(header)
    for corpus in args.corpus:
        for workers in args.workers:
            bare = _in_subprocess("spacy", corpus, workers, args.batch_size, args.sample)
            runs = [bare]
            for case in args.cases:
                run = _in_subprocess(case, corpus, workers, args.batch_size, args.sample)
                run["ratio_to_spacy"] = run["words_per_s"] / bare["words_per_s"]
                runs.append(run)
            for r in runs:
                results.append(r)
                rss = "/".join(f"{v:.0f}" for v in r["worker_peak_rss_mb"])
                ratio = f"{r['ratio_to_spacy']:.2f}" if "ratio_to_spacy" in r else ""
                print(f"{corpus:8} {r['case']:11} {workers:>2} {r['articles']:>8} {r['words']:>8} {r['events']:>7} "
                      f"{r['articles_per_s']:>7.1f} {r['words_per_s']:>8.0f} {r['events_per_s']:>8.1f} "
                      f"{r['cpu_s'] / r['run_s']:>8.2f} {r['load_s']:>6.1f} {rss:>19} {ratio:>6} {r['load_avg_after']:>7.2f}",
                      flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
