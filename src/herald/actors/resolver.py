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
from dataclasses import replace
from typing import TYPE_CHECKING

from herald.actors.coref import Coreference
from herald.actors.describe import NON_STATE, Description, describe
from herald.actors.lexicon import ADJECTIVE, CAPITAL, COUNTRY, GENERIC, GROUP_REF, ORG, PEOPLE, PERSON, ROLE
from herald.actors.mention import ActorMention, country_is_special, distinct, make_group
from herald.actors.phrases import NAME, PRONOUN, QUANTITY_HEADS, ParsedActors, Segment, build
from herald.records import Actor

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

    from herald.actors.gazetteer import ActorGazetteer
    from herald.actors.kb import ActorKB
    from herald.records import Article

OWNER_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Roles that belong to the other side of the owner ("his counterpart", "its allies"): not the owner's country.
OTHER_SIDE_ROLES = frozenset("counterpart counterparts ally allies partner partners neighbour neighbours neighbor "
                             "neighbors rival rivals opponent opponents enemy enemies critic critics host hosts guest "
                             "guests interlocutor interlocutors".split())
QUANTITY_NOUNS = QUANTITY_HEADS | {"many", "some", "most", "all", "one", "two", "three", "several"}


class ActorResolver:
    """Resolves actor phrases in parsed articles. Build once; call `for_article` per article."""

    def __init__(self, gazetteer: "ActorGazetteer", kb: "ActorKB | None" = None,
                 exchanges: "Callable[[Span], list[tuple[int, int]]] | None" = None):
        """`exchanges(sentence)` gives the token pairs of the exchanges a sentence tells (herald.events.exchanges):
        "the parties" then means the two sides of the latest one. Without it, the first two actors of different
        countries so far."""
        self.gazetteer = gazetteer
        self.kb = kb
        self.exchanges = exchanges

    def for_article(self, doc: "Doc", article: "Article | None" = None) -> "ArticleActors":
        published = getattr(article, "published", None)
        known = (lambda name: self.kb.lookup(name) is not None) if self.kb is not None and len(self.kb) else None
        parsed = build(doc, self.gazetteer, known)
        text = getattr(article, "text", None)
        if text is None or not _same_text(parsed, text):
            text = doc.text
        actors = ArticleActors(parsed, self.gazetteer, self.kb, published, text=text)
        actors.resolve_all(self.exchanges)
        return actors


