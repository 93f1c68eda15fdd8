"""Toponym recognition: which words of an article name places.

Sources: the dateline; spaCy entities GPE, LOC and FAC (plus ORG entities that are exactly a country name, which
the small English model sometimes mislabels); and proper-noun runs that the NER missed but that are names of
countries, continents, first-level divisions or cities of 100,000 or more. Excluded: demonyms ("Belgian",
"Flemish") and actor metonyms, a city name standing for its government as the subject of a verb of saying or
stance ("Washington said", "Moscow warned").
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from herald.nlp.arrays import token_arrays
from herald.nlp.morph import verb_forms
from herald.nlp.dateline import Dateline, parse_dateline
from herald.places.generic import FEATURE_WORDS, feature_class, is_generic_name
from herald.places.demonyms import demonym_feature_names, find_demonyms
from herald.places.mentions import Mention, Recognition, entity_spans, split_commas, trim
from herald.places.names import demonyms, region_abbreviations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
_PROPER = frozenset({"NNP", "NNPS"})
STANCE_VERBS = ("say", "tell", "warn", "announce", "deny", "accuse", "urge", "insist", "reject", "respond",
                "claim", "believe", "want", "demand", "condemn", "criticize", "criticise", "threaten", "vow",
                "refuse", "agree", "welcome", "protest", "blame", "argue", "state", "declare", "promise",
                "call", "push", "press", "seek", "hope", "expect", "fear", "signal", "suggest", "confirm",
                "retaliate", "respond", "sanction", "recognize", "recognise", "dismiss", "praise", "insist")
# Capitalised words that are also names of big places but rarely mean them when the NER did not tag them.
NOT_PLACES = frozenset({
    "independence", "mobile", "reading", "nice", "split", "victoria", "florence", "charlotte", "jackson",
    "lincoln", "hamilton", "austin", "orange", "eugene", "bath", "phoenix", "concord", "unity", "liberty",
    "temple", "mission", "enterprise", "opportunity", "progress", "surprise", "paradise", "same", "union",
    "march", "may", "june", "august", "most", "deal", "hope", "angel", "jordan", "chad", "georgia",
    "president", "premier", "parliament", "senate", "congress", "university", "republic", "state", "city",
    "regina", "carmel", "columbia", "sale", "bury", "wells", "brighton", "cork", "derby", "marathon",
    "bristol", "oxford", "cambridge", "trump", "young", "white", "green", "brown", "white house",
    "north", "south", "east", "west", "centre", "center", "central", "northern", "southern", "eastern", "western",
    "north west", "north east", "south west", "south east", "midlands", "capital", "coast", "littoral", "islands",
    "village", "town", "county", "river", "lake", "mount", "port", "fort", "bay", "beach", "island", "park",
    "valley", "springs", "heights", "falls", "harbor", "harbour", "garden", "gardens", "village de", "national",
    "federal", "royal", "liberty", "freedom", "victory", "hope", "faith", "grace", "providence", "metro",
})
# Words after a town's name that make an organisation local ("Gainesville Police", "Hall County Schools").
LOCAL_BODY_WORDS = frozenset({
    "police", "county", "city", "council", "sheriff", "sheriff's", "fire", "school", "schools", "district",
    "hospital", "university", "college", "board", "department", "public", "municipal", "township", "airport",
    "regional", "area", "memorial", "community", "state", "town", "village", "borough", "parish", "court",
    "library", "chamber", "port", "metro", "metropolitan", "housing", "water", "transit", "high", "middle",
    "elementary", "zoo", "museum", "symphony", "times", "post", "herald", "tribune", "journal", "gazette",
    "daily", "news", "observer", "chronicle", "star", "examiner", "city's", "county's"})
# Words that qualify a region rather than name a place: "Latin America" is not "America".
_QUALIFYING_WORDS = frozenset({"latin", "north", "south", "east", "west", "central", "northern", "southern",
                               "eastern", "western", "middle", "upper", "lower", "greater", "new", "old", "sub",
                               "saharan", "sub-saharan", "inner", "outer"})


@lru_cache(maxsize=1)
def _stance_forms() -> frozenset[str]:
    return frozenset(form for verb in STANCE_VERBS for form in verb_forms(verb))


def _locative_object(span: Span) -> bool:
    """"in Alexandria", "to Tbilisi": the name is the object of a place preposition."""
    root = span.root
    return root.dep_ == "pobj" and root.head.text.lower() in ("in", "at", "near", "from", "to", "outside", "into")


def is_actor_metonym(span: Span) -> bool:
    """A place name used as the subject of a verb of saying or stance ("Washington said")."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.text.lower() in _stance_forms()


