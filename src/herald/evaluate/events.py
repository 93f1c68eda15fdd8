"""Score predicted events against sentence-level gold (../shared/gold/GUIDELINES.md): `herald evaluate GOLD PRED`.

Same definitions as the shared scorer (../shared/tools/score_events.py), so both print the same numbers:
- a prediction belongs to the gold sentence holding its trigger start (else its sentence start); predictions outside
  every gold sentence are ignored;
- levels: `type` (PLOVER type), `dyad` (+ actor and recipient country; CONSULT/COOPERATE unordered), `full` (+ sectors);
- optional gold events neither reward nor penalise; a repeat of an already matched event is not a false positive;
- gold values given as lists mean "any of these"; attribute accuracy (date, location, modality) over type matches.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LEVELS = ("type", "dyad", "full")
UNORDERED = frozenset({"CONSULT", "COOPERATE"})


def _options(value: Any) -> set | None:
    if value is None:
        return None
    return set(value) if isinstance(value, list) else {value}


def _side_matches(pred: dict | None, gold: dict | None, level: str) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    countries = _options(gold.get("country"))
    if countries is not None and not (_options(pred.get("country")) or set()) & countries:
        return False
    if level == "full":
        sectors = _options(gold.get("sector"))
        if sectors is not None and not (_options(pred.get("sector")) or set()) & sectors:
            return False
    return True


def event_matches(pred: dict, gold: dict, level: str) -> bool:
    if pred.get("event") not in _options(gold.get("event")):
        return False
    if level == "type":
        return True
    actor, recipient = pred.get("actor"), pred.get("recipient")
    if _side_matches(actor, gold.get("actor"), level) and _side_matches(recipient, gold.get("recipient"), level):
        return True
    return pred["event"] in UNORDERED and _side_matches(recipient, gold.get("actor"), level) \
        and _side_matches(actor, gold.get("recipient"), level)


def _anchor(pred: dict) -> int | None:
    trigger = pred.get("trigger")
    if isinstance(trigger, dict) and isinstance(trigger.get("start"), int):
        return trigger["start"]
    return (pred.get("text_info") or {}).get("start")


@dataclass
class LevelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    pairs: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _first_type(gold: dict) -> str:
    value = gold.get("event")
    return value[0] if isinstance(value, list) else value


def score_level(gold_rows: list[dict], preds: list[dict], level: str) -> LevelScore:
    per_article: dict[str, list[dict]] = defaultdict(list)
    for pred in preds:
        per_article[str(pred.get("article_id"))].append(pred)
    result = LevelScore()
    for row in gold_rows:
        inside = [p for p in per_article.get(row["article_id"], [])
                  if isinstance(_anchor(p), int) and row["start"] <= _anchor(p) < row["end"]]
        required = [g for g in row["events"] if not g.get("optional")]
        optional = [g for g in row["events"] if g.get("optional")]
        used: set[int] = set()
        matched: list[dict] = []
        for gold in required:
            hit = next((i for i, p in enumerate(inside) if i not in used and event_matches(p, gold, level)), None)
            counts = result.by_type[_first_type(gold)]
            if hit is None:
                result.fn += 1
                counts[2] += 1
            else:
                used.add(hit)
                matched.append(gold)
                result.pairs.append((inside[hit], gold))
                result.tp += 1
                counts[0] += 1
        for i, pred in enumerate(inside):
            if i in used or any(event_matches(pred, g, level) for g in optional + matched):
                continue
            result.fp += 1
            result.by_type[pred.get("event")][1] += 1
    return result


def attribute_accuracy(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    n: Counter = Counter()
    for pred, gold in pairs:
        gold_date, pred_date = gold.get("date"), pred.get("date") or {}
        if gold_date:
            n["date_n"] += 1
            start, end = pred_date.get("start"), pred_date.get("end")
            n["date_exact"] += start == gold_date["start"] and end == gold_date["end"]
            n["date_overlap"] += bool(start and end and start <= gold_date["end"] and gold_date["start"] <= end)
        gold_loc, pred_loc = gold.get("location"), pred.get("location") or {}
        if gold_loc:
            n["loc_n"] += 1
            n["loc_country"] += pred_loc.get("country") in _options(gold_loc["country"])
            names = {str(x).casefold() for x in _options(gold_loc["name"])}
            n["loc_name"] += str(pred_loc.get("name") or "").casefold() in names
        if gold.get("modality"):
            n["mod_n"] += 1
            n["mod_ok"] += pred.get("modality", "asserted") == gold["modality"]
    out: dict[str, Any] = {}
    for key, total in (("date_exact", "date_n"), ("date_overlap", "date_n"), ("loc_country", "loc_n"),
                       ("loc_name", "loc_n"), ("mod_ok", "mod_n")):
        out[key] = round(n[key] / n[total], 4) if n[total] else None
        out[total] = n[total]
    return out


def text_shares(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """How many matched events were dated and placed from the text, not by a fallback (publication, story focus)."""
    pairs = list(pairs)
    dated = sum((pred.get("date") or {}).get("source") == "text" for pred, _ in pairs)
    placed = sum((pred.get("location") or {}).get("source") in ("text", "dateline") for pred, _ in pairs)
    n = len(pairs)
    return {"matched": n, "date_text": round(dated / n, 4) if n else None,
            "loc_text": round(placed / n, 4) if n else None}


def evaluate(gold_rows: list[dict], preds: list[dict], by_type: bool = False,
             sources: bool = False) -> dict[str, Any]:
    """The shared scorer's figures (same keys, same values); `sources` adds `text_shares`."""
    result: dict[str, Any] = {
        "sentences": len(gold_rows),
        "gold_events": sum(1 for row in gold_rows for g in row["events"] if not g.get("optional")),
    }
    type_pairs: list = []
    for level in LEVELS:
        score = score_level(gold_rows, preds, level)
        result[level] = score.summary()
        if level == "type":
            type_pairs = score.pairs
        if level == "dyad" and by_type:
            result["dyad_by_type"] = {
                k: {"tp": v[0], "fp": v[1], "fn": v[2], "f1": round(LevelScore(*v).f1, 3)}
                for k, v in sorted(score.by_type.items(), key=lambda kv: str(kv[0]))}
    result.update(attribute_accuracy(type_pairs))
    if sources:
        result.update(text_shares(type_pairs))
    return result


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['sentences']} sentences, {result['gold_events']} required gold events"]
    for level in LEVELS:
        m = result[level]
        lines.append(f"{level:5} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  "
                     f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    lines.append(f"date exact {result['date_exact']} overlap {result['date_overlap']} (n={result['date_n']}); "
                 f"location country {result['loc_country']} name {result['loc_name']} (n={result['loc_n']}); "
                 f"modality {result['mod_ok']} (n={result['mod_n']})")
    if "matched" in result:
        lines.append(f"from the text (not a fallback): date {result['date_text']}, location {result['loc_text']} "
                     f"(n={result['matched']} matched events)")
    for name, v in result.get("dyad_by_type", {}).items():
        lines.append(f"  {name:10} tp {v['tp']:3} fp {v['fp']:3} fn {v['fn']:3} F1 {v['f1']:.3f}")
    return "\n".join(lines)
