"""CASE 2021 task 2 (fine-grained event classes of news snippets, ../shared/gold/events/case2021_task2_test.tsv),
read as a test of what a PLOVER coder should and should not code.

Each snippet has one class, most of them ACLED's (air strike, armed clash, peaceful protest, arrest, agreement...).
Herald's map from class to the PLOVER types that code it (`ACCEPTED`, written for Herald from the class definitions
and PLOVER's type definitions) gives three measures over the snippets coded as whole texts:

- hit rate: the share of event snippets for which Herald codes an event of an accepted type;
- type precision: over the events Herald codes in scored snippets, the share whose type is accepted for the
  snippet's class (a strike coded CONSULT, or anything coded for an earthquake, counts against it);
- false alarms: the share of natural and man-made disaster snippets (no political actor acts) with any event.

Classes with no clear PLOVER counterpart (disrupted weapons use, changes to a group, headquarters established,
claims of responsibility, organised crime, other) are listed in `UNSCORED` and left out of all three.

    python -m herald.evaluate.coverage case2021 ../shared/gold/events/case2021_task2_test.tsv [--json]
"""
from __future__ import annotations

import csv
from collections import Counter
from typing import TYPE_CHECKING, Any

from herald.evaluate.coverage import REFERENCE_DATE, code_sentences

if TYPE_CHECKING:
    from herald.pipeline import Pipeline

VIOLENCE = frozenset({"ASSAULT"})
NON_VIOLENT = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                         "ACCUSE", "REJECT", "THREATEN", "SANCTION"})
ACCEPTED: dict[str, frozenset[str]] = {
    "AIR_STRIKE": VIOLENCE, "ART_MISS_ATTACK": VIOLENCE, "ATTACK": VIOLENCE, "ARMED_CLASH": VIOLENCE,
    "CHEM_WEAP": VIOLENCE, "SUIC_BOMB": VIOLENCE, "GRENADE": VIOLENCE, "REM_EXPLOS": VIOLENCE,
    "SEX_VIOL": VIOLENCE, "ABDUCT_DISSAP": VIOLENCE | {"COERCE"},
    "GOV_REGAINS_TERIT": VIOLENCE | {"COERCE"}, "NON_STATE_ACTOR_OVERTAKES_TER": VIOLENCE | {"COERCE"},
    "PROPERTY_DISTRUCT": VIOLENCE | {"COERCE", "PROTEST"},
    "PEACE_PROTEST": frozenset({"PROTEST"}), "VIOL_DEMONSTR": frozenset({"PROTEST", "ASSAULT"}),
    # the authorities intervene (arrests, tear gas: PLOVER's COERCE and ASSAULT crowd-control); rioters clash
    "PROTEST_WITH_INTER": frozenset({"PROTEST", "COERCE", "ASSAULT"}), "MOB_VIOL": frozenset({"PROTEST", "ASSAULT"}),
    "FORCE_AGAINST_PROTEST": frozenset({"COERCE", "ASSAULT"}),
    "ARREST": frozenset({"COERCE"}),
    "AGREEMENT": frozenset({"AGREE", "CONCEDE", "RETREAT", "COOPERATE"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"RETREAT", "CONCEDE", "AGREE"}),
    "DIPLO": NON_VIOLENT,
}
NOT_POLITICAL = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})
UNSCORED = frozenset({"DISR_WEAP", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "ATTRIB", "ORG_CRIME", "OTHER"})


def read_case2021(path: str) -> list[tuple[str, str, str]]:
    """(id, snippet, class) rows of the task's TSV (columns id, EventSnippet, SubType)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [(row["id"], row["EventSnippet"], row["SubType"])
                for row in csv.DictReader(fh, delimiter="\t") if row.get("EventSnippet")]


def score_case2021(rows: list[tuple[str, str, str]], coded: dict[str, set[str]]) -> dict[str, Any]:
    """The three measures from each snippet's class and the set of event types coded for it (by snippet id)."""
    hits = events = right = alarms = disasters = event_snippets = 0
    by_class: dict[str, Counter] = {}
    for snippet_id, _, label in rows:
        types = coded.get(snippet_id, set())
        counts = by_class.setdefault(label, Counter())
        counts["n"] += 1
        counts["any"] += bool(types)
        if label in NOT_POLITICAL:
            disasters += 1
            alarms += bool(types)
            events += len(types)
            continue
        accepted = ACCEPTED.get(label)
        if accepted is None:
            continue
        event_snippets += 1
        hit = bool(types & accepted)
        hits += hit
        counts["hit"] += hit
        events += len(types)
        right += len(types & accepted)
    return {
        "snippets": len(rows), "event_snippets": event_snippets, "disaster_snippets": disasters,
        "hit_rate": round(hits / event_snippets, 4) if event_snippets else None,
        "type_precision": round(right / events, 4) if events else None,
        "false_alarms": round(alarms / disasters, 4) if disasters else None,
        "by_class": {label: {"n": c["n"], "coded": c["any"], "hit": c["hit"] if label in ACCEPTED else None}
                     for label, c in sorted(by_class.items())},
    }


def case2021_scores(path: str, pipeline: "Pipeline") -> dict[str, Any]:
    rows = read_case2021(path)
    coded = {result.article.id: {e.event for e in result.events}
             for result in code_sentences(((i, text, REFERENCE_DATE) for i, text, _ in rows), pipeline)}
    return score_case2021(rows, coded)


def case2021_summary(result: dict[str, Any]) -> str:
    return (f"{result['snippets']} snippets: hit rate {result['hit_rate']:.3f} ({result['event_snippets']} event "
            f"snippets), type precision {result['type_precision']:.3f}, false alarms on disasters "
            f"{result['false_alarms']:.3f} ({result['disaster_snippets']} snippets)")
