"""Is the clause around a temporal expression about the future? ("will meet Friday", "planned for November").

Read from the dependency parse when there is one, else from the words of the clause.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from herald.time.lexicon import FUTURE_AUXILIARIES, FUTURE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TenseTest = Callable[[int, int], "str | None"]  # "future", "past" or None (present, no verb)
_FUTURE_HEADS = frozenset({"going", "plan", "plans", "planned", "planning", "expected", "expects", "expect", "set",
                           "scheduled", "due", "slated", "intends", "intend", "aims", "aim", "hopes", "wants",
                           "promised", "pledged", "vowed", "threatened", "agreed", "decided", "prepared", "ready"})
_TEXT_FUTURE = re.compile(r"\b(?:will|shall|won't|going\s+to|plans?\s+to|planned|planning|scheduled|expected\s+to"
                          r"|due\s+to|upcoming|set\s+to|slated|forthcoming)\b|'ll\b", re.IGNORECASE)
_TEXT_PAST = re.compile(r"\b(?:was|were|had|did|ago|[a-z]{3,}ed)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")


def governing_verb(token: "Token") -> "Token":
    """The verb (or modal) that governs a token: the token itself, or the first verb among its heads."""
    for _ in range(12):
        if token.tag_.startswith("VB") or token.tag_ == "MD" or token.head == token:
            return token
        token = token.head
    return token


def verb_tense(verb: "Token") -> str | None:
    """'future' for a verb with a future auxiliary, a planning word, or under one ("are expected to meet");
    'past' for a past form ("met", "has met"); None otherwise."""
    for _ in range(4):
        lower = verb.lower_
        if lower in FUTURE_WORDS and verb.tag_ in ("VBN", "JJ", "VBG", "VBZ", "VBP"):
            return "future"
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUXILIARIES:
                return "future"
            if child.dep_ == "amod" and child.lower_ in ("upcoming", "forthcoming", "next"):
                return "future"
        if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in
                                                                       ("has", "have", "had"))
                                     for c in verb.children):
            return "past"
        if verb.dep_ == "xcomp" and verb.head.lower_ in _FUTURE_HEADS:
            return "future"
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return None
        verb = verb.head
    return None


def doc_tense_test(doc: "Doc", text: str | None = None) -> TenseTest:
    """A test reading the tense of the clause that governs the characters [start, end) of `doc` (`text` is
    `doc.text`, when the caller has it already)."""
    fallback = text_tense_test(doc.text if text is None else text)

    def tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return fallback(start, end)
        root = span.root
        for token in root.ancestors:  # "the upcoming mission ... in November"
            if token.lower_ in ("upcoming", "forthcoming"):
                return "future"
            if token.tag_.startswith("VB"):
                break
        for child in root.head.children:
            if child.dep_ == "amod" and child.lower_ in ("upcoming", "forthcoming"):
                return "future"
        return verb_tense(governing_verb(root))

    return tense


def text_tense_test(text: str) -> TenseTest:
    """A parse-free test on the sentence up to just after the expression: 'future' for a future word ("will",
    "planned"), else 'past' for a past form ("was", "-ed"), else None."""

    def tense(start: int, end: int) -> str | None:
        left = max(0, start - 120)
        window_start = left
        for boundary in _SENTENCE_END.finditer(text, left, start):
            window_start = boundary.end()
        stop = _SENTENCE_END.search(text, end, min(len(text), end + 60))
        window_end = stop.start() if stop else min(len(text), end + 60)
        if _TEXT_FUTURE.search(text, window_start, window_end):
            return "future"
        return "past" if _TEXT_PAST.search(text, window_start, window_end) else None

    return tense
