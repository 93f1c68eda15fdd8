"""Resolve actor phrases to Actors, with in-article coreference and the actor knowledge base.

Resolution order for one phrase (first that answers wins; `Actor.resolved_by` records which):
country  - the head's own entry (country, seat of government, organisation, known person) > a country modifier
           ("Kazakh diplomat", "Iraq's government", "UN Mission") > the first country below an of-phrase
           ("Speaker of the Belgian Senate") > a quoted or bracketed name > the person's earlier mention, the actor
           KB, a user dictionary > a location phrase ("forces in Guinea") > the antecedent of a role noun.
sector   - a specific role head ("ambassador" GOV) unless a non-state modifier overrides ("rebel soldiers" REB) >
           for generic heads ("chairman", "committee") a sector modifier or the sector of what they head > an
           organisation's sector > GOV for a country or seat of government > a person's earlier mention or KB entry.
Coreference: names (full name, surname, "Ms D'Hose"), role nouns ("the Kazakh diplomat", "the ambassador"),
pronouns (he/she/they, by gender from honorifics), group references ("the parties", "both sides", "the two
countries") to the participants of the current exchange, and plural role phrases with several country modifiers
("the Belgian and Kazakh representatives") to the earlier actor of each country.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from herald.actors.describe import NON_STATE, Description, describe, own_sector
from herald.actors.lexicon import ADJECTIVE, CAPITAL, COUNTRY, GENERIC, ORG, PEOPLE, PERSON, ROLE, norm
from herald.actors.phrases import NAME, PRONOUN, ParsedActors, Segment, build
from herald.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from herald.actors.gazetteer import ActorGazetteer
    from herald.actors.kb import ActorKB
    from herald.records import Article

LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside", "around", "within",
                            "into", "over", "across", "via", "through"})
AFFILIATION_VERBS = frozenset({"represents", "represented", "leads", "led", "heads", "headed", "chairs", "joined"})
PEOPLE_GROUP_REFS = frozenset({"party", "side", "counterpart", "partner", "delegation", "representative", "leader"})
COUNTRY_GROUP_REFS = frozenset({"country", "nation", "state", "capital", "government", "neighbour", "neighbor"})
DOMESTIC_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "OPP", "PTY"})
MALE, FEMALE = frozenset({"he", "him"}), frozenset({"she", "her"})


@dataclass(slots=True)
class ActorMention(Actor):
    """A records.Actor with what Herald learnt beyond the PLOVER block (kept out of the JSON output)."""

    kind: str | None = None          # person | organisation | country | role | group | pronoun
    posted_to: str | None = None     # an envoy's host country: "Ambassador of Kazakhstan to Belgium" -> BEL
    affiliation: str | None = None   # a party or organisation the person belongs to
    gender: str | None = None
    token: int | None = None         # head token index


class ActorResolver:
    """Resolves actor phrases in parsed articles. Build once; call `for_article` per article."""

    def __init__(self, gazetteer: "ActorGazetteer", kb: "ActorKB | None" = None):
        self.gazetteer = gazetteer
        self.kb = kb

    def for_article(self, doc: "Doc", article: "Article | None" = None) -> "ArticleActors":
        published = getattr(article, "published", None)
        parsed = build(doc, self.gazetteer)
        text = getattr(article, "text", None)
        if text is None or not _same_text(parsed, text):
            text = doc.text
        actors = ArticleActors(parsed, self.gazetteer, self.kb, published, text=text)
        actors.resolve_all()
        return actors


class ArticleActors:
    """The actors of one article: `actor_for(token)`, `observe_event(actor, recipient)`, `mentions`."""

    def __init__(self, parsed: ParsedActors, gaz: "ActorGazetteer", kb: "ActorKB | None",
                 published: dt.date | None = None, text: str | None = None):
        self.parsed, self.gaz, self.kb = parsed, gaz, kb
        self.text = text if text is not None else parsed.doc.text
        self.date_iso = published.isoformat() if isinstance(published, dt.date) else None
        self.mentions: list[Actor] = []
        self._cache: dict[int, tuple[int, ActorMention | None]] = {}
        self._history: list[ActorMention] = []        # single actors in text order
        self._profiles: dict[str, ActorMention] = {}   # name key -> accumulated person/organisation profile
        self._participants: tuple[Actor, Actor] | None = None
        self._version = 0
        self._context: str | None = None
        self._item_at: dict | None = None

    # ---- public API ---------------------------------------------------------------------------------------------
    def resolve_all(self) -> None:
        for idx, seg in enumerate(self.parsed.segments):
            if seg.parent is None:
                actor = self._resolve(idx)
                if actor is not None and not self._locative(idx):
                    self.mentions.append(actor)

    def actor_for(self, token: "Token") -> Actor | None:
        """The actor of the noun phrase headed by `token` (None when the phrase is not an actor)."""
        idx = self.parsed.segment_at.get(token.i)
        segs = self.parsed.segments
        if idx is not None:
            while segs[idx].rel in ("appos", "paren", "quote") and segs[idx].parent is not None:
                idx = segs[idx].parent
        actor = self._resolve(idx) if idx is not None else None
        if actor is None:
            return self._item_actor(token.i)
        if token.dep_ == "conj":
            return actor
        others = []
        for conj in token.conjuncts:
            j = self.parsed.segment_at.get(conj.i)
            if j is not None and j != idx and segs[j].parent is None:
                other = self._resolve(j)
                if other is not None:
                    others.append(other)
        if not others:
            return actor
        members = [m for a in (actor, *others) for m in (a.members or [a])]
        start, end = min(m.start for m in (actor, *others)), max(m.end for m in (actor, *others))
        return self._group(self.text[start:end], start, end, members, "group:coordination")

    def _item_actor(self, i: int) -> ActorMention | None:
        """A country, organisation or role word the phrase structure missed ("Israeli" in "Israeli tanks")."""
        if self._item_at is None:
            self._item_at = {k: it for it in self.parsed.items for k in range(it.start, it.end)}
        item = self._item_at.get(i)
        if item is None or item.kind not in (COUNTRY, ADJECTIVE, CAPITAL, PEOPLE, ORG, PERSON, ROLE):
            return None
        key = -1 - item.start
        hit = self._cache.get(key)
        if hit is not None:
            return hit[1]
        segs = self.parsed.segments
        segs.append(Segment(item.start, item.end, item.end - 1, [item]))
        actor = self._resolve(len(segs) - 1)
        self._cache[key] = (-1, actor)
        return actor

    def observe_event(self, actor: Actor | None, recipient: Actor | None) -> None:
        """The coder reports a coded interaction: "the parties" now means these two."""
        if actor is None or recipient is None or actor.members or recipient.members:
            return
        if actor.country and recipient.country and actor.country != recipient.country:
            self._participants = (actor, recipient)
            self._version += 1

    def participants(self, before: int | None = None) -> list[Actor]:
        if self._participants is not None:
            return list(self._participants)
        found: list[Actor] = []
        for kinds in (("person", "role", "organisation"), ("country",)):
            for a in self._history:
                if before is not None and a.start is not None and a.start >= before:
                    break
                if a.country and a.kind in kinds and all(a.country != f.country for f in found):
                    found.append(a)
                    if len(found) == 2:
                        return found
        return found

    # ---- resolution ---------------------------------------------------------------------------------------------
    def _resolve(self, node: int) -> ActorMention | None:
        hit = self._cache.get(node)
        if hit is not None and (hit[0] < 0 or hit[0] == self._version):
            return hit[1]
        seg = self.parsed.segments[node]
        if not seg.items and not seg.children:
            self._cache[node] = (-1, None)
            return None
        d = describe(self.parsed, node, self.gaz)
        actor = self._build(d)
        depends = d.group_ref is not None or d.of_group_ref is not None
        self._cache[node] = (self._version if depends else -1, actor)
        if actor is not None and not actor.members and hit is None:
            self._history.append(actor)
        return actor

    def _span(self, d: Description) -> tuple[str, int, int]:
        ta = self.parsed.tokens
        start, end = ta.idx[d.start], ta.idx[d.end - 1] + len(ta.texts[d.end - 1])
        return self.text[start:end], start, end

    def _build(self, d: Description) -> ActorMention | None:
        text, start, end = self._span(d)
        if d.head_kind == PRONOUN:
            return self._pronoun(d, text, start, end)
        if d.group_ref or (d.of_group_ref is not None and d.head_kind in (ROLE, GENERIC)):
            return self._group_reference(d, text, start, end)
        codes = _distinct([e.country for e in d.mod_countries if e.kind != ORG or not d.head_entry])
        if len(codes) < 2 and len(_distinct(e.country for e in d.quote_countries)) >= 2:
            codes = _distinct(e.country for e in d.quote_countries)
        if len(codes) >= 2 and d.head_kind in (ROLE, GENERIC, PEOPLE):
            members = [self._single(d, text, start, end, country=c, member=True) for c in codes]
            return self._group(text, start, end, [m for m in members if m is not None], "group:modifiers")
        return self._single(d, text, start, end)

    def _single(self, d: Description, text: str, start: int, end: int,
                country: str | None = None, member: bool = False) -> ActorMention | None:
        hk, entry = d.head_kind, d.head_entry
        if entry is not None and self.date_iso:
            entry = entry.at(self.date_iso)
        a = ActorMention(text=text, start=start, end=end, token=d.head)
        how = []
        # --- country
        if country is None:
            country, how_country = self._country(d, hk, entry)
            if how_country:
                how.append(how_country)
        a.country = country
        # --- sector, office, name
        role = d.role_entry
        if hk in (COUNTRY, CAPITAL):
            a.kind, a.sector, a.name = "country", (entry.sector or "GOV"), self.gaz.country_name(entry.country)
            if hk == CAPITAL:
                a.name = entry.name
        elif hk == PEOPLE:
            a.kind, a.sector = "role", (d.mod_sectors[0] if d.mod_sectors else "CVL")
        elif hk == ORG:
            a.kind, a.name = "organisation", entry.name
            alt = next((e.sector for e in d.head_entries if e.kind in (ROLE, GENERIC) and e.sector), None)
            a.sector = entry.sector or alt or (d.mod_sectors[0] if d.mod_sectors else None)
            if d.mod_countries and alt and not country_is_special(entry.country):
                a.sector = alt
        elif hk in (ROLE, GENERIC):
            a.kind = "role"
            a.sector = _role_sector(d, hk, entry)
        elif hk in (NAME, PERSON):
            a.kind = "person" if (hk == PERSON or d.name_ner == "PERSON" or role is not None or d.gender) \
                else "organisation"
            a.sector = (role.sector if role is not None and role.sector else None) or \
                (d.mod_sectors[0] if d.mod_sectors else None) or (entry.sector if hk == PERSON else None)
        else:
            return None
        if role is not None and role.role_kind == "person":
            a.office = _office(role, d, self.gaz)
        if d.former and a.sector and a.sector != "ELI":
            a.other_sectors, a.sector = [a.sector], "ELI"
        if hk == PERSON and entry.other_sectors:
            a.other_sectors = list(entry.other_sectors)
        a.posted_to = d.posted_to
        a.gender = d.gender
        if d.name and hk not in (ORG,):
            a.name = d.name if hk != PERSON else (entry.name or d.name)
        elif d.paren is not None and hk in (ROLE, GENERIC) and d.paren.kind == ORG:
            a.name = d.paren.name
            a.sector = a.sector or d.paren.sector
        elif d.paren_name and hk in (ROLE, GENERIC):
            a.name = d.paren_name
        if d.name and a.kind == "role" and role is not None and role.role_kind == "person":
            a.kind = "person"
        if a.name and a.kind in ("person", "role", "organisation") and hk not in (COUNTRY, CAPITAL):
            self._merge_profile(a, d, how)
        elif a.kind == "role" and not a.name and d.determiner not in ("a", "an") and (member or not d.plural) \
                and role is not None and role.role_kind == "person":
            self._role_coref(a, d, role, how)
        if a.country is None and d.loc_country:
            a.country = d.loc_country
            how.append("location")
        if a.country is None and a.sector in DOMESTIC_SECTORS and not d.name_modifier \
                and (a.kind == "person" or (role is not None and role.role_kind == "person")):
            a.country = self.context_country(start)
            if a.country:
                how.append("context")
        if a.kind == "person" or (a.kind == "organisation" and a.name):
            self._affiliation(a, d)
        if a.country is None and a.sector is None and a.name is None:
            return None
        if hk == NAME and a.country is None and a.sector is None and d.name_ner not in ("PERSON", "ORG"):
            return None
        a.resolved_by = "+".join(dict.fromkeys(how)) or _default_rule(hk)
        return a

    def _country(self, d: Description, hk: str | None, entry) -> tuple[str | None, str | None]:
        if hk == PEOPLE:
            # "Iraqi Kurds", "Bosnian Serbs" (the modifier), "ethnic Albanians in Serbia" (where they live)
            mods = [e.country for e in d.mod_countries if e.kind != ORG]
            if mods:
                return mods[0], "modifier"
            if d.loc_country or d.of_countries:
                return d.loc_country or d.of_countries[0].country, "location"
            if "ethnic" in self.parsed.keys[d.start:d.head]:
                return None, None
        if hk in (COUNTRY, CAPITAL, PEOPLE, ORG, PERSON) and entry is not None and entry.country:
            if hk == ORG and d.mod_countries and any(e.kind in (ROLE, GENERIC) for e in d.head_entries):
                return d.mod_countries[0].country, "modifier"
            return entry.country, _default_rule(hk)
        if d.mod_countries:
            return d.mod_countries[0].country, "modifier"
        if d.of_countries:
            return d.of_countries[0].country, "of-phrase"
        if d.quote_countries:
            return d.quote_countries[0].country, "name"
        if d.paren is not None and d.paren.country:
            return d.paren.country, "acronym"
        if hk == ROLE and entry is not None and entry.country:
            return entry.country, "role"
        return None, None

    def context_country(self, position: int) -> str | None:
        """The country the article is about: the most mentioned national country, else the nearest before."""
        if self._context is None:
            counts: dict[str, int] = {}
            for it in self.parsed.items:
                if it.kind in (COUNTRY, ADJECTIVE, CAPITAL, PEOPLE) and it.entry.country \
                        and not country_is_special(it.entry.country):
                    counts[it.entry.country] = counts.get(it.entry.country, 0) + 1
            self._context = max(counts, key=lambda c: counts[c]) if counts else ""
        return self._context or None

    # ---- coreference --------------------------------------------------------------------------------------------
    def _name_keys(self, name: str) -> list[str]:
        words = [w for w in norm(name).replace("-", " - ").split() if w not in ("-",)]
        keys = [norm(name)]
        if len(words) > 1:
            keys.append(words[-1])
            if len(words) > 2 and words[-2] in ("al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di"):
                keys.append(f"{words[-2]}-{words[-1]}")
        return keys

    def _merge_profile(self, a: ActorMention, d: Description, how: list[str]) -> None:
        keys = self._name_keys(a.name)
        profile = next((self._profiles[k] for k in keys if k in self._profiles), None)
        if profile is not None:
            how.append("coref:name")
            a.name = profile.name if len(profile.name) >= len(a.name) else a.name
            _fill(a, profile)
            _fill(profile, a)
        else:
            known = self.kb.lookup(a.name) if self.kb is not None else None
            if known is not None:
                how.append("kb")
                a.name = known.name if len(known.name) >= len(a.name) else a.name
                for attr in ("country", "sector", "office", "affiliation"):
                    if getattr(a, attr) is None and getattr(known, attr, None):
                        setattr(a, attr, getattr(known, attr))
                if not a.other_sectors:
                    a.other_sectors = list(known.other_sectors)
                if a.kind == "organisation" and known.office:
                    a.kind = "person"
            profile = replace(a, members=[], other_sectors=list(a.other_sectors))
        for k in self._name_keys(a.name):
            self._profiles.setdefault(k, profile)

    def _role_coref(self, a: ActorMention, d: Description, role, how: list[str]) -> None:
        head_word = norm(role.phrase) if role is not None else None
        for prev in reversed(self._history):
            if prev.start is not None and prev.start >= a.start:
                continue
            if prev.kind != "person" or not prev.name:
                continue
            if a.country and prev.country != a.country:
                continue
            same_role = head_word and prev.office and head_word in norm(prev.office)
            generic = role is not None and role.kind == GENERIC
            same_sector = a.sector is not None and a.sector == prev.sector
            if not (same_role or (a.country and (generic or same_sector))):
                continue
            how.append("coref:role")
            a.name, a.kind = prev.name, "person"
            a.country = a.country or prev.country
            if generic or not a.sector:
                a.sector = prev.sector
            a.office = prev.office or a.office
            a.other_sectors = list(prev.other_sectors)
            a.gender = a.gender or prev.gender
            return

    def _pronoun(self, d: Description, text: str, start: int, end: int) -> ActorMention | None:
        word = norm(text)
        for prev in reversed(self._history):
            if prev.start is not None and prev.start >= start:
                continue
            if word in MALE | FEMALE:
                profile = self._profiles.get(norm(prev.name)) if prev.name else None
                gender = (profile.gender if profile else None) or prev.gender
                if prev.kind != "person" or (word in MALE and gender == "f") or (word in FEMALE and gender == "m"):
                    continue
                if profile is not None and gender is None:
                    profile.gender = "m" if word in MALE else "f"
            elif word in ("they", "them"):
                if prev.kind not in ("role", "organisation") or prev.name and prev.kind == "person":
                    continue
            else:
                return None
            return replace(prev, text=text, start=start, end=end, resolved_by="coref:pronoun", members=[],
                           kind="pronoun", token=d.head)
        return None

    def _group_reference(self, d: Description, text: str, start: int, end: int) -> ActorMention:
        ref = d if d.group_ref else d.of_group_ref
        people = self.participants(before=start)
        sector = own_sector(ref) if ref.group_ref not in PEOPLE_GROUP_REFS else None
        if d is not ref:
            sector = own_sector(d) if d.head_entry is not None and d.head_entry.sector else \
                next((s for s in d.of_sectors if s), sector)
        members: list[Actor] = []
        for p in people:
            if d is ref and ref.group_ref in PEOPLE_GROUP_REFS:
                members.append(replace(p, members=[], resolved_by="group:participants"))
            elif ref.group_ref in COUNTRY_GROUP_REFS and d is ref:
                members.append(ActorMention(text=text, start=start, end=end, country=p.country, sector="GOV",
                                            name=self.gaz.country_name(p.country), kind="country",
                                            resolved_by="group:participants"))
            else:
                members.append(ActorMention(text=text, start=start, end=end, country=p.country,
                                            sector=sector or p.sector, kind="role", resolved_by="group:participants"))
        return self._group(text, start, end, members, "group:participants")

    def _group(self, text: str, start: int, end: int, members: list[Actor], rule: str) -> ActorMention:
        countries = {m.country for m in members}
        sectors = {m.sector for m in members}
        return ActorMention(text=text, start=start, end=end, members=members, kind="group", resolved_by=rule,
                            country=countries.pop() if len(countries) == 1 else None,
                            sector=sectors.pop() if len(sectors) == 1 else None)

    def _affiliation(self, a: ActorMention, d: Description) -> None:
        """"X, who represents Open Vld" / "X, a member of the Labour Party": the person's party."""
        p = self.parsed
        k = d.end
        window = p.keys[k:k + 6]
        if not window or window[0] != ",":
            return
        if len(window) > 2 and window[1] == "who" and window[2] in AFFILIATION_VERBS:
            target = k + 3
        elif "member" in window[1:4] and "of" in window:
            target = k + window.index("of") + 1
        else:
            return
        idx = p.segment_at.get(target) or p.segment_at.get(target + 1)
        if idx is None:
            return
        item = p.segments[idx].head_item
        if item is not None and item.kind == ORG and item.entry.sector in ("PTY", "OPP"):
            a.affiliation = item.entry.name
            if item.entry.sector not in a.other_sectors and item.entry.sector != a.sector:
                a.other_sectors.append(item.entry.sector)
            for key in self._name_keys(a.name or ""):
                if key in self._profiles:
                    _fill(self._profiles[key], a)

    def _locative(self, idx: int) -> bool:
        seg = self.parsed.segments[idx]
        item = seg.head_item
        if item is None or item.kind not in (COUNTRY, CAPITAL):
            return False
        ta = self.parsed.tokens
        return ta.deps[seg.head] == "pobj" and ta.keys[ta.heads[seg.head]] in LOCATIVE_PREPS


