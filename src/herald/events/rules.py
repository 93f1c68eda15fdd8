"""How triggers in one sentence combine: frames fold the events they govern, nouns merge into the verbs they
are the subject of, cessations cancel what they govern. Each rule says why, for `herald explain`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from herald.nlp.morph import verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

    from herald.events.coder import Candidate

# Verbs that stop or prevent what they govern: "must stop killing" is not a killing.
CESSATION = frozenset(f for lemma in "stop end halt cease prevent avoid avert refrain quit".split()
                      for f in verb_forms(lemma)) | {"end", "halt", "cessation"}
# Mode of a REQUEST/REJECT from the type of the event it governs, and of a THREATEN.
REQUEST_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "AGREE": "assist", "SUPPORT": "assist",
                "RETREAT": "yield", "CONCEDE": "yield"}
THREATEN_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "restrict", "COERCE": "restrict"}
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
PROMISES = frozenset({"vow", "pledge", "promise", "commit", "swear"})
YIELD_WORDS = frozenset({"end", "halt", "stop", "cessation", "release", "withdrawal", "ceasefire", "de-escalation"})
# Dependencies through which a frame reaches the event it is about ("agreed to [meet]", "called for [talks]",
# "accused it of [providing]", "urged him to work with partners to [stop]"). Not advcl: "threatened tariffs after
# the EU [levied] one" reports two events.
_FRAME_PATH = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "conj", "nsubjpass"})


def frame_ancestor(token: "Token", by_token: dict[int, "Candidate"], max_steps: int = 5) -> "Candidate | None":
    """The nearest frame trigger governing `token` through complement links, or None."""
    current = token
    for _ in range(max_steps):
        purpose = current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if (current.dep_ not in _FRAME_PATH and not purpose) or current.head is current:
            return None
        current = current.head
        cand = by_token.get(current.i)
        if cand is not None:
            return cand if cand.match.entry.frame else None
    return None


def governor(token: "Token") -> "Token | None":
    """The word a trigger is the complement of ("to [meet]" -> agreed; "for [talks]" -> called)."""
    head = token.head
    if head is token:
        return None
    if token.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass"):
        return head
    if token.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent") and head.head is not head:
        return head.head
    if token.dep_ == "conj":
        return governor(head)
    return None


def fold_reason(cand: "Candidate", by_token: dict[int, "Candidate"], objects: set[int]) -> str | None:
    """Why a candidate is not an event of its own (and, for a frame, record it as embedded), or None."""
    token = cand.match.token
    if token.i in objects and cand.match.entry.pos == "noun":
        return "folded: the object of a verb trigger that codes it ('imposed sanctions')"
    longer = inside_other(cand, list(by_token.values()))
    if longer is not None:
        return f"folded: part of the longer trigger {longer.match.token.text!r}"
    gov = governor(token)
    if gov is not None and gov.lower_ in CESSATION:
        return f"dropped: governed by {gov.text!r} (a cessation, not the event)"
    frame = frame_ancestor(token, by_token)
    if frame is not None and frame is not cand:
        frame.embedded.append(cand)
        return f"folded into the frame {frame.match.token.text!r} ({frame.event})"
    purpose = by_token.get(token.head.i) if token.dep_ in ("advcl", "xcomp", "conj", "relcl") else None
    if purpose is not None and purpose is not cand and purpose.event == cand.event:
        return f"folded: the same {cand.event} as {purpose.match.token.text!r} ('met with X to discuss')"
    return None


def frame_mode(frame: "Candidate") -> None:
    """A frame takes its mode (and sometimes its type) from the event it governs."""
    inner = frame.embedded[0]
    if frame.event == "AGREE" and inner.event in THREAT_TYPES and frame.match.entry.lemma in PROMISES:
        frame.event, frame.cameo = "THREATEN", "130"  # "vowed to retaliate" is a threat
    if frame.event in ("REQUEST", "REJECT") and frame.mode is None:
        frame.mode = REQUEST_MODE.get(inner.event, "change")
    elif frame.event == "THREATEN" and frame.mode is None:
        frame.mode = THREATEN_MODE.get(inner.event)


def merge_noun_subjects(candidates: list["Candidate"], by_token: dict[int, "Candidate"]) -> list["Candidate"]:
    """"Coordinated airstrikes by the army have killed 50 militants", "a military operation rescued 190 passengers":
    a noun trigger that is the subject of a verb trigger names how or by whom the verb's event was done. One event
    (the verb's), whose actor is the noun's agent, or the noun phrase itself."""
    absorbed: set[int] = set()
    for cand in candidates:
        if cand.match.entry.pos != "verb" or not cand.args.actors:
            continue
        subject, rule = cand.args.actors[0]
        noun = by_token.get(subject.i)
        if noun is None or noun is cand or noun.match.entry.pos != "noun" or not rule.endswith(("nsubj", "subject")):
            continue
        cand.args.actors = list(noun.args.actors) + cand.args.actors
        absorbed.add(subject.i)
    return [c for c in candidates if c.match.token.i not in absorbed]


def inside_other(cand: "Candidate", candidates: list["Candidate"]) -> "Candidate | None":
    """The longer trigger whose words include this one ("laid siege" holds "siege")."""
    i = cand.match.token.i
    for other in candidates:
        if other is not cand and other.match.first.i <= i <= other.match.last.i and \
                other.match.last.i - other.match.first.i > cand.match.last.i - cand.match.first.i:
            return other
    return None
