"""English inflection for lexicon entries, so Herald needs no lemmatizer at run time.

Lexicons (triggers, roles) are written as lemmas; `verb_forms` and `noun_forms` expand them to the surface forms a
text may contain, and lexicons index those forms. This is exact for the words we list and costs nothing per token.
"""
from __future__ import annotations

from functools import lru_cache

# Irregular verbs that occur in political news: lemma -> (past, past participle).
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "be": ("was", "were", "been", "is", "are", "am", "being"),
    "beat": ("beat", "beaten"), "begin": ("began", "begun"), "bring": ("brought",), "build": ("built",),
    "buy": ("bought",), "catch": ("caught",), "choose": ("chose", "chosen"), "come": ("came", "come"),
    "cut": ("cut",), "deal": ("dealt",), "do": ("did", "done", "does"), "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"), "fall": ("fell", "fallen"), "fight": ("fought",), "find": ("found",),
    "flee": ("fled",), "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "get": ("got", "gotten"), "give": ("gave", "given"), "go": ("went", "gone", "goes"),
    "hang": ("hung", "hanged"), "have": ("had", "has"), "hear": ("heard",), "hit": ("hit",), "hold": ("held",),
    "hurt": ("hurt",), "keep": ("kept",), "know": ("knew", "known"), "lay": ("laid",), "lead": ("led",),
    "leave": ("left",), "lend": ("lent",), "let": ("let",), "lose": ("lost",), "make": ("made",),
    "meet": ("met",), "overthrow": ("overthrew", "overthrown"), "pay": ("paid",), "put": ("put",), "quit": ("quit",),
    "rebuild": ("rebuilt",), "ride": ("rode", "ridden"), "rise": ("rose", "risen"), "run": ("ran", "run"),
    "say": ("said",), "see": ("saw", "seen"), "seek": ("sought",), "sell": ("sold",), "send": ("sent",),
    "set": ("set",), "shoot": ("shot",), "shut": ("shut",), "sit": ("sat",), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "spend": ("spent",), "spread": ("spread",), "stand": ("stood",),
    "steal": ("stole", "stolen"), "strike": ("struck", "stricken"), "swear": ("swore", "sworn"),
    "take": ("took", "taken"), "teach": ("taught",), "tell": ("told",), "think": ("thought",),
    "throw": ("threw", "thrown"), "undertake": ("undertook", "undertaken"), "uphold": ("upheld",),
    "win": ("won",), "withdraw": ("withdrew", "withdrawn"), "withhold": ("withheld",),
    "write": ("wrote", "written"), "bid": ("bid",), "forsake": ("forsook", "forsaken"), "mislead": ("misled",),
    "shake": ("shook", "shaken"), "upset": ("upset",), "oversee": ("oversaw", "overseen"), "hide": ("hid", "hidden"),
    "bear": ("bore", "borne"), "feel": ("felt",), "break": ("broke", "broken"), "blow": ("blew", "blown"),
    "sink": ("sank", "sunk"), "wind": ("wound",), "bind": ("bound",), "slide": ("slid",), "split": ("split",),
    "shed": ("shed",), "sweep": ("swept",), "forgo": ("forwent", "forgone"),
    "foresee": ("foresaw", "foreseen"), "rethink": ("rethought",), "offset": ("offset",),
}
IRREGULAR_PLURALS: dict[str, str] = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "chairman": "chairmen",
    "chairwoman": "chairwomen", "spokesman": "spokesmen", "spokeswoman": "spokeswomen", "policeman": "policemen",
    "gunman": "gunmen", "serviceman": "servicemen", "militiaman": "militiamen", "congressman": "congressmen",
    "congresswoman": "congresswomen", "businessman": "businessmen", "businesswoman": "businesswomen",
    "tribesman": "tribesmen", "clergyman": "clergymen", "crisis": "crises", "analysis": "analyses",
    "staff": "staff", "police": "police", "personnel": "personnel", "sheep": "sheep", "chief": "chiefs",
    "thief": "thieves", "life": "lives", "wife": "wives", "leaf": "leaves", "militia": "militias",
    "attorney": "attorneys", "envoy": "envoys", "army": "armies", "ally": "allies", "party": "parties",
    "embassy": "embassies", "agency": "agencies", "authority": "authorities", "secretary": "secretaries",
    "deputy": "deputies", "country": "countries", "ministry": "ministries", "body": "bodies",
}
_VOWELS = set("aeiou")
# Verbs whose final consonant doubles before -ed/-ing (stress on the last syllable).
_DOUBLING = {"ban", "bar", "beg", "blot", "chat", "commit", "control", "drop", "equip", "fit", "grab", "jam",
             "kidnap", "mar", "nab", "omit", "plan", "plot", "prefer", "refer", "regret", "rob", "ship", "shop",
             "slam", "stab", "step", "stop", "submit", "transfer", "trap", "admit", "emit", "permit",
             "compel", "expel", "propel", "repel", "occur", "confer", "deter", "incur", "rebut", "scrap", "snub",
             "tap", "top", "wed", "zip", "abet", "acquit", "allot", "outstrip", "strip", "pin", "spar", "sip",
             "run", "get", "set", "hit", "put", "cut", "shut", "sit", "win", "begin", "quit", "bid", "split", "let",
             "forget", "dig", "rig", "rub", "nod", "spin"}


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    if lemma in _DOUBLING:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _gerund(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and lemma != "be":
        return lemma[:-1] + "ing"
    if lemma in _DOUBLING:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


@lru_cache(maxsize=None)
def verb_forms(lemma: str) -> frozenset[str]:
    """All inflected forms of a (lowercase, one-word) verb lemma, the lemma included."""
    prefixed = _prefixed_irregular(lemma)
    if prefixed is not None:
        prefix, stem = prefixed
        return frozenset(prefix + form for form in verb_forms(stem))
    forms = {lemma, _third_person(lemma), _gerund(lemma)}
    forms.update(IRREGULAR_VERBS.get(lemma, (_regular_past(lemma),)))
    if len(lemma) > 3 and lemma.endswith("l") and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        forms.update({lemma + "led", lemma + "ling"})  # British spelling: cancelled, labelled, travelling
    return frozenset(forms)


# Prefixes that keep a verb's irregular forms: retake/retook, overrun/overran, outbid, undergo/underwent.
_PREFIXES = ("re", "over", "under", "out", "mis", "fore", "with", "up")


def _prefixed_irregular(lemma: str) -> tuple[str, str] | None:
    """(prefix, stem) when the lemma is a prefix and an irregular verb not listed itself: "retake" -> ("re", "take")."""
    if lemma in IRREGULAR_VERBS:
        return None
    for prefix in _PREFIXES:
        stem = lemma[len(prefix):]
        if lemma.startswith(prefix) and len(stem) > 1 and stem != "be" and stem in IRREGULAR_VERBS:
            return prefix, stem
    return None


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun.endswith("man") and not noun.endswith(("human", "german", "ottoman")):
        return noun[:-3] + "men"
    return _third_person(noun) if not noun.endswith("o") else noun + "s"


@lru_cache(maxsize=None)
def noun_forms(lemma: str) -> frozenset[str]:
    """A noun lemma and its plural."""
    return frozenset({lemma, plural(lemma)})
