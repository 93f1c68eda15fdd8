"""How triggers in one sentence combine: frames fold the events they govern, nouns merge into the verbs they
are the subject of, cessations cancel what they govern. Each rule says why, for `herald explain`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.nlp.arrays import token_arrays
from herald.events.arguments import Arguments, subject_candidates, verb_forms_of
from herald.events.lexicon import TriggerEntry
from herald.events.match import TriggerMatch
from herald.events.syntax import ADJUNCT_PREPS, is_passive, prep_objects, to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs that stop or prevent what they govern: "must stop killing" is not a killing.
CESSATION = verb_forms_of("stop end halt cease prevent avoid avert refrain quit") | {"end", "halt", "cessation"}
# Calling an event off: it does not happen; a meeting called off is a refusal to meet (CAMEO 125).
CALLED_OFF = verb_forms_of("cancel postpone scrap abandon")
# Mode of a REQUEST/REJECT from the type of the event it governs, and of a THREATEN.
REQUEST_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "AGREE": "assist", "SUPPORT": "assist",
                "RETREAT": "yield", "CONCEDE": "yield"}
THREATEN_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "restrict", "COERCE": "restrict"}
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
PROMISES = frozenset({"vow", "pledge", "promise", "commit", "swear"})
RESPONSES = frozenset({"SUPPORT", "REJECT", "ACCUSE"})
SPOKEN = frozenset({"AGREE", "REQUEST", "THREATEN", "SUPPORT", "REJECT", "ACCUSE"})
# "is looking to reset relations", "wants to expand cooperation": intent to cooperate is an AGREE.
INTENT = verb_forms_of("look seek want hope aim intend wish strive try")
COOPERATIVE = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE"})
# Dependencies through which a frame reaches the event it is about ("agreed to [meet]", "called for [talks]",
# "accused it of [providing]", "urged him to work with partners to [stop]"). Not advcl: "threatened tariffs after
# the EU [levied] one" reports two events.
_FRAME_PATH = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "conj", "nsubjpass", "acomp"})


@dataclass(slots=True)
class Candidate:
    """A trigger on its way to becoming events: labels may change when frames fold embedded triggers in."""

    match: TriggerMatch
    args: Arguments
    event: str
    mode: str | None
    cameo: str | None
    embedded: list[Candidate] = field(default_factory=list)


def frame_ancestor(token: "Token", by_token: dict[int, Candidate], max_steps: int = 5) -> Candidate | None:
    """The nearest frame trigger governing `token` through complement links, or None."""
    current = token
    for _ in range(max_steps):
        if current.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return None  # "Japan pledged aid, and the government thanked donors": a clause of its own
        purpose = current.dep_ == "advcl" and to_infinitive(current)
        if (current.dep_ not in _FRAME_PATH and not purpose) or current.head.i == current.i:
            return None
        if current.dep_ == "prep" and current.lower_ in ADJUNCT_PREPS:
            return None
        current = current.head
        cand = by_token.get(current.i)
        if cand is not None:
            return cand if cand.match.entry.frame else None
    return None


def governor(token: "Token") -> "Token | None":
    """The word a trigger is the complement of ("to [meet]" -> agreed; "for [talks]" -> called)."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass"):
        return head
    if token.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head
    if token.dep_ == "conj":
        return governor(head)
    return None


def fold_reason(cand: Candidate, by_token: dict[int, Candidate], objects: set[int]) -> str | None:
    """Why a candidate is not an event of its own (and, for a frame, record it as embedded), or None."""
    token = cand.match.token
    if token.i in objects and cand.match.entry.pos == "noun":
        return "folded: the object of a verb trigger that codes it ('imposed sanctions')"
    longer = inside_other(cand, by_token.values())
    if longer is not None:
        return f"folded: part of the longer trigger {longer.match.token.text!r}"
    gov = governor(token)
    if gov is not None and gov.lower_ in CESSATION:
        return f"dropped: governed by {gov.text!r} (a cessation, not the event)"
    if gov is not None and gov.lower_ in CALLED_OFF:
        if cand.event != "CONSULT":
            return f"dropped: called off by {gov.text!r}, it does not happen"
        cand.event, cand.mode, cand.cameo = "REJECT", "meet", "125"  # "Moscow cancelled the meeting with ..."
    frame = frame_ancestor(token, by_token)
    if frame is not None and frame is not cand and not frame.match.entry.yields_to_embedded:
        frame.embedded.append(cand)
        return f"folded into the frame {frame.match.token.text!r} ({frame.event})"
    if cand.match.entry.yields_to_embedded:  # only to an act it orders directly: "ordered troops to [seal]"
        inner = [c for c in by_token.values() if c is not cand and c.match.token.dep_ == "xcomp"
                 and c.match.token.head.i == token.i]
        if inner:
            return f"yields to the event it orders: {inner[0].match.token.text!r} ({inner[0].event})"
    responder = by_token.get(token.head.i) if token.dep_ == "dobj" and cand.match.entry.pos == "noun" else None
    if responder is not None and responder.event in RESPONSES and cand.event in SPOKEN:
        # "welcomed the U.S. proposal", "rejected the demand": the response is the event; the proposal is its topic
        return f"folded: the topic of {responder.match.token.text!r} ({responder.event})"
    goal = by_token.get(token.head.i) if token.dep_ in ("advcl", "xcomp") else None
    if goal is not None and goal is not cand and goal.event != cand.event and not goal.match.entry.frame and \
            to_infinitive(token):
        return f"folded: the purpose of {goal.match.token.text!r} ({goal.event}), not an event yet"
    purpose = by_token.get(token.head.i) if token.dep_ in ("advcl", "xcomp", "conj", "relcl") else None
    if purpose is not None and purpose is not cand and purpose.event == cand.event:
        return f"folded: the same {cand.event} as {purpose.match.token.text!r} ('met with X to discuss')"
    return None


