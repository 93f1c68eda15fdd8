"""Every event gold set in ../shared/gold, scored side by side in one run: a change is judged on all of them at once.

    python -m herald.evaluate.suite [--shared ../shared] [--json] [--save DIR]

- VOA dev and Wikinews dev: sentence-level PLOVER gold (herald.evaluate.events, the shared scorer's numbers), after
  coding the articles they come from;
- PLOVER gold-standard records: share of records with an event of the gold type (herald.evaluate.coverage gsr);
- ConfliBERT CAMEO sentences, train split: PentaClass macro-F1 (coverage pentaclass);
- PETRARCH-2 validation records: type and dyad F1 (herald.evaluate.petr2);
- CASE 2021 task 2 snippets: hit rate, type precision, false alarms on disasters (herald.evaluate.case2021).
With `--save DIR` the coded VOA and Wikinews events are written there as JSON Lines, for the shared scorer or
`herald evaluate`. All of these sets were read while the rules were written: they are development figures.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from herald.evaluate.case2021 import case2021_scores
from herald.evaluate.coverage import gsr_coverage, pentaclass_scores, petr2_scores
from herald.evaluate.events import evaluate, read_jsonl
from herald.ingest import read_articles
from herald.output import json_line
from herald.pipeline import Pipeline, PipelineOptions
from herald.records import ArticleResult


def _code(paths: list[Path], pipeline: Pipeline) -> list[dict]:
    records = []
    for result in pipeline.run(read_articles([str(p) for p in paths])):
        if isinstance(result, ArticleResult):
            records.extend(event.to_dict() for event in result.events)
    return records


def _sentence_gold(name: str, gold: Path, paths: list[Path], pipeline: Pipeline, save: Path | None) -> dict:
    predicted = _code(paths, pipeline)
    if save is not None:
        with open(save / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json_line(r) + "\n" for r in predicted)
    return evaluate(read_jsonl(gold), predicted, sources=True)


def run_suite(shared: Path, pipeline: Pipeline, save: Path | None = None) -> dict[str, Any]:
    gold = shared / "gold"
    wikinews_ids = sorted({row["article_id"] for row in read_jsonl(gold / "wikinews-dev.jsonl")})
    events = gold / "events"
    return {
        "voa-dev": _sentence_gold("voa-dev", gold / "voa-dev.jsonl", [shared / "corpora" / "voa" / "voa.jsonl"],
                                  pipeline, save),
        "wikinews-dev": _sentence_gold("wikinews-dev", gold / "wikinews-dev.jsonl",
                                       [shared / "corpora" / "wikinews" / f"{i}.txt" for i in wikinews_ids],
                                       pipeline, save),
        "plover-gsr": gsr_coverage(str(events / "PLOVER_GSR_CAMEO.txt"), pipeline),
        "conflibert-train": pentaclass_scores(str(events / "conflibert" / "cameo_class.train.tsv"), pipeline),
        "petr2-validation": petr2_scores(str(events / "PETR2_GSR_validation.xml"), pipeline),
        "case2021-test": case2021_scores(str(events / "case2021_task2_test.tsv"), pipeline),
    }


def render(result: dict[str, Any]) -> str:
    lines = ["| set | measure | value |", "|---|---|---|"]
    for name in ("voa-dev", "wikinews-dev"):
        r = result[name]
        for level in ("type", "dyad"):
            m = r[level]
            lines.append(f"| {name} | {level} P / R / F1 | {m['precision']:.3f} / {m['recall']:.3f} / "
                         f"**{m['f1']:.3f}** (tp {m['tp']} fp {m['fp']} fn {m['fn']}) |")
        lines.append(f"| {name} | date exact / location country (matched events) | **{_share(r['date_exact'])}** "
                     f"(n={r['date_n']}) / **{_share(r['loc_country'])}** (n={r['loc_n']}) |")
        lines.append(f"| {name} | dated / placed from the text, not a fallback | {_share(r['date_text'])} / "
                     f"{_share(r['loc_text'])} (n={r['matched']}) |")
    gsr = result["plover-gsr"]
    lines.append(f"| plover-gsr | records with an event of the gold type | **{gsr['coverage']:.3f}** "
                 f"({gsr['with_gold_type']}/{gsr['records']}) |")
    penta = result["conflibert-train"]
    lines.append(f"| conflibert-train | PentaClass macro-F1 | **{penta['macro_f1']:.3f}** "
                 f"(accuracy {penta['accuracy']:.3f}, {penta['sentences']} sentences) |")
    petr = result["petr2-validation"]
    for level in ("type", "dyad"):
        m = petr[level]
        lines.append(f"| petr2-validation | {level} P / R / F1 | {m['precision']:.3f} / {m['recall']:.3f} / "
                     f"**{m['f1']:.3f}** |")
    case = result["case2021-test"]
    lines.append(f"| case2021-test | hit rate / type precision / false alarms on disasters | "
                 f"**{case['hit_rate']:.3f}** / **{case['type_precision']:.3f}** / **{case['false_alarms']:.3f}** "
                 f"({case['event_snippets']} event and {case['disaster_snippets']} disaster snippets) |")
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--save", type=Path, help="write the coded VOA and Wikinews events here")
    parser.add_argument("--fast", action="store_true",
                        help="code with selective parsing (PipelineOptions.selective_parse, the CLI's --fast)")
    args = parser.parse_args(argv)
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    result = run_suite(args.shared, Pipeline.default(PipelineOptions(selective_parse=args.fast)), args.save)
    print(json.dumps(result) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
