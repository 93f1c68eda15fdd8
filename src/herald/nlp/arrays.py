"""Per-Doc token arrays shared by every stage after the parse (actors, events, places): the attributes of all
tokens as plain Python lists, read with one `Doc.to_array` call and cached in `doc.user_data`, so no stage builds
a spaCy Token per word. `keys` are the look-up keys of the lexicons (lower case, typographic quotes and dashes
folded: `fold`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """The look-up key of a token: lower case, typographic quotes and dashes folded (also herald.actors.lexicon.norm)."""
    return text.translate(_FOLD).lower()


@dataclass(slots=True)
class TokenArrays:
    """Token attributes of a Doc as plain lists (one C call; Python attribute access per token is slow)."""

    texts: list[str]
    keys: list[str]
    tags: list[str]
    deps: list[str]
    heads: list[int]
    ents: list[str]
    sent_start: list[int]
    space: list[bool]
    idx: list[int]
    left_edge: list[int]


_STRINGS: dict[int, str] = {}
_NORMS: dict[str, str] = {}


def token_arrays(doc: "Doc") -> TokenArrays:
    """The arrays of a Doc, computed once and kept in `doc.user_data` for every stage that reads them."""
    cached = doc.user_data.get("herald.token_arrays")
    if cached is None or len(cached.texts) != len(doc):
        cached = doc.user_data["herald.token_arrays"] = _token_arrays(doc)
    return cached


def _token_arrays(doc: "Doc") -> TokenArrays:
    import numpy
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, ORTH, SENT_START, SPACY, TAG

    arr = doc.to_array([ORTH, TAG, DEP, HEAD, ENT_TYPE, SENT_START, SPACY, IDX])
    n = len(doc)
    positions = numpy.arange(n, dtype=numpy.int64)
    heads = (positions + arr[:, 3].view(numpy.int64)).tolist()
    sent_start = numpy.maximum.accumulate(numpy.where(arr[:, 5] == 1, positions, 0)).tolist() if n else []
    strings, cache, norms = doc.vocab.strings, _STRINGS, _NORMS

    def string(h: int) -> str:
        v = cache.get(h)
        if v is None:
            v = cache[h] = strings[h] if h else ""
        return v

    def key(text: str) -> str:
        v = norms.get(text)
        if v is None:
            if len(norms) > 200_000:
                norms.clear()
            v = norms[text] = fold(text)
        return v

    orth, tag, dep, ent = (arr[:, c].tolist() for c in (0, 1, 2, 4))
    texts = [cache[h] if h in cache else string(h) for h in orth]
    return TokenArrays(texts, [norms[t] if t in norms else key(t) for t in texts],
                       [cache[h] if h in cache else string(h) for h in tag],
                       [cache[h] if h in cache else string(h) for h in dep], heads,
                       [cache[h] if h in cache else string(h) for h in ent], sent_start,
                       [x == 1 for x in arr[:, 6].tolist()], arr[:, 7].tolist(), _left_edges(heads))


def _left_edges(heads: list[int]) -> list[int]:
    """The first token of each token's subtree (spaCy's parses are projective), in one pass."""
    left = list(range(len(heads)))
    for j in range(len(heads)):
        h, child = heads[j], j
        while h != child and left[h] > j:
            left[h] = j
            h, child = heads[h], h
    return left
