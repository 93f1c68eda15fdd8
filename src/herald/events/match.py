"""Find trigger words in a sentence: lexicon lookup by surface form, then the entry's conditions on the parse."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from herald.events.lexicon import TriggerEntry, TriggerLexicon
from herald.nlp.arrays import token_arrays
from herald.events.syntax import acts_as_verb, nominal_gerund
from herald.nlp.morph import noun_forms, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAMED = frozenset({"ORG", "GPE", "FAC", "PERSON", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"})
# Words inside these entities are never triggers, whatever their tag: the month "March", a person called "Strike".
NEVER_TRIGGERS = frozenset({"PERSON", "DATE", "TIME"})
_MAX_GAP = 3  # words allowed between the parts of a multi-word trigger ("took many hostages")


@dataclass(slots=True)
class TriggerMatch:
    """A lexicon entry matched at a token. `first`/`last` bound the trigger words in the sentence."""

    token: "Token"
    entry: TriggerEntry
    first: "Token"
    last: "Token"
    obj: "Token | None" = None  # the object that satisfied `objects` ("held talks" -> talks)
    words: tuple[int, ...] = ()  # token indices of all trigger words ("prohibited ... from entering")

    @property
    def specificity(self) -> int:
        return len(self.entry.words) + (2 if self.obj is not None or self.entry.subjects is not None else 0)

    @property
    def start(self) -> int:
        return self.first.idx

    @property
    def end(self) -> int:
        return self.last.idx + len(self.last.text)


def object_tokens(token: "Token", preps: frozenset[str] | None = None) -> list["Token"]:
    """What a verb acts on: direct objects, passive subjects, attributes, and objects of the prepositions `preps`
    (all prepositions when None), with conjuncts. Prepositions may hang on a particle or adverb ("pulled out of the
    treaty", "ordered him back to prison")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            out.append(child)
        elif child.dep_ == "prep" and (preps is None or child.lower_ in preps):
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("prt", "advmod"):
            for grand in child.children:
                if grand.dep_ == "prep" and (preps is None or grand.lower_ in preps):
                    out.extend(c for c in grand.children if c.dep_ == "pobj")
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "a journalist arrested over ...": the head is the patient
        out.append(token.head)
    more = [c for o in out for c in o.children if c.dep_ == "conj"]
    return out + more


def _forms_match(token: "Token", words: frozenset[str]) -> bool:
    lower = token.lower_
    if lower in words:
        return True
    # compound objects: "military aid" matches "aid"; "the Taliban's ban" matches "ban"
    return any(f"{c.lower_} {lower}" in words for c in token.children if c.dep_ in ("compound", "amod"))


def _find_words(token: "Token", words: tuple[str, ...], after: bool) -> list[int] | None:
    """Indices of the extra words of a multi-word trigger, in order: after a verb ("call ... for", up to _MAX_GAP
    words between, any inflection) or right before a head noun ("business mission", one word between), else None."""
    doc, sent = token.doc, token.sent
    position = token.i
    found_at: list[int] = []
    for word in (words if after else tuple(reversed(words))):
        forms = noun_forms(word) | verb_forms(word) if after else {word}
        span = range(position + 1, min(position + 2 + _MAX_GAP, sent.end)) if after else \
            range(position - 1, max(position - 3, sent.start - 1), -1)
        found = next((i for i in span if doc[i].lower_ in forms), None)
        if found is None:
            return None
        position = found
        found_at.append(found)
    return found_at


def match_entry(token: "Token", entry: TriggerEntry) -> TriggerMatch | None:
    """Check one entry's conditions at a token."""
    first = last = token
    positions = [token.i]
    if entry.words:
        found = _find_words(token, entry.words, after=entry.pos == "verb")
        if found is None:
            return None
        positions += found
        first, last = token.doc[min(positions)], token.doc[max(positions)]
    objects = object_tokens(token) if entry.pos == "verb" else [
        c for p in token.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
    if entry.pos == "verb":  # a particle that is not the entry's own makes another verb: "caught up with"
        objects += [c for c in token.children if c.dep_ == "prt" and c.i not in positions]
    if entry.not_objects and any(_forms_match(o, entry.not_objects) for o in objects):
        return None
    if entry.pos == "verb":  # the required object: direct, or after one of the entry's own prepositions
        objects = object_tokens(token, frozenset(entry.recipient))
    if entry.not_objects and entry.pos == "verb":  # "declined to comment"
        if any(c.dep_ in ("xcomp", "acomp") and c.lower_ in entry.not_objects for c in token.children):
            return None
    obj = None
    if entry.objects is not None:
        obj = next((o for o in objects if _forms_match(o, entry.objects)), None)
        if obj is None:
            return None
    if entry.subjects is not None:  # "mortar shells hit an army post", "was struck by a rocket"
        verbs = [token, token.head] if token.dep_ == "conj" else [token]  # "shells were fired and hit a post"
        subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
        if not any(_forms_match(s, entry.subjects) for s in subjects):
            return None
    if entry.not_subjects:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if entry.pos == "noun" and token.dep_ == "nsubj":
            subjects = []
        if any(s.lower_ in entry.not_subjects or _forms_match(s, entry.not_subjects) for s in subjects):
            return None
    if entry.intransitive and any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in token.children):
        return None
    if entry.transitive and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "dative") for c in token.children) \
            and not (token.dep_ == "acl" and token.tag_ == "VBN"):  # "the offer declined by Kenya"
        return None
    if entry.requires:
        near = {c.lower_ for c in token.children} | {g.lower_ for c in token.children for g in c.children}
        if not near & entry.requires:
            return None
    return TriggerMatch(token=token, entry=entry, first=first, last=last, obj=obj, words=tuple(sorted(positions)))


def find_triggers(sent: "Span", lexicon: TriggerLexicon) -> list[TriggerMatch]:
    """Every trigger in the sentence; at one token only the most specific matches of each event type are kept."""
    out: list[TriggerMatch] = []
    doc = sent.doc
    arrays = token_arrays(doc)  # plain lists: no Token object for words that are in no lexicon
    verbs, nouns = lexicon.verbs, lexicon.nouns
    for i in range(sent.start, sent.end):
        lower = arrays.texts[i].lower()
        if lower not in verbs and lower not in nouns:
            continue
        token = doc[i]
        if token.ent_type_ in NEVER_TRIGGERS and token.text[:1].isupper():
            continue
        tag = token.tag_
        if tag.startswith("VB"):
            entries = verbs.get(lower, [])
            if tag == "VBG" and (not entries or nominal_gerund(token)):  # "the killing of", "fighting between"
                entries = nouns.get(lower, []) or entries
        elif tag.startswith("NN"):
            if token.ent_type_ in NAMED:  # "the U.S. Mission to the United Nations" is a name, not a visit
                continue
            entries = nouns.get(lower, [])
            if acts_as_verb(token):  # mis-tagged verb: "is expected visit India"
                entries = verbs.get(lower, []) or entries
        else:
            continue
        if not entries:
            continue
        matches = [m for m in (match_entry(token, e) for e in entries) if m is not None]
        if not matches:
            continue
        best = max(m.specificity for m in matches)
        if best > 0:  # "imposed sanctions" beats a bare "impose"; "air strike" beats "strike"
            matches = [m for m in matches if m.specificity == best]
        seen: set[str] = set()
        for m in sorted(matches, key=lambda m: -m.entry.confidence):
            if m.entry.event not in seen:
                seen.add(m.entry.event)
                out.append(m)
    return out