def frame_mode(frame: Candidate) -> None:
    """A frame takes its mode (and sometimes its type) from the event it governs."""
    inner = frame.embedded[0]
    if frame.event == "AGREE" and inner.event in THREAT_TYPES and frame.match.entry.lemma in PROMISES:
        frame.event, frame.cameo = "THREATEN", "130"  # "vowed to retaliate" is a threat
    if frame.event in ("REQUEST", "REJECT") and frame.mode is None:
        frame.mode = REQUEST_MODE.get(inner.event, "change")
    elif frame.event == "THREATEN" and frame.mode is None:
        frame.mode = THREATEN_MODE.get(inner.event)


def merge_noun_subjects(candidates: list[Candidate], by_token: dict[int, Candidate]) -> list[Candidate]:
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


def merge_battles(candidates: list[Candidate], by_token: dict[int, Candidate]) -> list[Candidate]:
    """"was killed in a gun battle with police": the victim was killed by the other side of the battle. The passive
    verb gets the battle's opponents as actor candidates, and the battle is not a second event."""
    absorbed: set[int] = set()
    for cand in candidates:
        token = cand.match.token
        if cand.event != "ASSAULT" or cand.match.entry.pos != "verb" or cand.args.actors or not is_passive(token):
            continue
        for place in prep_objects(token, "in"):
            battle = by_token.get(place.i)
            if battle is not None and battle.event == "ASSAULT" and battle.match.entry.pos == "noun":
                opponents = [(t, f"battle-{r}") for t, r in battle.args.recipients if r in ("with", "between")]
                cand.args.actors = list(battle.args.actors) + opponents
                absorbed.add(place.i)
    return [c for c in candidates if c.match.token.i not in absorbed]


def inside_other(cand: Candidate, candidates: Iterable[Candidate]) -> Candidate | None:
    """The longer trigger whose words include this one ("laid siege" holds "siege")."""
    i = cand.match.token.i
    for other in candidates:
        if other is not cand and other.match.first.i <= i <= other.match.last.i and \
                other.match.last.i - other.match.first.i > cand.match.last.i - cand.match.first.i:
            return other
    return None


def words_in(sent: "Span", words: frozenset[str]) -> Iterator[int]:
    """Indices of the sentence's tokens that are one of `words` (lower case), read off the token arrays."""
    texts = token_arrays(sent.doc).texts
    return (i for i in range(sent.start, sent.end) if texts[i].lower() in words)


# "X said Y must do Z": a demand made as a statement of obligation. The speaker requests, Y is the recipient.
OBLIGATION_MODALS = frozenset({"must"})  # "should" is advice, not a demand
DECLARING = (verb_forms_of("say tell declare insist reiterate stress conclude argue write state add warn remind "
                           "emphasize emphasise assert maintain demand urge")
             | {"reminder", "statement", "declaration", "message"})
FIRST_PERSON = frozenset({"i", "we", "us", "me", "you"})  # and the generic "you must ..." of advice
OBLIGATION_ENTRY = TriggerEntry(id="request.obligation", event="REQUEST", pos="verb", lemma="must", cameo="100",
                                frame=True, confidence=0.6)


