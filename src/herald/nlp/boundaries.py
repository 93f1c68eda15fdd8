"""Sentence boundaries set before the parser runs (the parser keeps them and decides the others).

- A blank line ends a sentence: a date line, a heading or a caption on its own line is not the start of the next
  sentence ("Saturday, January 5, 2019\n\nA fire killed ..." is two sentences). A single line break is not: wire
  copy is often hard-wrapped.
- A wire dateline ends where the story starts ("MIAMI, March 23 - Treasury Secretary James Baker urged ..."): the
  city is where the story was filed, never the subject of its first sentence.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from herald.nlp.dateline import parse_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "herald_sentence_starts"


def sentence_starts(doc: "Doc") -> "Doc":
    """Mark the first token after each blank line and after a leading dateline as a sentence start. Reads the text
    and the token offsets, not a Token per word."""
    if len(doc) < 2:
        return doc
    text = doc.text
    starts = doc.to_array("IDX").tolist()
    at = text.find("\n\n")
    while at != -1:
        _start_at(doc, starts, text, at + 2)
        at = text.find("\n\n", at + 2)
    dateline = parse_dateline(text)
    if dateline is not None:
        _start_at(doc, starts, text, dateline.span_end)
    return doc


def _start_at(doc: "Doc", starts: list[int], text: str, char: int) -> None:
    """The first word at or after character `char` (past any whitespace), unless it is the first, starts a
    sentence."""
    while char < len(text) and text[char].isspace():
        char += 1
    k = bisect_left(starts, char)
    if 0 < k < len(starts) and starts[k] == char:
        doc[k].is_sent_start = True


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=sentence_starts)
