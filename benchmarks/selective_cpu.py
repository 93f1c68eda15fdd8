"""CPU seconds of one process coding the same Reuters articles: bare spaCy, Herald, and Herald with selective
parsing under several selection rules. CPU time (not wall time) is what other users of a shared machine disturb
least, so rules can be compared on a busy machine.

    .venv/bin/python benchmarks/selective_cpu.py [--articles 300] [--rules 2,2 2,1 1,0]

A rule is LEAD,BEFORE: the first LEAD sentences and the BEFORE sentences before each trigger sentence are parsed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import sample_file, texts_of  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rules", nargs="+", default=["2,2", "2,1", "1,0"])
    args = parser.parse_args(argv)

    from herald.nlp.selective import SelectionRule, SelectiveParser, TriggerIndex
    from herald.pipeline import Pipeline
    from herald.records import Article, ArticleResult

    texts = texts_of(sample_file("reuters"))[:args.articles]
    articles = [Article(id=f"r{i}", text=t, published=dt.date(1987, 3, 1)) for i, t in enumerate(texts)]
    pipeline = Pipeline.default()
    list(pipeline.run(articles[:10]))  # warm-up: lazy tables, first batch

    def cpu(run) -> tuple[float, int]:
        began = time.process_time()
        events = sum(len(r.events) for r in run() if isinstance(r, ArticleResult))
        return time.process_time() - began, events

    bare, _ = cpu(lambda: (list(pipeline.nlp.pipe(texts, batch_size=32)), [])[1])
    print(f"{len(texts)} Reuters articles, {sum(len(t.split()) for t in texts)} words, one process")
    print(f"{'case':16} {'CPU s':>7} {'events':>7} {'parsed':>7} {'vs spaCy':>8}")
    print(f"{'bare spaCy':16} {bare:7.2f} {'':>7} {1:7.3f} {1:8.2f}")
    full, events = cpu(lambda: pipeline.run(articles))
    print(f"{'herald':16} {full:7.2f} {events:7d} {1:7.3f} {bare / full:8.2f}")
    for rule in args.rules:
        lead, before = (int(v) for v in rule.split(","))
        pipeline.parser = SelectiveParser(pipeline.nlp, TriggerIndex(pipeline.coder.lexicon),
                                          SelectionRule(lead=lead, before=before))
        seconds, events = cpu(lambda: pipeline.run(articles))
        share = pipeline.parser.tokens_parsed / pipeline.parser.tokens_seen
        print(f"{'fast ' + rule:16} {seconds:7.2f} {events:7d} {share:7.3f} {bare / seconds:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
