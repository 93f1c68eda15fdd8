"""What toponym recognition finds: mentions of places and demonyms, and the span helpers that cut them out of
spaCy's entities."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.nlp.dateline import Dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(slots=True)
class Mention:
    """A toponym in the body: its words, offsets and where it was found."""

    text: str
    start: int
    end: int
    source: str  # dateline | ner | gazetteer | pattern
    label: str = ""  # the spaCy label, DATELINE, GAZ or NAME
    span: Span | None = None
    region: "Mention | None" = None  # "Boise, Idaho": Idaho qualifies Boise
    region_text: str | None = None  # an abbreviation qualifying it ("N.M.", "Ore.")
    is_qualifier: bool = False  # this mention qualifies the one before it


@dataclass(slots=True)
class Recognition:
    mentions: list[Mention] = field(default_factory=list)
    dateline: Dateline | None = None
    demonyms: list[DemonymMention] = field(default_factory=list)  # nationality adjectives, in order

    @property
    def demonym_countries(self) -> list[str]:
        """ISO3 of each demonym, in order."""
        return [d.country for d in self.demonyms]


@dataclass(frozen=True, slots=True)
class DemonymMention:
    """A nationality adjective or demonym standing for its country ("Russian troops", "two Kenyans")."""

    text: str
    start: int
    end: int
    country: str  # ISO3


def trim(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives and punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        token = doc[start]
        if not (token.tag_ in ("DT", "PRP$") or token.is_punct):
            break
        start += 1
    while end > start:
        token = doc[end - 1]
        if not (token.tag_ == "POS" or token.is_punct or token.is_space):
            break
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return doc[start:end] if end > start else None


def split_commas(span: Span) -> list[Span]:
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            if token.i > start:
                parts.append(span.doc[start:token.i])
            start = token.i + 1
    if span.end > start:
        parts.append(span.doc[start:span.end])
    return parts


def entity_spans(doc: Doc) -> list[Span]:
    """The doc's entities, read from its arrays (cheaper than `doc.ents`, which builds every Token)."""
    from spacy.tokens import Span
    iob, types = doc.to_array("ENT_IOB").tolist(), doc.to_array("ENT_TYPE").tolist()
    spans, start, label = [], -1, 0
    for k, (tag, ent_type) in enumerate(zip(iob, types)):
        if start >= 0 and tag != 1:  # 1 = I (inside), 3 = B, 2 = O
            spans.append(Span(doc, start, k, label=label))
            start = -1
        if tag == 3:
            start, label = k, ent_type
    if start >= 0:
        spans.append(Span(doc, start, len(iob), label=label))
    return spans
