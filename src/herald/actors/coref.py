"""In-article coreference: names, role nouns, pronouns, group references and party membership.

`Coreference` holds one article's coreference state, owned by ArticleActors (herald.actors.resolver):
- `history`: the actors resolved so far (groups included), in text order (antecedents come before the mention);
- `profiles`: name key (full name, surname, "al-sudani") -> what the article says about that person or body;
- `participants`: the two sides of the latest exchange told so far (herald.events.exchanges finds them).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from herald.actors.describe import Description, own_sector
from herald.actors.lexicon import GENERIC, ORG, norm
from herald.actors.mention import ActorMention, fill, make_group
from herald.actors.phrases import ParsedActors
from herald.records import Actor

if TYPE_CHECKING:
    from herald.actors.gazetteer import ActorGazetteer
    from herald.actors.kb import ActorKB

AFFILIATION_VERBS = frozenset({"represents", "represented", "leads", "led", "heads", "headed", "chairs", "joined"})
PEOPLE_GROUP_REFS = frozenset({"party", "side", "counterpart", "partner", "delegation", "representative", "leader"})
COUNTRY_GROUP_REFS = frozenset({"country", "nation", "state", "capital", "government", "neighbour", "neighbor"})
NAME_PARTICLES = ("al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di")
MALE, FEMALE = frozenset({"he", "him", "his"}), frozenset({"she", "her", "hers"})
PLURAL, NEUTER = frozenset({"they", "them", "their"}), frozenset({"it", "its"})
PERSONAL = MALE | FEMALE
SINGULAR = PERSONAL | NEUTER
PRONOUN_WORDS = SINGULAR | PLURAL
SUBJECT_DEPS = ("nsubj", "nsubjpass")
ACRONYM = "acronym:"  # profile keys by the initials of a long name, looked up only by an all-capital word


class Coreference:
    """The coreference state of one article's actor table (owned by ArticleActors, which feeds it in text order):
    `history` (actors resolved so far, groups included: antecedents come before the mention), `profiles` (name key ->
    what the article says about that person or body), `participants` (the two sides of the latest exchange) and
    `version` (bumped when the participants change: group references resolved before stay as they were)."""

    def __init__(self, parsed: ParsedActors, gaz: "ActorGazetteer", kb: "ActorKB | None"):
        self.parsed, self.gaz, self.kb = parsed, gaz, kb
        self.history: list[ActorMention] = []
        self.profiles: dict[str, ActorMention] = {}
        self._participants: tuple[Actor, Actor] | None = None
        self.version = 0
        self._sentence_numbers: list[int] | None = None

    def set_participants(self, actor: Actor | None, recipient: Actor | None) -> None:
        """An exchange told in the text (ArticleActors.resolve_all): "the parties" now means these two."""
        if actor is None or recipient is None or actor.members or recipient.members:
            return
        if actor.country and recipient.country and actor.country != recipient.country:
            self._participants = (actor, recipient)
            self.version += 1

    def participants(self, before: int | None = None) -> list[Actor]:
        if self._participants is not None:
            return list(self._participants)
        found: list[Actor] = []
        for kinds in (("person", "role", "organisation"), ("country",)):
            for a in self.history:
                if before is not None and a.start is not None and a.start >= before:
                    break
                if a.country and a.kind in kinds and all(a.country != f.country for f in found):
                    found.append(a)
                    if len(found) == 2:
                        return found
        return found

    def _name_keys(self, name: str) -> list[str]:
        words = [w for w in norm(name).replace("-", " - ").split() if w not in ("-",)]
        keys = [norm(name)]
        if len(words) > 1:
            keys.append(words[-1])
            if len(words) > 2 and words[-2] in NAME_PARTICLES:
                keys.append(f"{words[-2]}-{words[-1]}")
        return keys

    def merge_profile(self, a: ActorMention, how: list[str]) -> None:
        keys = self._name_keys(a.name)
        if _is_acronym(a.name):  # "MBS" after "Mohammed bin Salman", "AMLO" after "Andrés Manuel López Obrador"
            keys.append(ACRONYM + a.name.lower())
        profile = next((self.profiles[k] for k in keys if k in self.profiles), None)
        if profile is not None:
            how.append("coref:name")
            a.name = profile.name if len(profile.name) >= len(a.name) else a.name
            fill(a, profile)
            fill(profile, a)
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
            self.profiles.setdefault(k, profile)
        initials = _initials(a.name)
        if initials:
            self.profiles.setdefault(ACRONYM + initials, profile)

    def role_coref(self, a: ActorMention, role, how: list[str]) -> None:
        head_word = norm(role.phrase)
        generic = role.kind == GENERIC
        people = [prev for prev in reversed(self.history)
                  if (prev.start is None or prev.start < a.start) and prev.kind == "person" and prev.name
                  and not (a.country and prev.country != a.country)]
        # "the Kazakh Ambassador" is the ambassador named before, even when a president was named in between;
        # only a phrase without such a holder falls back to the nearest person of the same country and sector
        prev = next((p for p in people if head_word and p.office and head_word in norm(p.office)), None) or \
            next((p for p in people if a.country and (generic or (a.sector is not None and a.sector == p.sector))),
                 None)
        if prev is None:
            return
        how.append("coref:role")
        a.name, a.kind = prev.name, "person"
        a.country = a.country or prev.country
        if generic or not a.sector:
            a.sector = prev.sector
        a.office = prev.office or a.office
        a.other_sectors = list(prev.other_sectors)
        a.gender = a.gender or prev.gender

    def pronoun(self, head: int, text: str, start: int, end: int, *,
                 avoid: str | None = None) -> ActorMention | None:
        """The antecedent of he/she/they (the pronoun token `head`): a compatible earlier mention, preferring subjects
        and the nearest sentences ("The U.N. envoy called for talks ... . He said ..." -> the envoy, not a person he
        mentioned)."""
        word = norm(text)
        if word not in PRONOUN_WORDS:
            return None
        ta = self.parsed.tokens
        here = self._sentence_number(head)
        # an object pronoun is not the subject of its own clause ("the Taliban prohibited him"); a possessive can be
        # ("the minister praised his aides")
        clause_subjects: set[int] = set()
        if ta.deps[head] in ("dobj", "pobj", "dative"):
            governor = self.parsed.doc[ta.heads[head]]
            clause_subjects = {c.i for c in governor.children if c.dep_ in SUBJECT_DEPS}
        best: tuple[float, ActorMention] | None = None
        earlier = (prev for prev in reversed(self.history) if prev.start is None or prev.start < start)
        for rank, prev in enumerate(earlier):   # the history holds the whole article once it has been resolved
            if rank > 40:
                break
            k = prev.token if prev.token is not None and prev.token < len(ta.tags) else None
            if k is not None and (k in clause_subjects or not _number_fits(word, ta.tags[k])):
                continue
            if not self._pronoun_fits(word, prev) or (avoid is not None and prev.name == avoid):
                continue
            score = -0.5 * rank
            if k is not None:
                if ta.deps[k] in SUBJECT_DEPS:
                    score += 4
                score -= 2 * max(0, here - self._sentence_number(k) - 1)
            if best is None or score > best[0]:
                best = (score, prev)
        if best is None:
            return None
        prev = best[1]
        if word in PERSONAL:
            profile = self.profiles.get(norm(prev.name)) if prev.name else None
            if profile is not None and (profile.gender or prev.gender) is None:
                profile.gender = "m" if word in MALE else "f"
        return replace(prev, text=text, start=start, end=end, resolved_by="coref:pronoun", members=[],
                       kind="pronoun", token=head)

    def _sentence_number(self, i: int) -> int:
        if self._sentence_numbers is None:  # the sentence of each token, from the sentence starts of the token arrays
            starts = self.parsed.tokens.sent_start
            index = {start: n for n, start in enumerate(sorted(set(starts)))}
            self._sentence_numbers = [index[start] for start in starts]
        return self._sentence_numbers[i]

    def _pronoun_fits(self, word: str, prev: ActorMention) -> bool:
        if prev.members:  # a coordinated group ("the U.S. and NATO troops") is only "they"
            return word in PLURAL
        if word in NEUTER:  # it/its: a country, an organisation or a body ("the ministry")
            return prev.kind in ("country", "organisation") or (prev.kind == "role" and not prev.office)
        if word in PERSONAL:
            profile = self.profiles.get(norm(prev.name)) if prev.name else None
            gender = (profile.gender if profile else None) or prev.gender
            person_like = prev.kind == "person" or (prev.kind == "role" and prev.office and not prev.members)
            return bool(person_like) and not (word in MALE and gender == "f") and not (word in FEMALE and gender == "m")
        return prev.kind in ("role", "organisation", "country") and not (prev.name and prev.kind == "person")

    def group_reference(self, d: Description, text: str, start: int, end: int) -> ActorMention:
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
        return make_group(text, start, end, members, "group:participants")

    def affiliation(self, a: ActorMention, d: Description) -> None:
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
                if key in self.profiles:
                    fill(self.profiles[key], a)


def _number_fits(word: str, tag: str) -> bool:
    """he/she/it need a singular antecedent; they/them/their a plural one or an organisation."""
    return word not in SINGULAR or tag not in ("NNS", "NNPS")


def _is_acronym(name: str | None) -> bool:
    return bool(name) and 3 <= len(name) <= 5 and name.isalpha() and name.isupper()


def _initials(name: str | None) -> str | None:
    """The initials of a name of three to five words ("Mohammed bin Salman" -> "mbs"), or None."""
    words = [w for w in (name or "").replace("-", " ").split() if w[:1].isalpha()]
    if not 3 <= len(words) <= 5 or not words[0][:1].isupper():
        return None
    return "".join(w[0] for w in words).lower()
