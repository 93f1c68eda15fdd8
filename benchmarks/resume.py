"""Resume after a crash: `herald ingest` of the Wikinews corpus killed (SIGKILL) part-way, then run again.

Runs the real CLI in subprocesses (model loading included, as a user sees it), each on its own fresh store:
1. first run: the whole corpus into an empty store;
2. killed run: the same into another empty store, killed with SIGKILL after `--kill-at` of the first run's time;
3. resume: the same command again on the killed store (it must store exactly the missing articles);
4. no-op rerun: the same command once more on the complete store;
5. floor: only the articles the killed run had not stored, into an empty store (what a perfect resume costs).
The resumed store must hold the same articles as the first run's (same ids and content hashes). Its event count can
differ by a few: the resumed part is coded with the actor knowledge base the killed part taught, as any later
ingest is.

    .venv/bin/python benchmarks/resume.py [--kill-at 0.5] [--workers 1] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import SHARED, WORKDIR  # noqa: E402

WIKINEWS = SHARED / "corpora" / "wikinews"
HERALD = Path(sys.executable).with_name("herald")


def ingest_command(db: Path, workers: int, paths: list[str] | None = None) -> list[str]:
    return [str(HERALD), "ingest", *(paths or [str(WIKINEWS)]), "--db", str(db), "--no-progress",
            "--workers", str(workers)]


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far: unlike wall time, barely moved by other
    work on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_ingest(db: Path, workers: int, paths: list[str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, the CLI's summary line)."""
    began, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(ingest_command(db, workers, paths), capture_output=True, text=True, check=True)
    return time.perf_counter() - began, children_cpu() - cpu, done.stderr.strip().splitlines()[-1]


def killed_ingest(db: Path, workers: int, after: float) -> float:
    """Start an ingest and SIGKILL it (and its workers) `after` seconds later."""
    began = time.perf_counter()
    process = subprocess.Popen(ingest_command(db, workers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        process.wait(timeout=after)
        raise SystemExit("the ingest finished before it was killed: use a smaller --kill-at")
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return time.perf_counter() - began


def store_counts(db: Path) -> tuple[int, int]:
    from herald.store import Store

    with Store.open(db, read_only=True) as store:
        return store.count("articles"), store.count("events")


def stored_articles(db: Path) -> list[tuple]:
    from herald.store import Store

    with Store.open(db, read_only=True) as store:
        return store.query("SELECT id, content_hash FROM articles ORDER BY id")[1]


def words_of(paths: list[str]) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def parsed_of(summary: str) -> int:
    """Articles sent to the pipeline, from the CLI summary line."""
    total = int(re.match(r"(\d+) articles", summary).group(1))
    skipped = int(re.search(r"(\d+) of them recognised without parsing", summary).group(1))
    failed = int(re.search(r"(\d+) failed", summary).group(1))
    return total - skipped - failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kill-at", type=float, default=0.5, help="Kill after this share of the first run's time.")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args()
    work = WORKDIR / "resume"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    complete, killed = work / "complete.duckdb", work / "killed.duckdb"
    first, first_cpu, first_summary = timed_ingest(complete, args.workers)
    articles, events = store_counts(complete)
    killed_after = killed_ingest(killed, args.workers, args.kill_at * first)
    stored_before, _ = store_counts(killed)
    stored_ids = {article_id for article_id, _ in stored_articles(killed)}
    missing = [str(p) for p in sorted(WIKINEWS.glob("*.txt")) if p.stem not in stored_ids]
    resume, resume_cpu, resume_summary = timed_ingest(killed, args.workers)
    noop, noop_cpu, noop_summary = timed_ingest(complete, args.workers)
    floor, floor_cpu, _ = timed_ingest(work / "missing-only.duckdb", args.workers, missing)
    assert stored_articles(killed) == stored_articles(complete), "the resumed store lost or repeated articles"
    result = {
        "corpus": str(WIKINEWS), "workers": args.workers, "articles": articles, "events": events,
        "events_after_resume": store_counts(killed)[1],
        "first_run_s": round(first, 1), "first_run_cpu_s": round(first_cpu, 1), "killed_after_s": round(killed_after, 1),
        "stored_when_killed": stored_before, "missing_when_killed": articles - stored_before,
        "resume_s": round(resume, 1), "resume_parsed": parsed_of(resume_summary),
        "resume_cpu_s": round(resume_cpu, 1), "resume_share_of_first": round(resume / first, 3),
        "resume_cpu_share_of_first": round(resume_cpu / first_cpu, 3),
        "missing_only_s": round(floor, 1), "missing_only_cpu_s": round(floor_cpu, 1),
        "missing_words_share": round(words_of(missing) / words_of([str(p) for p in WIKINEWS.glob("*.txt")]), 3),
        "noop_rerun_s": round(noop, 1), "noop_parsed": parsed_of(noop_summary),
        "noop_cpu_s": round(noop_cpu, 1), "noop_share_of_first": round(noop / first, 3),
        "first_summary": first_summary, "resume_summary": resume_summary, "noop_summary": noop_summary,
        "loadavg": round(os.getloadavg()[0], 2),
    }
    for key, value in result.items():
        print(f"{key:24} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