def _same_text(parsed: ParsedActors, text: str) -> bool:
    """The article body is the Doc's text (checked on the last tokens, without rebuilding doc.text)."""
    ta = parsed.tokens
    if not ta.texts:
        return text == ""
    for k in range(max(0, len(ta.texts) - 3), len(ta.texts)):
        if text[ta.idx[k]:ta.idx[k] + len(ta.texts[k])] != ta.texts[k]:
            return False
    return len(text) >= ta.idx[-1] + len(ta.texts[-1])


def country_is_special(code: str | None) -> bool:
    return code in ("IGO", "UNO", "EUR", "NGO", "MNC", "IMG")


def _distinct(codes) -> list[str]:
    return list(dict.fromkeys(c for c in codes if c))


def _default_rule(kind: str | None) -> str:
    return {COUNTRY: "gazetteer:country", CAPITAL: "gazetteer:capital", PEOPLE: "gazetteer:people",
            ORG: "gazetteer:org", PERSON: "gazetteer:person", ROLE: "role", GENERIC: "role", NAME: "name"}.get(
        kind or "", "role")


def _role_sector(d: Description, hk: str, entry) -> str | None:
    non_state = next((s for s in d.mod_sectors if s in NON_STATE), None)
    if hk == ROLE and entry.sector:
        return non_state or entry.sector
    return non_state or (d.mod_sectors[0] if d.mod_sectors else None) or \
        (d.of_sectors[0] if d.of_sectors else None) or \
        (d.paren.sector if d.paren is not None else None) or entry.sector


def _office(role, d: Description, gaz) -> str:
    office = role.office or role.phrase.title()
    body = d.of_body
    if body is not None and body is not role and body.kind in (ROLE, GENERIC, ORG) and \
            (body.kind == ORG or body.role_kind == "body"):
        name = body.name if body.kind == ORG else body.phrase.title()
        office = f"{office} of the {name}"
    return office


def _fill(target: ActorMention, source: ActorMention) -> None:
    for attr in ("country", "sector", "office", "affiliation", "posted_to", "gender"):
        if getattr(target, attr) is None and getattr(source, attr) is not None:
            setattr(target, attr, getattr(source, attr))
    for s in source.other_sectors:
        if s not in target.other_sectors and s != target.sector:
            target.other_sectors.append(s)
    if target.kind == "organisation" and source.kind == "person":
        target.kind = "person"
