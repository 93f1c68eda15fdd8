"""Sentence boundaries set before the parser runs (the parser keeps them and decides the others).

- A blank line ends a sentence: a date line, a heading or a caption on its own line is not the start of the next
  sentence ("Saturday, January 5, 2019\n\nA fire killed ..." is two sentences). A single line break is not: wire
  copy is often hard-wrapped.
- A wire dateline ends where the story starts ("MIAMI, March 23 - Treasury Secretary James Baker urged ..."): the
  city is where the story was filed, never the subject of its first sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from herald.places.dateline import parse_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "herald_sentence_starts"


def sentence_starts(doc: "Doc") -> "Doc":
    """Mark the first token after each blank line and after a leading dateline as a sentence start."""
    if len(doc) < 2:
        return doc
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    dateline = parse_dateline(doc.text)
    if dateline is not None:
        story = next((t for t in doc if t.idx >= dateline.span_end and not t.is_space), None)
        if story is not None and story.i > 0:
            story.is_sent_start = True
    return doc


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=sentence_starts)