class ToponymRecognizer:
    """Finds toponym mentions in a parsed article. The name tests (`is_major`, `is_country`...) come from the
    gazetteer."""

    def __init__(self, is_major: Callable[[str], bool], is_country: Callable[[str], bool],
                 is_city: Callable[[str], bool], is_known: Callable[[str], bool],
                 is_notable: Callable[[str], bool]):
        self._is_major = is_major
        self._is_notable = is_notable
        self._is_known = is_known
        self._is_country = is_country
        self._is_city = is_city

    def recognise(self, doc: Doc, text: str | None = None) -> Recognition:
        """Toponym mentions of `doc`; `text` is its text when the caller has it (`doc.text` is rebuilt from the
        tokens on each access)."""
        text = text if text is not None else doc.text
        found = Recognition(dateline=parse_dateline(text))
        table = demonyms()
        taken: set[int] = set()  # token indices already in a mention
        if found.dateline:
            found.mentions.extend(self._dateline_mentions(doc, found.dateline, taken))
        found.demonyms = find_demonyms(text, table)
        ents = entity_spans(doc)
        for ent in ents:
            label = ent.label_
            if label not in PLACE_LABELS and label not in ("ORG", "PERSON"):
                continue
            ent_text = text[ent.start_char:ent.end_char]
            if ent_text in table or (label == "PERSON" and not self._is_major(ent_text)):
                continue
            if label == "ORG" and not (self._is_country(ent_text) or self._is_notable(ent_text.split(" ", 1)[0])
                                       or len(ent) > 2):
                continue
            trimmed = trim(ent)
            if trimmed is None or any(t.i in taken for t in trimmed):
                continue
            feature_name = len(trimmed) > 1 and feature_class(trimmed.text) is not None
            if trimmed[0].text in table and not self._is_country(trimmed.text) and not feature_name:
                continue  # "Belgian Senate" is not a place; "Saudi Arabia" and "the Indian Ocean" are
            if found.dateline and trimmed.start_char < found.dateline.span_end:
                continue  # the agency of "BRUSSELS. KAZINFORM -" or "NAIROBI. KENYA NEWS -"
            if label == "ORG" and feature_name and trimmed[0].text in table:
                parts = [trimmed]  # "the Arabian Sea" tagged as an organisation: a sea, not a country
            elif label == "ORG":
                parts = self._place_in_organisation(trimmed)
            elif label == "PERSON":
                parts = [trimmed] if self._is_major(trimmed.text) and _locative_object(trimmed) else []
            else:
                trimmed = self._widen(trimmed, taken) if label in ("GPE", "LOC") else trimmed
                parts = split_commas(trimmed)
                if len(parts) == 1 and len(trimmed) > 1 and ent.label_ in ("GPE", "LOC") \
                        and not self._is_known(trimmed.text):
                    parts = self._split_list(trimmed)  # "Greece Italy" (a list without commas)
            previous: Mention | None = None
            for part in parts:
                part = trim(part) if len(parts) > 1 else part
                if part is None or part.text in table:
                    continue
                if is_actor_metonym(part) and self._is_city(part.text) and not self._is_country(part.text):
                    continue
                mention = Mention(part.text, part.start_char, part.end_char, "ner", ent.label_, part)
                if previous is not None:
                    previous.region, mention.is_qualifier = mention, True
                found.mentions.append(mention)
                taken.update(range(part.start, part.end))
                previous = mention
        found.mentions.extend(demonym_feature_names(doc, found.demonyms, taken))
        found.mentions.extend(self._gazetteer_mentions(doc, taken))
        found.mentions.sort(key=lambda m: m.start)
        found.mentions = self._drop_person_like(found.mentions, ents, text)
        self._link_qualifiers(doc, found.mentions)
        return found

    def _place_in_organisation(self, span: Span) -> list[Span]:
        """A country named as an organisation ("Kazakhstan" tagged ORG), or the place an organisation's name
        starts with ("Gainesville Police Department", "Ohio State University")."""
        if self._is_country(span.text):
            return [span]
        for size in range(min(3, len(span) - 1), 0, -1):
            head = span.doc[span.start:span.start + size]
            if head.text.isupper() and len(head.text) <= 4 and not self._is_country(head.text):
                continue  # "UN Mission", "AP", "BBC": acronyms, not towns
            after = span.doc[head.end] if head.end < len(span.doc) else None
            if head[-1].tag_ not in ("NNP", "NNPS") or head.text.lower() in NOT_PLACES or \
                    (after is not None and after.tag_ == "POS"):  # "Moody's"
                continue
            local_body = after is not None and after.text.lower() in LOCAL_BODY_WORDS
            if self._is_major(head.text) or (local_body and self._is_notable(head.text)):
                if span.end == head.end + 1 and after.text[:1].isupper() and after.text.lower() in FEATURE_WORDS:
                    return [span]  # "the Liverpool Academy", a place named after Liverpool: only as a whole
                return [head]
        return []

    def _drop_person_like(self, mentions: list[Mention], ents: list[Span], text: str) -> list[Mention]:
        """Unknown names that the NER calls a place once but a person or organisation elsewhere in the article
        ("Modi", "Buhari"), or that say things ("Guhdar said"), are not places."""
        others = {text[ent.start_char:ent.end_char] for ent in ents if ent.label_ in ("PERSON", "ORG")}
        kept = []
        for mention in mentions:
            if mention.source == "ner" and not mention.is_qualifier and mention.label != "ORG" and \
                    not self._is_known(mention.text) and (
                    mention.text in others or (mention.span is not None and is_actor_metonym(mention.span))):
                continue
            kept.append(mention)
        return kept

    def _widen(self, span: Span, taken: set[int]) -> Span:
        """A place entity that is part of a longer major name with the proper nouns next to it ("Baja" before
        "California", "U.S." before "Virgin Islands"): the longer name."""
        doc = span.doc
        best = span
        for left in range(0, 3):
            for right in range(0, 4):
                start, end = span.start - left, span.end + right
                if (left, right) == (0, 0) or start < 0 or end > len(doc) or end - start <= len(best):
                    continue
                added = [doc[k] for k in (*range(start, span.start), *range(span.end, end))]
                if any(t.i in taken or t.tag_ not in _PROPER for t in added):
                    continue
                if self._is_major(doc[start:end].text):
                    best = doc[start:end]
        return best

    def _split_list(self, span: Span) -> list[Span]:
        """An unknown multi-word name: split a run of major places ("Greece Italy"), or shrink it to the major
        place it ends or starts with ("Building Ireland", "Asia-Pacific"); else keep it whole."""
        words = [t for t in span if not t.is_punct]
        if all(self._is_major(token.text) for token in words):
            named = [span.doc[t.i:t.i + 1] for t in words if not is_generic_name(t.text)]
            return named or [span]  # "north west London": London; "North West": kept whole
        if feature_class(span.text) is not None:
            return [span]  # "the Tijuana River", "the Nile Delta", "East of England": a feature, not its parts
        doc = span.doc
        for size in range(len(span) - 1, 0, -1):
            for sub in (doc[span.end - size:span.end], doc[span.start:span.start + size]):
                rest = [t.text.lower() for t in span if t.i < sub.start or t.i >= sub.end]
                if sub[0].is_punct or sub[-1].is_punct or any(w in _QUALIFYING_WORDS for w in rest) or \
                        is_generic_name(sub.text):
                    continue
                if self._is_major(sub.text):
                    return [sub]
        return [span]

    def _dateline_mentions(self, doc: Doc, dateline: Dateline, taken: set[int]) -> list[Mention]:
        out = []
        span = doc.char_span(dateline.start, dateline.end, alignment_mode="expand")
        place = Mention(dateline.place, dateline.start, dateline.end, "dateline", "DATELINE", span)
        out.append(place)
        if span is not None:
            taken.update(range(span.start, span.end))
        if dateline.region and dateline.region_start is not None and dateline.region_end is not None:
            region_span = doc.char_span(dateline.region_start, dateline.region_end, alignment_mode="expand")
            if dateline.region in region_abbreviations():
                place.region_text = dateline.region
            else:
                region = Mention(dateline.region, dateline.region_start, dateline.region_end, "dateline",
                                 "DATELINE", region_span, is_qualifier=True)
                place.region = region
                out.append(region)
            if region_span is not None:
                taken.update(range(region_span.start, region_span.end))
        return out

    def _gazetteer_mentions(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Proper-noun runs outside any entity that name a major place."""
        out: list[Mention] = []
        table = demonyms()
        arrays = token_arrays(doc)  # shared with the actors and events stages: computed once per Doc
        usable = [tag in _PROPER and not ent and k not in taken
                  for k, (tag, ent) in enumerate(zip(arrays.tags, arrays.ents))]
        i, n = 0, len(doc)
        while i < n:
            if not usable[i] or not arrays.texts[i][:1].isupper():
                i += 1
                continue
            j = i
            while j < n and j - i < 4 and usable[j]:
                j += 1
            matched = False
            for end in range(j, i, -1):  # longest first
                span = doc[i:end]
                text = span.text
                if text.lower() in NOT_PLACES or text in table or text.isupper() and len(text) <= 3 \
                        and not self._is_country(text):
                    continue
                if is_generic_name(text):
                    continue  # "Quarter", "Wing", "Delta" inside a longer name
                head_of = i >= 2 and arrays.texts[i - 1] == "of" and arrays.texts[i - 2][:1].isupper() and \
                    is_generic_name(arrays.texts[i - 2]) and i - 2 not in taken
                if self._is_major(text) and (head_of or end < n and usable[end] and arrays.texts[end][:1].isupper()
                                             and arrays.texts[end].lower() in FEATURE_WORDS):
                    # "Windsor Castle", "the East of England": the castle and the region, not Windsor or England
                    span = doc[i - 2:end] if head_of else doc[i:end + 1]
                    out.append(Mention(span.text, span.start_char, span.end_char, "gazetteer", "GAZ", span))
                    taken.update(range(span.start, span.end))
                    i, matched = span.end, True
                    break
                if self._is_major(text) and not (is_actor_metonym(span) and not self._is_country(text)):
                    out.append(Mention(text, span.start_char, span.end_char, "gazetteer", "GAZ", span))
                    taken.update(range(i, end))
                    i, matched = end, True
                    break
            if not matched:
                i = j if j > i else i + 1
        return out

    @staticmethod
    def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
        """"Boise, Idaho": mark Idaho as qualifying Boise; "Portland, Ore.": keep the abbreviation."""
        abbreviations = region_abbreviations()
        for k, mention in enumerate(mentions):
            if mention.region is not None or mention.region_text or mention.span is None:
                continue
            after = mention.span.end
            if after + 1 < len(doc) and doc[after].text == ",":
                nxt = mentions[k + 1] if k + 1 < len(mentions) else None
                if nxt is not None and nxt.span is not None and nxt.span.start == after + 1:
                    mention.region, nxt.is_qualifier = nxt, True
                    continue
                word = doc[after + 1].text
                if word in abbreviations:
                    mention.region_text = word
                elif word + "." in abbreviations and after + 2 < len(doc) and doc[after + 2].text == ".":
                    mention.region_text = word + "."