class ArticleActors:
    """The finished actor table of one article: `actor_for(token)` and `mentions`. Built by `resolve_all` in text
    order; afterwards it only answers (later stages never write into it)."""

    def __init__(self, parsed: ParsedActors, gaz: "ActorGazetteer", kb: "ActorKB | None",
                 published: dt.date | None = None, text: str | None = None):
        self.parsed, self.gaz, self.kb = parsed, gaz, kb
        self.text = text if text is not None else parsed.doc.text
        self.date_iso = published.isoformat() if isinstance(published, dt.date) else None
        self.mentions: list[Actor] = []
        self._cache: dict[int, tuple[int, ActorMention | None]] = {}
        self.coref = Coreference(parsed, gaz, kb)     # names, roles, pronouns, groups: fed in text order
        self._context: str | None = None
        self._item_at: dict | None = None
        self._finished = False

    # ---- public API ---------------------------------------------------------------------------------------------
    def resolve_all(self, exchanges: "Callable[[Span], list[tuple[int, int]]] | None" = None) -> None:
        """Resolve every actor phrase in text order; after each sentence, note the exchange it tells (for "the
        parties" further on). Then the table is finished: answers no longer change."""
        segments = self.parsed.segments
        sentences = list(self.parsed.doc.sents) if exchanges is not None else []
        done = 0
        for idx in range(len(segments)):
            seg = segments[idx]
            while done < len(sentences) and seg.start >= sentences[done].end:
                self._note_exchanges(exchanges(sentences[done]))
                done += 1
            if seg.parent is not None:
                continue
            actor = self._resolve(idx)
            if actor is not None:
                self.mentions.append(actor)
            elif seg.items:   # "Germany's decision", "Iranian motives": the country inside a non-actor phrase
                for item in seg.items:
                    if item.kind in (COUNTRY, ADJECTIVE, CAPITAL, ORG, PERSON):
                        inner = self._item_actor(item.start)
                        if inner is not None:
                            self.mentions.append(inner)
        self._finished = True

    def _note_exchanges(self, pairs: list[tuple[int, int]]) -> None:
        doc = self.parsed.doc
        for side, other in pairs:
            self.coref.set_participants(self.actor_for(doc[side]), self.actor_for(doc[other]))

    def actor_for(self, token: "Token", *, other: Actor | None = None) -> Actor | None:
        """The actor of the noun phrase headed by `token` (None when the phrase is not an actor). `other` is the
        event's other side: a possessive pronoun is resolved to an antecedent that is not that actor ("Tehran
        rejected its offer": someone else's offer)."""
        if token.tag_ == "PRP$":  # "rejected its offer": whose offer
            start = token.idx
            return self.coref.pronoun(token.i, token.text, start, start + len(token.text),
                                 avoid=other.name if other is not None else None)
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
        return make_group(self.text[start:end], start, end, members, "group:coordination")

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

    # ---- resolution ---------------------------------------------------------------------------------------------
    def _resolve(self, node: int) -> ActorMention | None:
        hit = self._cache.get(node)
        if hit is not None and (hit[0] < 0 or hit[0] == self.coref.version or self._finished):
            return hit[1]
        seg = self.parsed.segments[node]
        if not seg.items and not seg.children and self.parsed.keys[seg.head] not in ("country", "nation"):
            self._cache[node] = (-1, None)
            return None
        d = describe(self.parsed, node, self.gaz)
        actor = self._build(d)
        depends = d.group_ref is not None or d.of_group_ref is not None
        self._cache[node] = (self.coref.version if depends else -1, actor)
        if actor is not None and hit is None and not self._finished:  # the finished table no longer changes
            self.coref.history.append(actor)  # groups too: the antecedents of "they"
        return actor

    def _span(self, d: Description) -> tuple[str, int, int]:
        ta = self.parsed.tokens
        start, end = ta.idx[d.start], ta.idx[d.end - 1] + len(ta.texts[d.end - 1])
        return self.text[start:end], start, end

    def _build(self, d: Description) -> ActorMention | None:
        text, start, end = self._span(d)
        if d.head_kind == PRONOUN:
            return self.coref.pronoun(d.head, text, start, end)
        if d.group_ref or (d.of_group_ref is not None and d.head_kind in (ROLE, GENERIC)):
            return self.coref.group_reference(d, text, start, end)
        if d.head_kind is None and d.of_first is not None and \
                self.parsed.keys[d.head] in QUANTITY_NOUNS:   # "hundreds of protesters", "thousands of people"
            inner = self._resolve(d.of_first)
            return replace(inner, text=text, start=start, end=end) if inner is not None else None
        if d.head_kind == GROUP_REF or self._not_a_side(d):
            return None
        if d.head_kind is None and self.parsed.keys[d.head] in ("country", "nation") and d.determiner in (
                "the", "this"):
            code = self.context_country(d.start, nearest=True)
            return ActorMention(text=text, start=start, end=end, country=code, sector="GOV", kind="country",
                                name=self.gaz.country_name(code), resolved_by="coref:country") if code else None
        codes = distinct(e.country for e in d.mod_countries)
        if len(codes) < 2:
            quoted = distinct(e.country for e in d.quote_countries)
            if len(quoted) >= 2:
                codes = quoted
        if len(codes) >= 2 and d.head_kind in (ROLE, GENERIC, PEOPLE):
            members = [self._single(d, text, start, end, country=c, member=True) for c in codes]
            return make_group(text, start, end, [m for m in members if m is not None], "group:modifiers")
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
            if a.sector is None and entry.country in ("IGO", "UNO", "EUR"):
                a.sector = "GOV"
        elif hk in (ROLE, GENERIC):
            a.kind = "role"
            a.sector = _role_sector(d, hk, entry)
            if self._central_bank(d):
                a.sector = "GOV"
        elif hk in (NAME, PERSON):
            a.kind = "person" if (hk == PERSON or d.name_ner == "PERSON" or role is not None or d.gender
                                  or self._name_as_subject(d)) else "organisation"
            a.sector = (role.sector if role is not None and role.sector else None) or \
                (d.mod_sectors[0] if d.mod_sectors else None) or (entry.sector if hk == PERSON else None)
        else:
            return None
        if role is not None and role.role_kind == "person":
            a.office = _office(role, d)
        if d.former and a.sector and a.sector != "ELI":
            a.other_sectors, a.sector = [a.sector], "ELI"
        if hk == PERSON:
            a.other_sectors = list(entry.other_sectors)
            a.office = a.office or entry.office
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
            self.coref.merge_profile(a, how)
        elif a.kind == "role" and not a.name and d.determiner not in ("a", "an") and (member or not d.plural) \
                and role is not None and role.role_kind == "person":
            self.coref.role_coref(a, role, how)
        if a.country is None and d.loc_country:
            a.country = d.loc_country
            how.append("location")
        if a.country is None and a.kind == "role" and d.determiner in OWNER_PRONOUNS \
                and self.parsed.keys[d.head] not in OTHER_SIDE_ROLES:
            a.country = self._owner_country(d)   # "Trump and his Cabinet", "the ministry and its officials"
            if a.country:
                how.append("owner")
        if a.country is None and not d.name_modifier and (
                a.kind == "role" and a.sector is not None or a.kind == "person"):
            a.country = self.context_country(d.start)
            if a.country:
                how.append("context")
        if a.kind == "person" or (a.kind == "organisation" and a.name):
            self.coref.affiliation(a, d)
        if a.country is None and a.sector is None and a.name is None:
            return None
        if hk == NAME and a.country is None and a.sector is None and d.name_ner not in ("PERSON", "ORG") \
                and a.kind != "person":
            return None
        a.resolved_by = "+".join(dict.fromkeys(how)) or _default_rule(hk)
        return a

    def _central_bank(self, d: Description) -> bool:
        """"the Bank of Spain", "Bank of Japan": a Bank named after a country is its central bank (a state body)."""
        texts = self.parsed.tokens.texts
        return self.parsed.keys[d.head] == "bank" and texts[d.head] == "Bank" and bool(d.of_countries) and \
            not d.mod_countries and "America" not in texts[d.start:d.end]  # Bank of America is a company

    def _not_a_side(self, d: Description) -> bool:
        """Words of the role lexicon used in another sense: "foreign capital" (money: a capital city takes an
        article), "parties concerned" (the sides of a dispute, not political parties: those are named or qualified,
        "opposition parties", "Kurdish parties")."""
        key, bare = self.parsed.keys[d.head], d.determiner is None
        if key == "capital" and bare and not d.plural and d.name is None:
            return True
        tags = self.parsed.tokens.tags
        return key == "parties" and (bare or d.determiner == "all") and d.head_kind in (ROLE, GENERIC) \
            and all(tags[k] in ("DT", "PDT") for k in range(d.start, d.head))  # nothing qualifies them

    def _owner_country(self, d: Description) -> str | None:
        """The country of whoever a possessive pronoun before the head points back to."""
        ta = self.parsed.tokens
        k = d.start
        start = ta.idx[k]
        owner = self.coref.pronoun(k, ta.texts[k], start, start + len(ta.texts[k]))
        return owner.country if owner is not None else None

    def _name_as_subject(self, d: Description) -> bool:
        """A bare proper name the NER missed, acting as a subject ("Duterte personally welcomed ..."): in news, a
        person named by surname."""
        ta, h = self.parsed.tokens, d.head
        return not d.name_ner and d.end - d.start == 1 and ta.tags[h] == "NNP" and \
            ta.deps[h] in ("nsubj", "nsubjpass") and ta.ents[h] == ""

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
        known = self._known_person(d)
        if known is not None:  # "Secretary of State Mike Pompeo": the person's country on the article's date
            return known, "gazetteer:person"
        if d.of_countries:
            return d.of_countries[0].country, "of-phrase"
        if d.quote_countries:
            return d.quote_countries[0].country, "name"
        if d.paren is not None and d.paren.country:
            return d.paren.country, "acronym"
        if hk == ROLE and entry is not None and entry.country:
            return entry.country, "role"
        return None, None

    def _known_person(self, d: Description) -> str | None:
        """The country of a well-known person named in a role phrase, at the article's date (None if unknown)."""
        if d.name_entry is None or d.head_kind not in (ROLE, GENERIC, NAME):
            return None
        dated = d.name_entry.at(self.date_iso) if self.date_iso else d.name_entry
        return dated.country if dated.country and not country_is_special(dated.country) else None

    def context_country(self, token: int, nearest: bool = False) -> str | None:
        """The country the article is about: the most mentioned national country (or the nearest one before)."""
        if nearest:  # "the country": the most mentioned country so far, the latest on a tie
            before = [it.entry.country for it in self.parsed.items if it.start < token
                      and it.kind in (COUNTRY, ADJECTIVE, CAPITAL) and not country_is_special(it.entry.country)]
            if before:
                counts = {c: before.count(c) for c in before}
                return max(reversed(before), key=lambda c: counts[c])
        if self._context is None:
            counts: dict[str, int] = {}
            for it in self.parsed.items:
                if it.kind in (COUNTRY, ADJECTIVE, CAPITAL, PEOPLE) and it.entry.country \
                        and not country_is_special(it.entry.country):
                    counts[it.entry.country] = counts.get(it.entry.country, 0) + 1
            self._context = max(counts, key=lambda c: counts[c]) if counts else ""
        return self._context or None

def _same_text(parsed: ParsedActors, text: str) -> bool:
    """The article body is the Doc's text (checked on the last tokens, without rebuilding doc.text)."""
    ta = parsed.tokens
    if not ta.texts:
        return text == ""
    for k in range(max(0, len(ta.texts) - 3), len(ta.texts)):
        if text[ta.idx[k]:ta.idx[k] + len(ta.texts[k])] != ta.texts[k]:
            return False
    return len(text) >= ta.idx[-1] + len(ta.texts[-1])


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


def _office(role, d: Description) -> str:
    office = role.office or role.phrase.title()
    body = d.of_body
    if body is not None and body is not role and body.kind in (ROLE, GENERIC, ORG) and \
            (body.kind == ORG or body.role_kind == "body"):
        name = body.name if body.kind == ORG else body.phrase.title()
        office = f"{office} of the {name}"
    return office

