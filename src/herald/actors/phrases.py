"""Actor phrases in a spaCy Doc: lexicon items, noun chunks, and the trees that join them.

1. Items: one left-to-right pass over the tokens finds the longest lexicon match at each position (countries,
   adjectives, seats of government, organisations, named people, roles, honorifics...), then runs of capitalised
   name-like tokens (possible people or organisations the lexicon does not know) and pronouns.
2. Segments: a noun chunk per nominal head (dependency parse, PTB tags; the pipeline has no POS tags so spaCy's own
   `noun_chunks` cannot run), from the head's left edge to the head.
3. Trees: segments are joined by the words between them, not by the parse, because the small model often attaches
   names and prepositional phrases wrongly: "Ambassador [of Kazakhstan] [to Belgium], [Margulan Baimukhan]",
   "the Chairman [of the Majilis [of Kazakhstan]] [Nurlan Nigmatulin]", "the UN Mission ... [(UNAMA)]".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, GENERIC, GROUP_REF, HONORIFIC, ORG, PEOPLE, PERSON,
                                   ROLE, SECTOR_ADJ, Entry, norm)
from herald.nlp.arrays import TokenArrays, token_arrays

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from herald.actors.gazetteer import ActorGazetteer

NAME = "name"          # a capitalised name the lexicon does not know (a person or organisation)
PRONOUN = "pronoun"

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
HEAD_TAGS = NOUN_TAGS | {"PRP"}
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det", "case", "quantmod", "predet",
                           "npadvmod", "punct", "cc", "advmod", "prt", "aux", "neg", "meta"})
CHUNK_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH",
                        "VBN", "VBG", "``", "''", "CC", "FW", "RB", "PRP"})
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "it", "its", "his", "their"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "der", "den", "da", "di",
                            "du", "la", "le", "del", "dos", "das", "ter", "-", "'s"})
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", ""})
NAME_ENT_PRIORITY = ("PERSON", "ORG", "GPE", "FAC", "NORP")  # the label a name takes when its words have several
ATTACH_PREPS = frozenset({"of", "to", "in", "from", "on", "for", "throughout", "across"})
OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "‘": "’"}
QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "millions", "scores", "tens", "number", "crowds",
                            "majority", "rest"})
# Roles whose holder is posted to another country: "Ambassador of Kazakhstan to Belgium".
ENVOY_ROLES = frozenset({
    "ambassador", "envoy", "special envoy", "consul", "consul general", "chargé d'affaires", "charge d'affaires",
    "attaché", "attache", "embassy", "consulate", "mission", "diplomatic mission", "permanent mission",
    "delegation", "business mission", "business delegation", "representative", "permanent representative",
    "military mission", "parliamentary delegation"})
ORPHAN_KINDS = frozenset({ROLE, GENERIC, ORG, PERSON, NAME, COUNTRY, CAPITAL})
ACTOR_KINDS = frozenset({COUNTRY, ADJECTIVE, PEOPLE, CAPITAL, ORG, PERSON, ROLE, GENERIC, NAME, PRONOUN, GROUP_REF})


@dataclass(slots=True)
class Item:
    """A lexicon match, a capitalised name or a pronoun over tokens [start, end)."""

    start: int
    end: int
    kind: str
    entries: list[Entry] = field(default_factory=list)
    ner: str = ""

    @property
    def entry(self) -> Entry | None:
        return self.entries[0] if self.entries else None


@dataclass(slots=True)
class Segment:
    """A noun chunk [start, end) with its head, and its place in a phrase tree."""

    start: int
    end: int
    head: int
    items: list[Item] = field(default_factory=list)
    parent: int | None = None
    rel: str | None = None         # of | to | in | from | on | for | appos | paren | quote
    children: list[int] = field(default_factory=list)

    @property
    def head_item(self) -> Item | None:
        return next((it for it in self.items if it.start <= self.head < it.end), None)


@dataclass
class ParsedActors:
    """The items and phrase trees of one Doc."""

    doc: "Doc"
    tokens: TokenArrays
    items: list[Item]
    segments: list[Segment]
    segment_at: dict[int, int]   # token index -> segment index

    @property
    def keys(self) -> list[str]:
        return self.tokens.keys

    @property
    def sent_start(self) -> list[int]:
        return self.tokens.sent_start

    def root_of(self, index: int) -> int:
        while self.segments[index].parent is not None:
            index = self.segments[index].parent
        return index


def find_items(ta: TokenArrays, gaz: "ActorGazetteer", known=None) -> list[Item]:
    texts, keys, tags = ta.texts, ta.keys, ta.tags
    n = len(texts)
    items: list[Item] = []
    names_first, roles_first, group_refs = gaz.names._by_first, gaz.roles._by_first, gaz.group_refs
    i = 0
    while i < n:
        key = keys[i]
        if key not in names_first and key not in roles_first:
            if tags[i] in ("PRP", "PRP$") and key in PRONOUNS:
                items.append(Item(i, i + 1, PRONOUN))
            elif key in group_refs and tags[i] == "NNS":
                items.append(Item(i, i + 1, GROUP_REF))
            i += 1
            continue
        m_name = gaz.match_names(keys, texts, i, n) if key in names_first else None
        if m_name is not None and i > 1 and keys[i - 1] == "-" and keys[i - 2] in ("pro", "anti", "non"):
            m_name = None   # "pro-Iranian", "anti-American": an attitude, not a country's actor
        m_role = gaz.match_roles(keys, texts, i, n) if key in roles_first else None
        if m_role is not None and (not _role_ok(m_role, tags) or _inside_name(ta, items, m_role)):
            m_role = None
        if m_name is not None and (m_role is None or m_name.end >= m_role.end):
            entries = list(m_name.entries)
            if m_role is not None and m_role.end == m_name.end:
                entries += m_role.entries
            items.append(Item(m_name.start, m_name.end, entries[0].kind, entries))
            i = m_name.end
        elif m_role is not None:
            items.append(Item(m_role.start, m_role.end, m_role.entries[0].kind, list(m_role.entries)))
            i = m_role.end
        else:
            if tags[i] == "PRP" and keys[i] in PRONOUNS:
                items.append(Item(i, i + 1, PRONOUN))
            i += 1
    return _add_names(ta, items, known)


def _role_ok(match, tags: list[str]) -> bool:
    if tags[match.end - 1] in NOUN_TAGS:
        return True
    return any(e.kind in (HONORIFIC, SECTOR_ADJ, "former") for e in match.entries)


def _inside_name(ta: TokenArrays, items: list[Item], match) -> bool:
    """A one-word role inside a capitalised name ("Mohammed Shia al-Sudani") is part of the name."""
    i, end = match.start, match.end
    if end - i != 1 or i == 0 or end >= len(ta.texts) or not ta.texts[i][:1].isupper():
        return False
    prev_free = not items or items[-1].end < i
    return prev_free and ta.tags[i - 1] == "NNP" and ta.texts[i - 1][:1].isupper() and ta.sent_start[i] != i \
        and ta.tags[end] == "NNP" and (ta.texts[end][:1].isupper() or ta.keys[end] in NAME_PARTICLES)


def _name_like(text: str, key: str, tag: str) -> bool:
    return (text[:1].isupper() and tag in NOUN_TAGS) or (key in NAME_PARTICLES and tag != "POS")


def _add_names(ta: TokenArrays, items: list[Item], known=None) -> list[Item]:
    """Capitalised runs not covered by lexicon items become NAME items (possible people or organisations)."""
    texts, keys, tags = ta.texts, ta.keys, ta.tags
    covered = [False] * len(texts)
    for it in items:
        for k in range(it.start, it.end):
            covered[k] = True
    titled = {it.end for it in items if it.kind == HONORIFIC or (it.kind in (ROLE, GENERIC) and it.entry.role_kind
                                                                  == "person")}
    names: list[Item] = []
    i, n = 0, len(texts)
    while i < n:
        if covered[i] or not texts[i][:1].isupper() or tags[i] not in NOUN_TAGS:
            i += 1
            continue
        j = i + 1
        while j < n and not covered[j] and _name_like(texts[j], keys[j], tags[j]) and tags[j] != "_SP":
            j += 1
        while j > i + 1 and keys[j - 1] in NAME_PARTICLES:
            j -= 1
        ents = set(ta.ents[i:j])
        # one label for the name, the same in every run (a set's order changes with the hash seed)
        ner = next((e for e in NAME_ENT_PRIORITY if e in ents), next((e for e in ta.ents[i:j] if e), ""))
        subject = j - i == 1 and tags[i] == "NNP" and ta.deps[i] in ("nsubj", "nsubjpass")  # "Duterte welcomed"
        if ner in NAME_ENTS and (ner or j - i > 1 or i in titled or subject or (known is not None and
                                                                              known(texts[i]))):
            names.append(Item(i, j, NAME, ner=ner))
        i = j
    return sorted(items + names, key=lambda it: it.start)


def find_segments(ta: TokenArrays, items: list[Item]) -> tuple[list[Segment], dict[int, int]]:
    segments: list[Segment] = []
    last_end = 0
    item_iter = 0
    tags = ta.tags
    spanning = {k: it for it in items if it.end - it.start > 1 for k in range(it.start + 1, it.end)}
    for i in range(len(tags)):
        if tags[i] not in HEAD_TAGS or i < last_end or _is_modifier(ta, i):
            continue
        start = max(ta.left_edge[i], last_end, ta.sent_start[i])
        start = _trim_start(ta, start, i)
        item = spanning.get(start)
        if item is not None and item.start < start:
            # a lexicon phrase split by the parse ("U.S. Secretary | of State Warren Christopher"): rejoin
            start = item.start
            while segments and segments[-1].end > start and segments[-1].start >= ta.sent_start[i]:
                start = min(start, segments.pop().start)
            item_iter = 0
        seg = Segment(start, i + 1, i)
        while item_iter < len(items) and items[item_iter].end <= start:
            item_iter += 1
        k = item_iter
        while k < len(items) and items[k].start < seg.end:
            it = items[k]
            if it.end > seg.end and it.start <= i:   # a multi-word item running past the head: widen
                seg.end = it.end
            if it.start >= start:
                seg.items.append(it)
            k += 1
        segments.append(seg)
        last_end = seg.end
    covered = {k for seg in segments for k in range(seg.start, seg.end)}
    orphans = [Segment(it.start, it.end, it.end - 1, [it]) for it in items
               if it.kind in ORPHAN_KINDS and not any(k in covered for k in range(it.start, it.end))
               and (it.kind != NAME or it.ner in ("PERSON", "ORG"))]
    if orphans:   # a role or name the parse hung under another word ("Ambassador" as nmod of a name)
        segments = sorted(segments + orphans, key=lambda seg: seg.start)
    segment_at = {k: idx for idx, seg in enumerate(segments) for k in range(seg.start, seg.end)}
    return segments, segment_at


def _is_modifier(ta: TokenArrays, i: int) -> bool:
    """A noun that modifies a later word ("Kazakh" in "the Belgian and Kazakh representatives")."""
    t = i
    while ta.deps[t] == "conj" and ta.heads[t] != t:
        t = ta.heads[t]
    return ta.deps[t] in MODIFIER_DEPS and ta.heads[t] > t


def _trim_start(ta: TokenArrays, start: int, head: int) -> int:
    for k in range(head - 1, start - 1, -1):   # a dateline dash: "KAZINFORM - Ambassador"
        if ta.texts[k] in ("-", "–", "—") and ta.space[k] and k > 0 and ta.space[k - 1]:
            start = k + 1
            break
    while start < head and (ta.tags[start] not in CHUNK_TAGS or ta.tags[start] in ("CC", "POS", "HYPH", "RB")
                            or not ta.texts[start][:1].isalnum()):
        start += 1
    return start


def build(doc: "Doc", gaz: "ActorGazetteer", known=None) -> ParsedActors:
    """Items, segments and phrase trees of a Doc. `known(text)` tells whether a one-word name is a known actor."""
    ta = token_arrays(doc)
    items = find_items(ta, gaz, known)
    segments, segment_at = find_segments(ta, items)
    parsed = ParsedActors(doc, ta, items, segments, segment_at)
    _attach(parsed)
    return parsed


# ---- joining segments into phrase trees ------------------------------------------------------------------------------
def actorish(seg: Segment) -> bool:
    it = seg.head_item
    return it is not None and it.kind in ACTOR_KINDS


def has_actor_content(seg: Segment) -> bool:
    return any(it.kind in ACTOR_KINDS for it in seg.items)


def is_name_only(seg: Segment) -> bool:
    return bool(seg.items) and all(it.kind in (NAME, PERSON, HONORIFIC) for it in seg.items) and \
        any(it.kind in (NAME, PERSON) for it in seg.items)


def person_role(seg: Segment) -> bool:
    it = seg.head_item
    return it is not None and it.kind in (ROLE, GENERIC) and it.entry.role_kind == "person"


def _attach(p: ParsedActors) -> None:
    segs, texts, n = p.segments, p.tokens.texts, len(p.tokens.texts)
    for idx in range(len(segs) - 1):
        seg = segs[idx]
        nxt_i = idx + 1
        nxt = segs[nxt_i]
        if p.sent_start[seg.head] != p.sent_start[nxt.head] or nxt.parent is not None:
            continue
        if nxt.start - seg.end > 3:
            continue
        gap_keys = p.keys[seg.end:nxt.start]
        root = p.root_of(idx)
        if len(gap_keys) == 1 and gap_keys[0] in ATTACH_PREPS:
            _attach_prep(p, idx, nxt_i, gap_keys[0])
        elif len(gap_keys) == 2 and gap_keys[0] in ("based", "stationed", "living") and gap_keys[1] in ("in", "at"):
            _attach_prep(p, idx, nxt_i, "in")
        elif (not gap_keys or gap_keys == [","]) and is_name_only(nxt) and (person_role(segs[root]) or person_role(seg)):
            _link(p, nxt_i, root if person_role(segs[root]) else idx, "appos")
        elif gap_keys == [","] and is_name_only(seg) and person_role(nxt) and seg.parent is None:
            _link(p, nxt_i, idx, "appos")
        elif gap_keys == ["("] and nxt.end < n and texts[nxt.end] == ")" and actorish(segs[root]):
            _link(p, nxt_i, root, "paren")
        elif len(gap_keys) == 1 and texts[seg.end] in OPEN_QUOTES and actorish(seg):
            close = OPEN_QUOTES[texts[seg.end]]
            end = next((k for k in range(nxt.start, min(n, nxt.start + 20)) if texts[k] == close), None)
            if end is not None:
                for q in range(nxt_i, len(segs)):
                    if segs[q].start >= end or segs[q].parent is not None:
                        break
                    _link(p, q, idx, "quote")


def _attach_prep(p: ParsedActors, idx: int, nxt_i: int, prep: str) -> None:
    segs = p.segments
    seg, nxt = segs[idx], segs[nxt_i]
    if prep == "to":
        k: int | None = idx     # posted to: attach to the nearest envoy above
        while k is not None:
            it = segs[k].head_item
            if it is not None and it.kind in (ROLE, GENERIC) and _is_envoy(it):
                _link(p, nxt_i, k, "to")
                return
            k = segs[k].parent
        return
    in_tree = seg.parent is not None
    quantity = p.keys[seg.head] in QUANTITY_HEADS and has_actor_content(nxt)
    if prep == "of" and (actorish(seg) or quantity or (in_tree and has_actor_content(nxt))):
        if seg.head_item is None or seg.head_item.kind not in (PRONOUN, COUNTRY, CAPITAL):
            _link(p, nxt_i, idx, "of")
    elif prep in ("in", "from", "throughout", "across") and actorish(seg) \
            and seg.head_item.kind in (ROLE, GENERIC, PEOPLE) \
            and any(it.kind in (COUNTRY, CAPITAL, ADJECTIVE) or prep == "from" and _member_of(it, nxt)
                    for it in nxt.items):  # "diplomats from the Group of Seven": members of the organisation
        _link(p, nxt_i, idx, "from" if prep == "from" else "in")
    elif prep in ("on", "for") and actorish(seg) and seg.head_item.kind in (ROLE, GENERIC) \
            and (prep == "on" and seg.head_item.entry.role_kind == "body"
                 or prep == "for" and p.tokens.texts[seg.head][:1].isupper() and p.tokens.texts[nxt.head][:1].isupper()) \
            and p.tokens.ents[nxt.head] not in ("DATE", "TIME"):
        _link(p, nxt_i, idx, prep)    # "the committee on international affairs", "Minister for Foreign Affairs"


def _member_of(item: Item, seg: Segment) -> bool:
    """The organisation that heads a "from" phrase and has a code of its own (not a company)."""
    return item.kind == ORG and item is seg.head_item and bool(item.entry.country) and item.entry.sector != "BUS"


def _is_envoy(item: Item) -> bool:
    return any(norm(e.phrase) in ENVOY_ROLES for e in item.entries)


def _link(p: ParsedActors, child: int, parent: int, rel: str) -> None:
    if child == parent or p.segments[child].parent is not None:
        return
    p.segments[child].parent = parent
    p.segments[child].rel = rel
    p.segments[parent].children.append(child)
