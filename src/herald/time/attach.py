"""date_for: the temporal expression that dates one event, read from the dependency parse.

Order of preference, within the trigger's sentence: an expression attached to the trigger itself (its prepositional
phrase, its clause, a relative clause on the trigger noun), then one of the trigger's clause, then the nearest other
dated expression of the sentence; never the time of a report ("officials said Sunday that troops shelled...").
Then a specific day in a neighbouring sentence (the story's news peg); for a verbal act, also the time of the report
just before it ("X said Friday ... He called for ..."). An expression far from the story's time (before publication
- 100 years or after publication + 10 years) dates an event only when it writes its year ("in 1848", "the 1800s").

Without a usable cue the clause's tense decides: an event told in the present happens on the publication day
(`source="publication"`, granularity "day"); a past event is "some time before the story" (`start` None, `end` the
publication day, granularity "before"); a future or hypothetical event has no date (None).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from herald.records import TimeRef
from herald.time.tense import governing_verb, verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

REPORTING_VERBS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "report", "reports", "reported",
    "announce", "announces", "announced", "state", "states", "stated", "add", "adds", "added", "note", "notes",
    "noted", "claim", "claims", "claimed", "confirm", "confirms", "confirmed", "explain", "explained", "write",
    "wrote", "according", "insist", "insisted", "acknowledge", "acknowledged", "disclose", "disclosed", "reveal",
    "revealed", "estimate", "estimated",
})
_WRITTEN_YEAR = re.compile(r"\b\d{3,4}s?\b(?!\s+(?:years?|decades?|centuries|months?|weeks?|days?)\b)"
                           r"|\bcentur(?:y|ies)\b|\bmillenni", re.IGNORECASE)
_CLAUSE_LINKS = frozenset({"xcomp", "conj", "aux", "auxpass", "advcl", "acomp", "attr", "oprd"})
# Leading words kept in the event's `date.text`: the cue as a reader sees it ("in September 2021").
_CUE_PREPOSITIONS = frozenset({"in", "on", "since", "over", "during", "for", "at", "by", "until", "through",
                               "throughout", "from", "before", "after", "within", "between", "around"})


def publication_date(published: dt.date) -> TimeRef:
    """The date of an event told in the present with no cue: the day of publication."""
    return TimeRef(text=None, start_date=published, end_date=published, granularity="day",
                   value=published.isoformat(), source="publication")


def before_publication(published: dt.date) -> TimeRef:
    """The date of a past event with no cue: some time before the story, not a day."""
    return TimeRef(text=None, start_date=None, end_date=published, granularity="before", value="PAST_REF",
                   source="publication")


def date_for(trigger: "Token", times: list[TimeRef], published: dt.date, modality: str = "asserted", *,
             verbal: bool = False, neighbours: bool = True, same_sentence_any: bool = True) -> TimeRef | None:
    """The TimeRef that dates the event whose trigger (head word) is `trigger`; without a cue, the publication day
    (present), "before" the publication (past) or None (future, hypothetical).

    `verbal`: the event is a statement (a request, accusation, threat...), which the time of the report just
    before it dates; `same_sentence_any`: an expression of the trigger's sentence attached elsewhere may date it
    (not a report's time); `neighbours`: failing that, a specific day in the sentence before or after it."""
    if isinstance(published, dt.datetime):
        published = published.date()
    doc = trigger.doc
    sentence = trigger.sent
    best: tuple[tuple[int, int], TimeRef, bool] | None = None
    for ref in _dated(times, sentence.start_char, sentence.end_char, published):
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        level, since_clause = _attachment(span.root, trigger)
        if level is None or (level == 2 and not same_sentence_any):
            continue
        key = (level, abs(span.root.i - trigger.i))
        if best is None or key < best[0]:
            best = (key, ref, since_clause)
    if best is None:
        own_cue = _has_own_cue(trigger, times)  # "recently", "for years", "150 years ago": not the news peg
        found = _from_neighbours(trigger, times, published, verbal) if neighbours and not own_cue else None
        if found is None:
            return undated(trigger, published, modality)
        best = ((3, 0), found, False)
    _, ref, since_clause = best
    if modality == "future" and ref.end_date is not None and ref.end_date < published:
        ref = _as_future(ref, doc, published)
    if since_clause and ref.start_date is not None and ref.start_date <= published:
        ref = dataclasses.replace(ref, end_date=published, granularity="range")
    return with_cue(ref, doc)


def _has_own_cue(trigger: "Token", times: list[TimeRef]) -> bool:
    """Does an expression of the trigger's own clause say when, even one that gives no usable date?"""
    doc, sentence = trigger.doc, trigger.sent
    for ref in times:
        if ref.start is None or ref.end is None or not sentence.start_char <= ref.start < sentence.end_char:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or not len(span) or (ref.type == "DURATION" and span.start > 0
                                             and doc[span.start - 1].lower_ == "to"):
            continue  # "sentenced to 73 months" is a term, not a time
        if _attachment(span.root, trigger)[0] in (0, 1):
            return True
    return False


def undated(trigger: "Token", published: dt.date, modality: str = "asserted") -> TimeRef | None:
    """The date of an event that no expression dates, from its modality and the tense of its clause."""
    if modality in ("future", "hypothetical"):
        return None
    verb = governing_verb(trigger)
    if verb_tense(verb) is None and _present(verb):
        return publication_date(published)  # "Ankara is threatening retaliation", "protesters gather"
    return before_publication(published)


def _present(verb: "Token") -> bool:
    """A verb in the present tense, simple or progressive ("says", "are protesting"), not a past form."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _dated(times: list[TimeRef], start: int, end: int, published: dt.date) -> list[TimeRef]:
    """Expressions within [start, end) that give a calendar interval ("now", "recently" and bare durations don't)
    within the story's time, or that write their year."""
    return [ref for ref in times if ref.start is not None and ref.end is not None and ref.start_date is not None
            and start <= ref.start < end and not (ref.value or "").endswith("_REF")
            and plausible_date(ref.start_date, ref.end_date, ref.text, published)]


def plausible_date(start: dt.date | None, end: dt.date | None, text: str | None, published: dt.date) -> bool:
    """Inside [publication - 100 years, publication + 10 years], or a year written in the expression."""
    first, last = start or end, end or start
    inside = first is not None and last is not None and \
        (published.year - 100, published.month, published.day) <= (first.year, first.month, first.day) and \
        last.year <= published.year + 10
    return inside or bool(_WRITTEN_YEAR.search(text or ""))


def _from_neighbours(trigger: "Token", times: list[TimeRef], published: dt.date, verbal: bool = False) \
        -> TimeRef | None:
    """A specific day in the sentence just before the trigger's, else just after it, that is not a report's time
    (for a verbal act, the report's time in the sentence before is its own time)."""
    doc, sentence = trigger.doc, trigger.sent
    neighbours = []
    if sentence.start > 0:
        neighbours.append((doc[sentence.start - 1].sent, True))
    if sentence.end < len(doc):
        neighbours.append((doc[sentence.end].sent, False))
    for other, before in neighbours:
        refs = [ref for ref in _dated(times, other.start_char, other.end_char, published)
                if _specific(ref) and ((verbal and before) or not _is_report_time(doc, ref))]
        if refs:
            return refs[-1] if before else refs[0]
    return None


def _specific(ref: TimeRef) -> bool:
    """A day, a week or a few weeks: precise enough to carry over to a neighbouring sentence."""
    return ref.start_date is not None and ref.end_date is not None and (ref.end_date - ref.start_date).days <= 31 \
        and ref.granularity != "month"


def _is_report_time(doc, ref: TimeRef) -> bool:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span.root)
    return verb.lower_ in REPORTING_VERBS and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _attachment(root: "Token", trigger: "Token") -> tuple[int | None, bool]:
    """How closely the expression whose head is `root` belongs to the trigger: 0 its own phrase or clause, 1 a
    relative or 'since' clause on it, 2 elsewhere in the sentence, None the time of a report."""
    time_verb = governing_verb(root.head if root.head != root else root)
    if trigger in _up_to(root, time_verb) or time_verb == trigger:
        return 0, False
    trigger_verb = governing_verb(trigger)
    if time_verb == trigger_verb:
        return 0, False
    since = any(c.dep_ == "mark" and c.lower_ == "since" for c in time_verb.children)
    if time_verb.dep_ in ("relcl", "acl") and time_verb.head in (trigger, trigger_verb):
        return 1, False
    if time_verb.dep_ in _CLAUSE_LINKS and time_verb.head in (trigger, trigger_verb):
        return 1, since
    if trigger_verb.dep_ in _CLAUSE_LINKS and trigger_verb.head == time_verb:
        if time_verb.lower_ in REPORTING_VERBS:
            return None, False
        return 1, False
    if time_verb.lower_ in REPORTING_VERBS and _dominates(time_verb, trigger):
        return None, False  # "officials said Sunday that troops shelled the village"
    return 2, False


def _up_to(token: "Token", stop: "Token") -> list["Token"]:
    chain = []
    for ancestor in token.ancestors:
        chain.append(ancestor)
        if ancestor == stop:
            break
    return chain


def _dominates(head: "Token", token: "Token") -> bool:
    return any(ancestor == head for ancestor in token.ancestors)


def _as_future(ref: TimeRef, doc, published: dt.date) -> TimeRef:
    """Re-resolve an expression whose year or week was chosen for a past clause, for a future event."""
    from herald.time.tagger import _default_tagger, to_time_ref

    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return ref
    window = doc[max(0, span.start - 8):min(len(doc), span.end + 3)]
    lo, text = window.start_char, window.text
    for mention in _default_tagger().mentions(text, published, lambda s, e: "future", force_tense="future"):
        if mention.start + lo == ref.start and mention.end + lo == ref.end and mention.resolution.directional:
            again = to_time_ref(mention, text, published)
            if again.start_date is None:
                return ref
            return dataclasses.replace(again, start=ref.start, end=ref.end)
    return ref


def with_cue(ref: TimeRef, doc) -> TimeRef:
    """The expression with the preposition that introduces it ("in September 2021"), for an event's date block."""
    if ref.start is None or ref.end is None:
        return ref
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.start_char != ref.start:
        return ref
    before = doc[span.start - 1]
    if before.lower_ not in _CUE_PREPOSITIONS or not before.whitespace_:
        return ref
    return dataclasses.replace(ref, text=before.text + before.whitespace_ + ref.text, start=before.idx)
