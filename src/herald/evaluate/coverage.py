"""Event-type measures on sentence collections that have no sentence-level event offsets:

- `gsr`: PLOVER gold-standard records (../shared/gold/events/PLOVER_GSR_CAMEO.txt): the share of records for which
  Herald codes an event of the gold type anywhere in the record's text.
- `pentaclass`: ConfliBERT CAMEO sentences (cameo_class.*.tsv): the sentence's class from the CAMEO root of its
  first event by position (0 statements/appeals 01-02 or no event, 1 verbal cooperation 03-05, 2 material
  cooperation 06-08, 3 verbal conflict 09-13 and 16, 4 material conflict 14-15 and 17-20); macro-F1 over the 5.
- `petr2`: PETRARCH-2 validation records (../shared/gold/events/PETR2_GSR_validation.xml): type and dyad P/R/F1
  per sentence (herald.evaluate.petr2).
- `case2021`: CASE 2021 task 2 snippets (../shared/gold/events/case2021_task2_test.tsv): hit rate, type precision
  and false alarms on disasters (herald.evaluate.case2021).

    python -m herald.evaluate.coverage gsr ../shared/gold/events/PLOVER_GSR_CAMEO.txt [--json]
    python -m herald.evaluate.coverage pentaclass ../shared/gold/events/conflibert/cameo_class.train.tsv [--json]
    python -m herald.evaluate.coverage petr2 ../shared/gold/events/PETR2_GSR_validation.xml [--json]
    python -m herald.evaluate.coverage case2021 ../shared/gold/events/case2021_task2_test.tsv [--json]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from herald.ingest import content_hash
from herald.pipeline import Pipeline
from herald.records import Article, ArticleResult

REFERENCE_DATE = dt.date(2000, 1, 1)  # sentences without a date: only relative time expressions depend on it


def pentaclass(cameo_root: str | None) -> int:
    if not cameo_root:
        return 0
    root = int(cameo_root[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def code_sentences(texts: Iterable[tuple[str, str, dt.date]], pipeline: Pipeline) -> Iterator[ArticleResult]:
    articles = (Article(id=i, published=d, text=t, content_hash=content_hash(t)) for i, t, d in texts)
    for item in pipeline.run(articles):
        if isinstance(item, ArticleResult):
            yield item


def gsr_coverage(path: str, pipeline: Pipeline) -> dict[str, Any]:
    from herald.evaluate.gsr import load_gsr

    records = load_gsr(path)
    coded = {r.article.id: r for r in code_sentences(((r.id, r.text, r.date) for r in records), pipeline)}
    by_type: dict[str, list[int]] = {}
    hits = 0
    for record in records:
        result = coded.get(record.id)
        emitted = {e.event for e in result.events} if result else set()
        hit = bool(emitted & set(record.events))
        hits += hit
        counts = by_type.setdefault(record.events[0], [0, 0])
        counts[0] += hit
        counts[1] += 1
    return {"records": len(records), "with_gold_type": hits, "coverage": round(hits / len(records), 4),
            "by_type": {k: {"hit": v[0], "n": v[1], "coverage": round(v[0] / v[1], 3)}
                        for k, v in sorted(by_type.items())}}


def read_pentaclass(path: str) -> list[tuple[str, int]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label.strip().isdigit():
                rows.append((text, int(label)))
    return rows


def pentaclass_scores(path: str, pipeline: Pipeline) -> dict[str, Any]:
    rows = read_pentaclass(path)
    texts = ((f"s{i}", text, REFERENCE_DATE) for i, (text, _) in enumerate(rows))
    predicted: dict[str, int] = {}
    for result in code_sentences(texts, pipeline):
        first = min(result.events, key=lambda e: e.trigger.start, default=None)
        predicted[result.article.id] = pentaclass(first.cameo if first else None)
    pairs = [(gold, predicted.get(f"s{i}", 0)) for i, (_, gold) in enumerate(rows)]
    confusion = Counter(pairs)
    per_class = {}
    for c in range(5):
        tp = confusion[(c, c)]
        fp = sum(v for (g, p), v in confusion.items() if p == c and g != c)
        fn = sum(v for (g, p), v in confusion.items() if g == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                        "gold": tp + fn}
    macro = sum(v["f1"] for v in per_class.values()) / 5
    accuracy = sum(confusion[(c, c)] for c in range(5)) / len(pairs) if pairs else 0.0
    return {"sentences": len(pairs), "macro_f1": round(macro, 4), "accuracy": round(accuracy, 4),
            "per_class": per_class}


def petr2_scores(path: str, pipeline: Pipeline) -> dict[str, Any]:
    from herald.evaluate.petr2 import load_petr2, score_petr2

    records = load_petr2(path)
    predicted = {result.article.id: {(e.event, e.actor.country if e.actor else None,
                                      e.recipient.country if e.recipient else None) for e in result.events}
                 for result in code_sentences(((r.id, r.text, r.date) for r in records), pipeline)}
    return score_petr2(records, predicted)


def main(argv: list[str] | None = None) -> int:
    from herald.evaluate.case2021 import case2021_scores, case2021_summary  # it codes with this module's helpers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("measure", choices=["gsr", "pentaclass", "petr2", "case2021"])
    parser.add_argument("path")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    pipeline = Pipeline.default()
    measures = {"gsr": gsr_coverage, "pentaclass": pentaclass_scores, "petr2": petr2_scores,
                "case2021": case2021_scores}
    result = measures[args.measure](args.path, pipeline)
    if args.json:
        print(json.dumps(result))
    elif args.measure == "petr2":
        print(f"{result['records']} records, {result['gold_events']} gold events with a PLOVER type")
        for level in ("type", "dyad"):
            m = result[level]
            print(f"{level:5} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  "
                  f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    elif args.measure == "case2021":
        print(case2021_summary(result))
        for name, v in result["by_class"].items():
            hit = "" if v["hit"] is None else f"  with an accepted type {v['hit']:3}"
            print(f"  {name:30} {v['n']:3} snippets, coded {v['coded']:3}{hit}")
    elif args.measure == "gsr":
        print(f"{result['records']} records; Herald codes an event of the gold type for {result['with_gold_type']} "
              f"({result['coverage']:.1%})")
        for name, v in result["by_type"].items():
            print(f"  {name:10} {v['hit']:3}/{v['n']:3} {v['coverage']:.0%}")
    else:
        print(f"{result['sentences']} sentences; PentaClass macro-F1 {result['macro_f1']:.3f}, "
              f"accuracy {result['accuracy']:.3f}")
        for c, v in result["per_class"].items():
            print(f"  class {c}: P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} (gold {v['gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
