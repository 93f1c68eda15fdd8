"""The regular-expression grammar of English temporal expressions, compiled once.

Each `Rule` finds one family of expressions. A rule's pattern may carry a named group `x`: then only that group is
the expression's extent (TimeML excludes a leading preposition such as the "in" of "in the past", which some rules
need to see). The resolvers of `herald.time.absolute`, `.relative` and `.quantity` (one per rule, see
`herald.time.tagger.RESOLVERS`) turn a match into a calendar interval and a TimeML value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from herald.time.lexicon import MONTHS, ORDINALS, WEEKDAYS

MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
         r"|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?)")
WEEKDAY = (r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
           r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)")
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# "1800 UTC", "0600 GMT", "1430 hours": a 24-hour clock time, not a year
CLOCK_ZONE = r"(?:UTC|GMT|BST|CET|CEST|EET|EEST|[ECMP][SD]T|IST|JST|AEST|AEDT|hours|hrs|local\s+time|Z)\b"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          rf"(?:[\s-](?:{_ONES}))?|{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          r"|eighteen|nineteen|a\s+hundred|hundred|a\s+dozen|dozen|half\s+an?|a\s+couple\s+of|a\s+couple|an?"
          r"|a\s+few|few|several|many|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of|some)")
UNIT = (r"(?:(?:trading|business|working)\s+days?|seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?"
        r"|months?|quarters?|years?|decades?|centur(?:y|ies)|weekends?)")
ORDINAL_WORD = "|".join(sorted((w.replace(" ", r"\s+") for w in ORDINALS), key=len, reverse=True))
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
EDGE = r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|close)\s+of|(?:end|beginning|start|middle)\s+of)"
REL = r"(?:this\s+past|this\s+coming|last|next|this|past|coming)"
MODIFIER = (r"(?:about|approximately|around|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least"
            r"|at\s+most|up\s+to|roughly|some|just|only|over|under|barely|the\s+better\s+part\s+of)")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int = 0  # breaks ties between equally long overlapping matches (higher wins)
    anchors: tuple[str, ...] = ()  # keyword classes (see ANCHORS) one of which every match contains


def _rule(name: str, pattern: str, priority: int = 0, anchors: str = "") -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE | re.VERBOSE), priority, tuple(anchors.split()))


# Keyword classes. The tagger looks every word of the text up once and runs a rule only in windows around the
# keywords it needs: most of an article holds no temporal word, and the rules are costly to try everywhere.
_CAPITALISED = {
    "month": " ".join(MONTHS),
    "weekday": " ".join(WEEKDAYS),
    "holiday": "christmas thanksgiving easter halloween valentine independence labor memorial boxing",
    "code": "q1 q2 q3 q4 h1 h2",
}
_ANY_CASE = {
    "unit": "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month "
            "months quarter quarters year years decade decades century centuries weekend weekends period half",
    "word": "today tonight yesterday tomorrow morning afternoon evening night now currently nowadays present moment "
            "current recently lately formerly past future noon midnight daily weekly monthly yearly nightly hourly "
            "spring summer autumn fall winter century these",
}
_WORD = re.compile(r"[A-Za-z]+[0-9]?|(?<![A-Za-z0-9])[0-9]|'[0-9]")


@lru_cache(maxsize=1)
def keyword_classes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(capitalised word -> classes, lowercase word -> classes), both keyed by the lowercase word."""
    capitalised: dict[str, tuple[str, ...]] = {}
    any_case: dict[str, tuple[str, ...]] = {}
    for table, target in ((_CAPITALISED, capitalised), (_ANY_CASE, any_case)):
        for name, words in table.items():
            for word in words.split():
                target[word] = (*target.get(word, ()), name)
    return capitalised, any_case