def obligation_candidates(sent: "Span", candidates: list[Candidate]) -> list[Candidate]:
    """Candidates for "<speaker> said <someone> must/should <act>", replacing a trigger at the obliged verb."""
    by_token = {c.match.token.i: c for c in candidates}
    out = list(candidates)
    obliged: set[int] = set()
    for m in words_in(sent, OBLIGATION_MODALS):
        token = sent.doc[m].head  # the verb the modal belongs to
        if not token.tag_.startswith("VB") or token.i in obliged:  # one demand per verb, however many modals
            continue
        obliged.add(token.i)
        modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS), None)
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if modal is None or subject is None or subject.lower_ in FIRST_PERSON:
            continue
        speech = _declaring_head(token)
        if speech is None:
            continue
        speakers = subject_candidates(speech) if speech.tag_.startswith("VB") else []
        if not speakers:
            continue
        match = TriggerMatch(token=token, entry=OBLIGATION_ENTRY, first=modal, last=token)
        mode = "yield" if token.lower_ in CESSATION else None  # "must stop killing", "must end the siege"
        request = Candidate(match=match, args=Arguments(speakers, [(subject, "obliged")]), event="REQUEST",
                            mode=mode, cameo="100")
        inner = by_token.get(token.i)
        if inner is not None:
            request.embedded.append(inner)
            out.remove(inner)
        out.append(request)
    return out


def intent_to_cooperate(cand: Candidate) -> bool:
    """A cooperative act the actor only seeks or wants ("Turkey is looking to reset relations with Egypt")."""
    token = cand.match.token
    return cand.event in COOPERATIVE and token.dep_ == "xcomp" and token.head.lower_ in INTENT


def _declaring_head(token: "Token") -> "Token | None":
    """The speech verb a clause is said under: "X said (that) Y must ...", and quotes the parser attached loosely
    ("'If ..., then they must stop ...,' X told VOA")."""
    current = token
    for _ in range(5):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.lower_ in DECLARING and current.tag_.startswith("VB"):
            return current
        if current.tag_.startswith("NN") and current.dep_ not in ("acomp", "attr"):
            return None
    return None


# "is ready to host a meeting", "willing to withdraw its troops", "prepared to impose martial law": a commitment.
READINESS = frozenset({"ready", "willing", "prepared", "committed", "determined", "eager", "keen", "open",
                       "poised", "resolved"})
READINESS_ENTRY = TriggerEntry(id="agree.readiness", event="AGREE", pos="verb", lemma="ready", cameo="030",
                               frame=True, confidence=0.6)
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "REJECT", "ACCUSE", "PROTEST"})


def readiness_candidates(sent: "Span", candidates: list[Candidate]) -> list[Candidate]:
    """Frames for "<actor> is ready/willing/prepared to <act>" or "ready for <act>": an AGREE over a cooperative
    act, a THREATEN over a harmful one. Only when the governed act is itself a trigger."""
    by_token = {c.match.token.i: c for c in candidates}
    out = list(candidates)
    for r in words_in(sent, READINESS):
        token = sent.doc[r]
        if token.dep_ not in ("acomp", "ROOT", "conj", "amod", "oprd"):
            continue
        inner = None
        for child in token.children:
            if child.dep_ == "xcomp" and child.i in by_token:
                inner = by_token[child.i]
            elif child.dep_ == "prep" and child.lower_ in ("for", "to"):
                inner = next((by_token[g.i] for g in child.subtree if g.i in by_token), inner)
        if inner is None or inner.match.entry.frame or all(c is not inner for c in out):
            continue  # no act, or one already framed by another readiness word ("ready and willing to ...")
        verb = token.head if token.dep_ in ("acomp", "oprd") else token
        actors = subject_candidates(verb)
        if not actors:
            continue
        event, mode, cameo = commitment_labels("THREATEN" if inner.event in CONFLICTUAL else "AGREE", inner.event)
        match = TriggerMatch(token=token, entry=READINESS_ENTRY, first=token, last=token)
        frame = Candidate(match=match, args=Arguments(actors, []), event=event, mode=mode, cameo=cameo)
        frame.embedded.append(inner)
        out.remove(inner)
        out.append(frame)
    return out


def conditional_commitment(cand: Candidate) -> str | None:
    """"will withdraw its force unless ...", "would meet the mediator if he ...": an actor's own future act tied to
    a condition is a threat (harmful acts, withdrawals) or a promise (cooperative acts)."""
    token = cand.match.token
    if not token.tag_.startswith("VB"):
        return None
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if not aux & {"will", "would", "'ll", "may", "might", "could"}:
        return None
    conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                   for g in c.children) for c in token.children)
    if not conditional:
        return None
    return "THREATEN" if cand.event in CONFLICTUAL or cand.event in ("RETREAT",) else "AGREE"


def commitment_labels(kind: str, act: str) -> tuple[str, str | None, str]:
    """(type, mode, CAMEO code) of a threat (`kind` THREATEN) or a promise (AGREE) to do an act of type `act`."""
    if kind == "THREATEN":
        return "THREATEN", THREATEN_MODE.get(act), "130"
    return "AGREE", None, "030"
