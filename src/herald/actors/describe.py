"""What a phrase tree says about its actor, before coreference: countries, sectors, office, name, group cues.

`describe(parsed, node)` reads the tree rooted at `node` (see herald.actors.phrases) and returns a `Description`;
the resolver (herald.actors.resolver) turns it into an Actor, consulting the article's coreference state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, FORMER, GENERIC, HONORIFIC, ORG, PEOPLE, PERSON,
                                   ROLE, SECTOR_ADJ, Entry)
from herald.actors.phrases import NAME, Item, ParsedActors

if TYPE_CHECKING:
    from herald.actors.gazetteer import ActorGazetteer

COUNTRY_ITEM_KINDS = (COUNTRY, ADJECTIVE, CAPITAL, PEOPLE, ORG, PERSON)
NON_STATE = ("REB", "OPP", "UAF", "CRM")
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both", "its", "their", "his", "her", "our", "all"})
NUMBERS = {"two": 2, "both": 2, "three": 3, "all": 0}


@dataclass
class Description:
    node: int
    start: int                      # token span of the whole tree
    end: int
    head: int
    head_kind: str | None = None
    head_entry: Entry | None = None
    head_entries: list[Entry] = field(default_factory=list)
    mod_countries: list[Entry] = field(default_factory=list)
    mod_sectors: list[str] = field(default_factory=list)
    title_roles: list[Entry] = field(default_factory=list)   # role words before a name: "Prime Minister X"
    former: bool = False
    gender: str | None = None
    name: str | None = None
    name_tokens: tuple[int, int] | None = None
    name_ner: str = ""
    name_entry: Entry | None = None  # the well-known person the name is (people table), when it is one
    of_countries: list[Entry] = field(default_factory=list)
    of_sectors: list[str] = field(default_factory=list)
    of_body: Entry | None = None
    of_group_ref: "Description | None" = None
    posted_to: str | None = None
    loc_country: str | None = None
    paren: Entry | None = None
    paren_name: str | None = None
    quote_countries: list[Entry] = field(default_factory=list)
    appos_roles: list["Description"] = field(default_factory=list)
    determiner: str | None = None
    number: int | None = None
    plural: bool = False
    of_first: int | None = None     # the first of-phrase below the head (segment index)
    name_modifier: bool = False     # a name before the head: "Bush administration", "Putin's government"
    group_ref: str | None = None    # lemma of a group-reference head ("party", "country") when it acts as one

    @property
    def role_entry(self) -> Entry | None:
        if self.head_kind in (ROLE, GENERIC):
            return self.head_entry
        for d in self.appos_roles:
            if d.role_entry is not None:
                return d.role_entry
        return self.title_roles[-1] if self.title_roles else None


def describe(p: ParsedActors, node: int, gaz: "ActorGazetteer") -> Description:
    seg = p.segments[node]
    start, end = _extent(p, node)
    d = Description(node, start, end, seg.head)
    head_item = seg.head_item
    if head_item is None or (head_item.kind == NAME and not head_item.ner):
        # "Israeli army bulldozers", "U.S. border patrol agents": the last role or organisation stands in
        head_item = next((it for it in reversed(seg.items) if it.kind in (ROLE, ORG)
                          and it.start < seg.head), head_item)
    if head_item is not None:
        d.head_kind, d.head_entry, d.head_entries = head_item.kind, head_item.entry, head_item.entries
    tags = p.tokens.tags
    d.plural = tags[seg.head] in ("NNS", "NNPS")
    head_start = head_item.start if head_item is not None else seg.head
    for it in seg.items:
        if it is head_item:
            continue
        _modifier(d, it, before_head=it.start < head_start)
    d.determiner = p.keys[seg.start] if tags[seg.start] in ("DT", "PDT", "PRP$") else None
    for k in range(seg.start, seg.head):
        if p.keys[k] in NUMBERS and tags[k] in ("CD", "DT", "PDT"):
            d.number = NUMBERS[p.keys[k]] or None
    if head_item is not None and head_item.kind in (NAME, PERSON):
        d.name, d.name_tokens, d.name_ner = _name(p, head_item), (head_item.start, head_item.end), head_item.ner
        d.name_entry = head_item.entry if head_item.kind == PERSON else None
    if d.plural and head_item is not None and head_item.kind not in (NAME, PERSON, ORG, COUNTRY, CAPITAL):
        lemma = gaz.group_refs.get(p.keys[seg.head])
        bare = all(p.keys[k] in NUMBERS or tags[k] in ("DT", "PDT", "CD") for k in range(seg.start, seg.head))
        if lemma and bare and (d.number or d.determiner in ("the", "both", "these", "all")):
            d.group_ref = lemma
    for child in seg.children:
        _child(p, d, child, gaz)
    return d


def _extent(p: ParsedActors, node: int) -> tuple[int, int]:
    seg = p.segments[node]
    start, end = seg.start, seg.end
    for child in seg.children:
        s, e = _extent(p, child)
        start, end = min(start, s), max(end, e)
    if end < len(p.keys) and p.tokens.texts[end] in (")", "»", "”", '"') and any(
            p.segments[c].rel in ("paren", "quote") for c in seg.children):
        end += 1
    return start, end


def _modifier(d: Description, it: Item, before_head: bool) -> None:
    kind = it.kind
    if kind in COUNTRY_ITEM_KINDS and it.entry.country:
        if kind == PERSON:
            return
        d.mod_countries.append(it.entry)
        if kind == ORG and it.entry.sector:
            d.mod_sectors.append(it.entry.sector)
    elif kind in (SECTOR_ADJ, ROLE, GENERIC) and before_head:
        if kind in (ROLE, GENERIC) and it.entry.role_kind == "person":
            d.title_roles.append(it.entry)
        if it.entry.sector:
            d.mod_sectors.append(it.entry.sector)
    elif kind == FORMER:
        d.former = True
    elif it.kind == NAME and before_head and it.ner in ("PERSON", "ORG"):
        d.name_modifier = True
    elif kind == HONORIFIC:
        d.gender = d.gender or it.entry.gender


def _name(p: ParsedActors, item: Item) -> str:
    ta = p.tokens
    parts = [ta.texts[k] + (" " if ta.space[k] and k < item.end - 1 else "") for k in range(item.start, item.end)]
    return "".join(parts).replace("\u2019", "'").replace("\u2018", "'")


def _child(p: ParsedActors, d: Description, child: int, gaz: "ActorGazetteer") -> None:
    seg = p.segments[child]
    rel = seg.rel
    sub = describe(p, child, gaz)
    if rel == "of" and d.of_first is None:
        d.of_first = child
    if rel in ("of", "for", "on"):
        countries = ([sub.head_entry] if sub.head_entry and sub.head_entry.country and sub.head_kind != PERSON
                     else []) + sub.mod_countries + sub.of_countries
        if rel == "of" or not d.of_countries:
            d.of_countries.extend(countries)
        if sub.group_ref and not countries:
            d.of_group_ref = d.of_group_ref or sub
        elif sub.of_group_ref and not countries:
            d.of_group_ref = d.of_group_ref or sub.of_group_ref
        sector = own_sector(sub)
        if sector:
            d.of_sectors.append(sector)
        d.of_sectors.extend(sub.of_sectors)
        if sub.head_kind in (ROLE, GENERIC, ORG) and d.of_body is None and rel == "of":
            d.of_body = sub.head_entry
        if d.posted_to is None:
            d.posted_to = sub.posted_to
        if rel == "of":  # "the leader of the opposition in Tanzania": where the body is, its leader is
            d.loc_country = d.loc_country or sub.loc_country
    elif rel == "to":
        country = sub.head_entry.country if sub.head_entry and sub.head_kind in COUNTRY_ITEM_KINDS else None
        d.posted_to = d.posted_to or country or (sub.mod_countries[0].country if sub.mod_countries else None)
    elif rel in ("in", "from"):
        if sub.head_entry and sub.head_entry.country and sub.head_kind in COUNTRY_ITEM_KINDS:
            d.loc_country = d.loc_country or sub.head_entry.country
        elif sub.mod_countries:
            d.loc_country = d.loc_country or sub.mod_countries[0].country
    elif rel == "paren":
        if sub.head_kind in (ORG, COUNTRY, PEOPLE, CAPITAL):
            d.paren = sub.head_entry
        elif sub.head_kind == NAME:
            d.paren_name = _name(p, p.segments[child].head_item)
    elif rel == "quote":
        for it in seg.items:
            if it.kind in COUNTRY_ITEM_KINDS and it.entry.country:
                d.quote_countries.append(it.entry)
        d.quote_countries.extend(sub.of_countries)
    elif rel == "appos":
        if sub.head_kind in (NAME, PERSON) and d.name is None:
            d.name, d.name_tokens, d.name_ner, d.name_entry = sub.name, sub.name_tokens, sub.name_ner, sub.name_entry
            if sub.head_kind == PERSON and d.head_entry is not None and sub.head_entry is not None:
                d.appos_roles.append(sub)
            d.gender = d.gender or sub.gender
            d.title_roles.extend(sub.title_roles)
            d.mod_countries.extend(sub.mod_countries)
        else:
            d.appos_roles.append(sub)
            if sub.head_entry is not None and sub.head_kind in COUNTRY_ITEM_KINDS and sub.head_entry.country:
                d.mod_countries.append(sub.head_entry)
            d.mod_countries.extend(sub.mod_countries + sub.of_countries)
            sector = own_sector(sub) or next(iter(sub.of_sectors), None)
            if sector:
                d.mod_sectors.append(sector)
            d.former = d.former or sub.former


def own_sector(d: Description) -> str | None:
    """The sector a phrase gives by itself (no context): role word, organisation, or sector adjective."""
    if d.head_kind in (ROLE, ORG, CAPITAL) and d.head_entry.sector:
        return d.head_entry.sector
    if d.mod_sectors:
        return d.mod_sectors[0]
    if d.head_kind == GENERIC and d.head_entry.sector:
        return d.head_entry.sector
    return None
