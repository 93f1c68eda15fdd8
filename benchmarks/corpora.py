"""Fixed benchmark samples of the shared corpora, written once as JSON Lines files Herald reads like any input.

- reuters: the first N articles (default 2,000) of ../shared/corpora/reuters21578.jsonl.gz with at least 150 words.
- voa: all of ../shared/corpora/voa/voa.jsonl (89 stories).
Words are whitespace-separated tokens of the body (`len(text.split())`).
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HERALD_SHARED", ROOT.parent / "shared"))
REUTERS = SHARED / "corpora" / "reuters21578.jsonl.gz"
VOA = SHARED / "corpora" / "voa" / "voa.jsonl"
WORKDIR = Path(os.environ.get("HERALD_BENCH_DIR", "/tmp/herald-bench"))


def words(text: str) -> int:
    return len(text.split())


def sample_file(corpus: str, size: int = 2000, min_words: int = 150) -> Path:
    """The sample as a JSON Lines file (created on first use)."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    if corpus == "voa":
        return VOA
    if corpus != "reuters":
        raise SystemExit(f"unknown corpus {corpus!r} (reuters, voa)")
    path = WORKDIR / f"reuters-first{size}-min{min_words}w.jsonl"
    if path.exists():
        return path
    taken = 0
    tmp = path.with_suffix(".part")
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            if words(record.get("text") or "") >= min_words:
                out.write(line if line.endswith("\n") else line + "\n")
                taken += 1
                if taken >= size:
                    break
    tmp.rename(path)
    return path


def texts_of(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (MB) of this process, or of its largest finished child (RUSAGE_CHILDREN)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def run_fresh(cmd: list[str]) -> dict:
    """Run one benchmark case in a fresh Python process; its last line of output is the result as JSON."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"case failed: {' '.join(cmd)}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cpu_seconds() -> float:
    """CPU time of this process and its finished children."""
    self_, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return self_.ru_utime + self_.ru_stime + children.ru_utime + children.ru_stime
