"""The PETRARCH-2 validation records (../shared/gold/events/PETR2_GSR_validation.xml) as a sentence-level gold set.

Each record is one news sentence with the CAMEO events PETRARCH-2 should code (`<EventCoding eventcode="042"
sourcecode="USA" targetcode="CHN"/>`) or `noevents="True"`. Gold CAMEO codes are mapped to PLOVER types through
Herald's CAMEO table (`events/data/cameo.tsv`); statements and appeals (CAMEO 01, 02) have no PLOVER type and are
left out; actor codes give a country when their first three letters are one (IGO/NGO/IMG kept; IGOUNO... is
UNO and IGOEUR... is EUR, as Herald codes the UN and the EU). Scored per
sentence, micro-averaged: `type` (the set of PLOVER types) and `dyad` (type, source country, target country;
CONSULT and COOPERATE unordered). Records with no events count: what Herald codes there is a false positive.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from herald.evaluate.events import UNORDERED, LevelScore
from herald.evaluate.gsr import CODE_MAP
from herald.events.ontology import load_ontology

_RECORD = re.compile(r'<Sentence ([^>]*?)/?>(.*?)<Text>(.*?)</Text>', re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Petr2Record:
    id: str
    date: dt.date
    text: str
    events: frozenset[tuple[str, str | None, str | None]]  # (PLOVER type, source country, target country)


def _country(code: str, countries: frozenset[str]) -> str | None:
    head = code[:3].upper()
    if head == "IGO" and code[3:6].upper() in ("UNO", "EUR"):  # "IGOEUREEC" is the EU, "IGOUNO" the UN
        return code[3:6].upper()
    head = CODE_MAP.get(head, head)
    return head if head in countries else None


def load_petr2(path: str | Path) -> list[Petr2Record]:
    """The records marked evaluate="true", with their gold events as PLOVER (type, source, target) triples."""
    import pycountry

    ontology = load_ontology()
    countries = frozenset(c.alpha_3 for c in pycountry.countries) | ontology.special_countries | {"XKX"}
    text = Path(path).read_text(encoding="utf-8")
    out = []
    for attrs, codings, body in _RECORD.findall(text):
        meta = dict(_ATTR.findall(attrs))
        if meta.get("evaluate") != "true":
            continue
        events = set()
        for coding in re.findall(r"<EventCoding ([^>]*)/>", codings):
            fields = dict(_ATTR.findall(coding))
            code = ontology.cameo.get(fields.get("eventcode", ""))
            if code is None or code.plover_event is None:
                continue
            events.add((code.plover_event, _country(fields.get("sourcecode", ""), countries),
                        _country(fields.get("targetcode", ""), countries)))
        raw = meta.get("date", "")
        date = dt.datetime.strptime(raw, "%Y%m%d" if len(raw) == 8 else "%y%m%d").date()  # one record: "121108"
        out.append(Petr2Record(meta["id"], date, " ".join(body.split()), frozenset(events)))
    return out


def _dyad_match(pred: tuple, gold: tuple) -> bool:
    if pred[0] != gold[0]:
        return False
    if pred[1:] == gold[1:]:
        return True
    return pred[0] in UNORDERED and (pred[2], pred[1]) == gold[1:]


def score_petr2(records: list[Petr2Record], predicted: dict[str, set[tuple]]) -> dict[str, Any]:
    """Micro-averaged P/R/F1 at the type and dyad levels; `predicted` maps a record id to its coded triples."""
    result: dict[str, Any] = {"records": len(records), "gold_events": sum(len(r.events) for r in records)}
    for level in ("type", "dyad"):
        score = LevelScore()
        for record in records:
            pred = predicted.get(record.id, set())
            if level == "type":
                gold_set, pred_set = {g[0] for g in record.events}, {p[0] for p in pred}
                score.tp += len(gold_set & pred_set)
                score.fp += len(pred_set - gold_set)
                score.fn += len(gold_set - pred_set)
                continue
            matched = {g for g in record.events if any(_dyad_match(p, g) for p in pred)}
            score.tp += len(matched)
            score.fn += len(record.events) - len(matched)
            score.fp += sum(1 for p in pred if not any(_dyad_match(p, g) for g in record.events))
        result[level] = score.summary()
    return result