def keywords(text: str):
    """(start, end, class) of every keyword of `text`; any digit that starts a word is a 'digit' keyword."""
    capitalised, any_case = keyword_classes()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isalpha():
            yield match.start(), match.end(), "digit"
            continue
        lower = word.lower()
        classes = any_case.get(lower, ())
        if word[0].isupper():
            classes = classes + capitalised.get(lower, ())
        for name in classes:
            yield match.start(), match.end(), name


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled on first use."""
    return (
        # October 11, 2021 / Friday, Oct. 13 / late April 21 (the weekday and year are optional)
        _rule("month_day", rf"""(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mod>{EDGE})[\s-]+)?(?P<mon>{MONTH})\s+
                (?:the\s+)?(?P<day>{DAY})\b(?!\s*(?:%|percent|-|\d))(?:,?\s+(?P<year>{YEAR})\b)?""", 3, "month"),
        # 11 October 2021 / the 11th of October
        _rule("day_month", rf"""(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?\b(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})
                (?:,?\s+(?P<year>{YEAR})\b)?""", 3, "month"),
        _rule("iso_date", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b(?!-)", 4, "digit"),
        _rule("slash_date", r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4}|\d{2})\b", 4, "digit"),
        # September 2021 / in August / early December / last May / the end of November / earlier in December
        _rule("month", rf"""(?:(?P<pre>earlier|later)\s+in\s+)?(?:(?P<mod>{EDGE})[\s-]+)?(?:(?P<rel>{REL})\s+)?
                (?P<mon>{MONTH})(?!\s+\d{{1,2}}(?:st|nd|rd|th)?\b)(?:,?\s+(?:of\s+)?(?P<year>{YEAR}\b
                |(?:this|last|next)\s+year))?""", 1, "month"),
        # 2021 / fiscal 1990 / early 2020 / the end of 1994
        _rule("year", rf"""(?:(?P<mod>{EDGE})[\s-]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY)
                [\s-]*)?\b(?P<year>{YEAR})\b(?!\s*(?:%|percent|[-/]\d|,\d|\.\d|{CLOCK_ZONE}))""", 0, "digit"),
        _rule("decade", r"""(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<decade>1[0-9]{2}0|20[0-9]0)'?s
                |'(?P<short>[0-9]0)s)\b""", 2, "digit"),
        _rule("century", rf"(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century\b", 2, "word"),
        # Friday / last Friday / this coming Sunday / Friday morning
        _rule("weekday", rf"""(?:(?P<the>the\s+)?(?P<rel>{REL}|previous|following)\s+)?(?P<wd>{WEEKDAY})
                (?:\s+(?P<part>{PART_OF_DAY}))?""", 1, "weekday"),
        _rule("relative_day", rf"""(?:(?P<mod>early|late|later|earlier)\s+)?
                (?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)
                (?:\s+(?P<part>{PART_OF_DAY}))?\b(?!-)""", 2, "word"),
        _rule("part_of_day", rf"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>this|last)\s+(?P<part>{PART_OF_DAY})\b", 2, "word"),
        # this week / last year / earlier this month / early next year / the end of the month / the past year
        _rule("relative_unit", rf"""(?:(?P<pre>earlier|later)\s+(?:in\s+)?)?(?:(?P<mod>{EDGE})[\s-]+)?
                (?P<the>the\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|previous|coming|current
                |present|same|latest|following|the)\s+(?P<fiscal>fiscal[\s-]+)?
                (?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b(?!-)""", 2, "unit word"),
        _rule("season", rf"""(?:(?P<mod>early|mid|late)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)
                (?:\s+(?:of\s+)?(?P<year>{YEAR})\b)""", 1, "word"),
        _rule("season_in", r"""\b(?:in|during|by|over|until|through|since)\s+(?:the\s+)?
                (?P<x>(?:(?P<mod>early|mid|late)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter))\b""", 1, "word"),
        # the third quarter / third-quarter / the first half of 2020 / Q3 2021 / the fiscal first quarter
        _rule("quarter", rf"""(?:the\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final
                |last)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)\b(?:\s+(?:of\s+)?
                (?:fiscal\s+)?(?P<year>{YEAR}\b|(?:this|last|next)\s+year))?""", 2, "unit"),
        _rule("quarter_code", rf"\b(?P<unit>Q|H)(?P<ord>[1-4])(?:\s+(?P<year>{YEAR}))?\b", 2, "code"),
        # the quarter / the latest quarter / the year-earlier period / that year / the same day
        _rule("context_unit", r"""(?P<det>the|that|this)\s+(?P<adj>latest|current|same|year-earlier|year-ago
                |comparable|fiscal|previous|prior|following|next)?[\s-]*(?P<unit>quarter|period|year|fiscal\s+year
                |day|week|month)\b(?!-|\s+(?:of|old|before|after)\b)""", 0, "unit"),
        _rule("year_earlier", r"\b(?P<word>year-earlier|year-ago|a\s+year\s+earlier|a\s+year\s+ago)\b", 3, "unit"),
        # 15 years / the past 15 years / three months ago / a year earlier / two-year / 8-month-old / a few days
        _rule("duration", rf"""(?:(?P<mod>{MODIFIER})\s+)?(?P<the>the\s+)?(?:(?P<rel>past|last|next|previous
                |coming|first|final|following|latest|recent|initial|remaining|same)\s+)?(?P<num>{NUMBER})
                (?:\s+or\s+(?:so|more|two|three))?[\s-]+(?P<unit>{UNIT})(?P<old>-old|-long)?\b(?!-)
                (?:\s+(?P<dir>ago|earlier|later|previously|before|after|from\s+now|hence|or\s+so\s+ago|prior))?""", 1, "unit"),
        _rule("bare_units", r"""\b(?P<pre>for|within|in|over|recent|coming|the\s+coming|the\s+past|past|the\s+last)
                \s+(?P<x>(?P<unit>days|weeks|months|years|decades))\b(?!\s+(?:of|old|ago|after|before)\b)""", 0, "unit"),
        _rule("vague_offset", r"\b(?P<unit>days|weeks|months|years|hours)\s+(?P<dir>later|earlier)\b", 0, "unit"),
        _rule("recent_units", r"\b(?P<x>recent\s+(?P<unit>days|weeks|months|years|decades))\b", 1, "unit"),
        _rule("reference", r"""\b(?:(?P<now>now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment
                |current)|(?P<past>recently|lately|formerly|the\s+past)|(?P<future>the\s+future
                |the\s+near\s+future))\b(?!-)""", 0, "word"),
        _rule("clock", r"""(?:(?P<mod>about|around|at|approximately|shortly\s+after|shortly\s+before)\s+)?
                (?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)
                |(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b(?!:?\d)|(?<=at\s)(?P<word>noon|midnight)\b)
                (?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?""", 2, "digit word"),
        _rule("set", rf"""\b(?:(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<num>\d+|{_ONES})\s+)?
                (?P<unit>{UNIT}|{WEEKDAY}|{MONTH})|(?P<adverb>daily|weekly|monthly|yearly|nightly|hourly))""", 2, "unit weekday month word"),
        _rule("holiday", rf"""(?:(?P<rel>last|next|this)\s+)?(?P<name>Christmas\s+(?:Day|Eve)|Christmas
                |New\s+Year's\s+(?:Day|Eve)|New\s+Year's|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?
                |Independence\s+Day|Valentine's\s+Day|Halloween|Boxing\s+Day|Labor\s+Day|Memorial\s+Day)
                (?:\s+(?P<year>{YEAR}))?\b""", 2, "holiday unit"),
    )
