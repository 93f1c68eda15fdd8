"""Demonyms ("Belgian", "South African") as mentions of their country, and the feature names a demonym starts
("the French Quarter"), which are no mention of the country."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from herald.places.generic import FEATURE_WORDS
from herald.places.mentions import DemonymMention, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")


def find_demonyms(text: str, table: dict[str, str | None]) -> list[DemonymMention]:
    """Every demonym of a single country in the text ("Belgian", "South African"), in order."""
    out: list[DemonymMention] = []
    words = [(m.group(), m.start(), m.end()) for m in _CAPITALISED.finditer(text)]
    skip = False
    for k, (word, start, end) in enumerate(words):
        if skip:
            skip = False
            continue
        if k + 1 < len(words) and words[k + 1][1] == end + 1:
            pair = f"{word} {words[k + 1][0]}"
            if pair in table:  # "South African"; "North American" spans no single country
                if table[pair]:
                    out.append(DemonymMention(pair, start, words[k + 1][2], table[pair]))
                skip = True
                continue
        iso3 = table.get(word)
        if iso3:
            out.append(DemonymMention(word, start, end, iso3))
    return out


def demonym_feature_names(doc: Doc, found: list[DemonymMention], taken: set[int]) -> list[Mention]:
    """A demonym followed by a capitalised feature term outside any entity ("the French Quarter"): the name of
    that feature, not a mention of the country."""
    out = []
    for demonym in found:
        span = doc.char_span(demonym.start, demonym.end, alignment_mode="expand")
        if span is None or span.end >= len(doc) or any(k in taken for k in range(span.start, span.end + 1)):
            continue
        head = doc[span.end]
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if after is not None and (after.text[:1].isupper() or after.text in ("of", "and", "&")):
            continue  # "the Canadian Coast Guard", "the American Hotel and Lodging Association": organisations
        if head.text[:1].isupper() and head.text.lower() in FEATURE_WORDS and head.idx == demonym.end + 1:
            name = doc[span.start:span.end + 1]
            out.append(Mention(name.text, name.start_char, name.end_char, "pattern", "NAME", name))
            taken.update(range(name.start, name.end))
    return out
