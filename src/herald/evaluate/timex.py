"""Score Herald's temporal tagger.

TimeML gold (TimeBank + AQUAINT, TempEval-3 style):
    python -m herald.evaluate.timex /work/shared/gold/time/TBAQ-cleaned [--json] [--no-parse] [--errors FILE]
strict extent = same offsets; relaxed extent = overlapping; value = relaxed match with the same TIMEX3 value
(P = correct / predicted, R = correct / gold), per sub-corpus and overall.

Event dates on the VOA dev gold (exact calendar interval of each gold event date):
    python -m herald.evaluate.timex --voa-dev [--json] [--errors FILE]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from herald.evaluate.timeml import GoldTimex, corpus_files, read_timeml
from herald.records import TimeRef

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
TBAQ = SHARED / "gold" / "time" / "TBAQ-cleaned"
VOA_GOLD = SHARED / "gold" / "voa-dev.jsonl"
VOA_CORPUS = SHARED / "corpora" / "voa" / "voa.jsonl"


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for name in ("strict", "relaxed", "value"):
            hits = getattr(self, name)
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[name] = {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}
        return out


def match_document(gold: list[GoldTimex], predicted: list[TimeRef],
                   errors: list[dict[str, Any]] | None = None, name: str = "") -> Counts:
    """One-to-one matching: exact offsets first, then the largest overlap."""
    counts = Counts(gold=len(gold), predicted=len(predicted))
    unmatched = list(range(len(predicted)))
    pairs: list[tuple[GoldTimex, TimeRef]] = []
    for g in gold:
        best, best_overlap = None, 0
        for i in unmatched:
            p = predicted[i]
            overlap = min(g.end, p.end) - max(g.start, p.start)
            exact = (p.start, p.end) == (g.start, g.end)
            score = overlap + (10_000 if exact else 0)
            if overlap > 0 and score > best_overlap:
                best, best_overlap = i, score
        if best is None:
            if errors is not None:
                errors.append({"doc": name, "kind": "missed", "gold": g.text, "gold_value": g.value})
            continue
        unmatched.remove(best)
        p = predicted[best]
        pairs.append((g, p))
        counts.relaxed += 1
        counts.strict += (p.start, p.end) == (g.start, g.end)
        counts.value += p.value == g.value
        if errors is not None and (p.value != g.value or (p.start, p.end) != (g.start, g.end)):
            errors.append({"doc": name, "kind": "value" if p.value != g.value else "extent", "gold": g.text,
                           "gold_value": g.value, "pred": p.text, "pred_value": p.value})
    if errors is not None:
        for i in unmatched:
            errors.append({"doc": name, "kind": "spurious", "pred": predicted[i].text,
                           "pred_value": predicted[i].value})
    return counts


def score_tbaq(root: Path | str = TBAQ, *, parse: bool = True, limit: int | None = None,
               errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """P/R/F1 of strict extent, relaxed extent and value, per sub-corpus and overall."""
    from herald.time import tag_text

    nlp = None
    if parse:
        from herald.nlp import load_nlp

        nlp = load_nlp()
    total = Counts()
    result: dict[str, Any] = {"corpora": {}}
    started = time.perf_counter()
    for group, files in corpus_files(root).items():
        if group == "testpipeline":
            continue
        counts = Counts()
        for path in files[:limit]:
            document = read_timeml(path)
            predicted = tag_text(document.text, document.published, nlp)
            counts.add(match_document(document.timexes, predicted, errors, document.name))
        total.add(counts)
        result["corpora"][group] = {"documents": len(files[:limit]), "gold": counts.gold,
                                    "predicted": counts.predicted, **counts.scores()}
    result["overall"] = {"gold": total.gold, "predicted": total.predicted, **total.scores()}
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def voa_dev_dates(gold_path: Path | str = VOA_GOLD, corpus_path: Path | str = VOA_CORPUS, *,
                  include_optional: bool = True, errors: list[dict[str, Any]] | None = None,
                  **date_options: Any) -> dict[str, Any]:
    """For each gold event with a date: find its trigger, parse the article, call date_for; exact-interval accuracy."""
    from herald.nlp import load_nlp
    from herald.events.ontology import load_ontology
    from herald.time import date_for
    from herald.time.tagger import _default_tagger

    types = load_ontology().types

    nlp = load_nlp()
    tagger = _default_tagger()
    articles = {}
    with open(corpus_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles[record["id"]] = record
    parsed: dict[str, tuple[Any, list[TimeRef], dt.date]] = {}
    outcome: Counter[str] = Counter()
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            sentence = json.loads(line)
            for event in sentence["events"]:
                gold_date = event.get("date")
                if not gold_date or (event.get("optional") and not include_optional):
                    continue
                article_id = sentence["article_id"]
                if article_id not in parsed:
                    record = articles[article_id]
                    published = dt.date.fromisoformat(str(record["published"])[:10])
                    doc = nlp(record["text"])
                    parsed[article_id] = (doc, tagger.tag(doc, published), published)
                doc, times, published = parsed[article_id]
                trigger = find_trigger(doc, sentence["start"], sentence["end"], event["trigger"])
                outcome["n"] += 1
                if trigger is None:
                    outcome["trigger_not_found"] += 1
                    continue
                kind = event["event"][0] if isinstance(event["event"], list) else event["event"]
                verbal = kind in types and types[kind].quad_class in (1, 3)
                ref = date_for(trigger, times, published, modality=event.get("modality") or "asserted",
                               verbal=verbal, **date_options)
                exact = ref is not None and _iso(ref.start_date) == gold_date["start"] \
                    and _iso(ref.end_date) == gold_date["end"]
                outcome["exact"] += exact
                if errors is not None and not exact:
                    errors.append({"article": article_id, "trigger": event["trigger"], "gold": gold_date,
                                   "pred": ref and {"text": ref.text, "start": _iso(ref.start_date),
                                                    "end": _iso(ref.end_date), "source": ref.source},
                                   "sentence": sentence["sentence"]})
    n = outcome["n"]
    return {"events_with_date": n, "exact": outcome["exact"], "accuracy": round(outcome["exact"] / n, 4) if n else None,
            "trigger_not_found": outcome["trigger_not_found"], "include_optional": include_optional}


def find_trigger(doc: Any, start: int, end: int, trigger: str) -> Any | None:
    """The head token of the gold trigger phrase inside the gold sentence (first occurrence)."""
    sentence_text = doc.text[start:end]
    at = sentence_text.find(trigger)
    if at < 0:
        at = sentence_text.lower().find(trigger.lower())
    if at < 0:
        return None
    span = doc.char_span(start + at, start + at + len(trigger), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.tag_.startswith("VB")]
    return span.root if not verbs or span.root.tag_.startswith(("VB", "NN")) else verbs[0]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", default=str(TBAQ), help="folder of .tml files (TBAQ-cleaned)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-parse", action="store_true", help="read clause tense from words, not the parse")
    parser.add_argument("--voa-dev", action="store_true", help="score event dates on the VOA dev gold instead")
    parser.add_argument("--required-only", action="store_true", help="VOA: skip optional gold events")
    parser.add_argument("--errors", help="write the mismatches as JSON Lines to this file")
    args = parser.parse_args(argv)
    errors: list[dict[str, Any]] | None = [] if args.errors else None
    if args.voa_dev:
        result = voa_dev_dates(include_optional=not args.required_only, errors=errors)
    else:
        result = score_tbaq(args.root, parse=not args.no_parse, errors=errors)
    if errors is not None:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(result))
    elif args.voa_dev:
        print(f"VOA dev event dates: {result['exact']}/{result['events_with_date']} exact = {result['accuracy']} "
              f"(optional events included: {result['include_optional']}; "
              f"triggers not found: {result['trigger_not_found']})")
    else:
        for name, block in [*result["corpora"].items(), ("overall", result["overall"])]:
            line = "  ".join(f"{m} P {block[m]['precision']:.2f} R {block[m]['recall']:.2f} F1 {block[m]['f1']:.2f}"
                             for m in ("strict", "relaxed", "value"))
            print(f"{name:9} gold {block['gold']:5} pred {block['predicted']:5}  {line}")
        print(f"({result['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
