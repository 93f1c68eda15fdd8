"""TimeTagger: find every temporal expression of an article and normalise it against the publication date."""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from herald.records import TimeRef
from herald.time import absolute, quantity, relative
from herald.time.calendar import Interval
from herald.time.context import Context, Mention, Resolution, previous_word
from herald.time.grammar import Rule, keywords, rules
from herald.time.tense import TenseTest, doc_tense_test, text_tense_test

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Resolver = Callable[[re.Match[str], Context], Resolution | None]
RESOLVERS: dict[str, Resolver] = {
    "month_day": absolute.resolve_month_day, "day_month": absolute.resolve_month_day,
    "iso_date": absolute.resolve_numeric_date, "slash_date": absolute.resolve_numeric_date,
    "month": absolute.resolve_month, "year": absolute.resolve_year, "decade": absolute.resolve_decade,
    "century": absolute.resolve_century, "quarter": absolute.resolve_quarter, "quarter_code": absolute.resolve_quarter,
    "season": absolute.resolve_season, "season_in": absolute.resolve_season, "holiday": absolute.resolve_holiday,
    "weekday": relative.resolve_weekday, "relative_day": relative.resolve_relative_day,
    "part_of_day": relative.resolve_part_of_day, "relative_unit": relative.resolve_relative_unit,
    "context_unit": relative.resolve_context_unit, "year_earlier": relative.resolve_year_earlier,
    "duration": quantity.resolve_duration, "bare_units": quantity.resolve_bare_units,
    "recent_units": quantity.resolve_recent_units, "vague_offset": quantity.resolve_vague_offset, "reference": quantity.resolve_reference,
    "clock": quantity.resolve_clock, "set": quantity.resolve_set,
}
# Prepositions that turn a date into a period ending at publication: "since 2019" = 2019-01-01 .. publication.
_SINCE = frozenset({"since", "Since"})


class TimeTagger:
    """Rule-based temporal tagger. Cheap to build: the grammar is compiled once per process and shared."""

    def __init__(self, rule_set: tuple[Rule, ...] | None = None) -> None:
        self._rules = rule_set if rule_set is not None else rules()
        unknown = [r.name for r in self._rules if r.name not in RESOLVERS]
        if unknown:
            raise ValueError(f"rules without a resolver: {unknown}")

    def tag(self, doc: "Doc", published: dt.date, text: str | None = None) -> list[TimeRef]:
        """Every temporal expression of a parsed article, sorted by offset; the parse gives each clause's tense.
        `text` is the article text the doc was parsed from (spaCy rebuilds `doc.text` on each access)."""
        text = doc.text if text is None else text
        return self.tag_with(text, published, doc_tense_test(doc, text))

    def tag_with(self, text: str, published: dt.date, tense: TenseTest | None = None) -> list[TimeRef]:
        """Like `tag` on raw text; `tense(start, end)` tells a clause's tense (default: read from nearby words)."""
        if isinstance(published, dt.datetime):
            published = published.date()
        mentions = self.mentions(text, published, tense or text_tense_test(text))
        return [to_time_ref(mention, text, published) for mention in mentions]

    def mentions(self, text: str, published: dt.date, tense: TenseTest,
                 force_tense: str | None = None) -> list[Mention]:
        """The resolved expressions of `text` (the tagger's internal view, with the matching rule)."""
        candidates: list[tuple[int, int, Rule, re.Match[str]]] = []
        windows = _keyword_windows(text)
        for rule in self._rules:
            seen: set[tuple[int, int]] = set()
            for anchor in rule.anchors or ("*",):
                for lo, hi in windows.get(anchor, ()) if anchor != "*" else ((0, len(text)),):
                    for match in rule.pattern.finditer(text, lo, hi):
                        if match.end() > match.start() and match.span() not in seen:
                            seen.add(match.span())
                            candidates.append((match.start() - match.end(), -rule.priority, rule, match))
        # Longest expressions first; each must resolve (checked without anchors), and none may overlap.
        candidates.sort(key=lambda c: (c[0], c[1], c[3].start()))
        tense_of = _cached(tense)
        probe = Context(published, text, tense_of, force_tense=force_tense)
        chosen: list[tuple[Rule, re.Match[str]]] = []
        taken: list[tuple[int, int]] = []
        for _, _, rule, match in candidates:
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if _resolve(rule, match, probe) is None:
                continue
            chosen.append((rule, match))
            taken.append((start, end))
        # Then resolve in text order, so "a day later" and "the quarter" can read the dates before them.
        chosen.sort(key=lambda c: c[1].start())
        ctx = Context(published, text, tense_of, force_tense=force_tense)
        for rule, match in chosen:
            resolution = _resolve(rule, match, ctx)
            if resolution is None:
                continue
            span_start, span_end = resolution.span or match.span()
            if span_end > span_start:
                ctx.mentions.append(Mention(span_start, span_end, text[span_start:span_end], rule.name, resolution))
        _apply_offsets(ctx.mentions, text)
        return ctx.mentions


WINDOW_BEFORE, WINDOW_AFTER = 48, 32  # characters a rule may reach before and after its keyword


def _keyword_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each keyword class, the merged stretches of text around its keywords where rules are tried."""
    windows: dict[str, list[tuple[int, int]]] = {}
    length = len(text)
    for start, end, name in keywords(text):
        lo, hi = max(0, start - WINDOW_BEFORE), min(length, end + WINDOW_AFTER)
        spans = windows.setdefault(name, [])
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return windows


_FOLLOWING_ANCHOR = re.compile(r"\s*(?:after|before|prior\s+to|from|since)\s+(?:the\s+|a\s+|an\s+|that\s+)?$",
                               re.IGNORECASE)


def _apply_offsets(mentions: list[Mention], text: str) -> None:
    """'two days after Christmas', 'a day before Tuesday's vote': move the date that follows the signal word."""
    for index, mention in enumerate(mentions):
        offset = mention.resolution.offset
        if offset is None or index + 1 >= len(mentions):
            continue
        target = mentions[index + 1]
        interval = target.resolution.interval
        gap = text[mention.end:target.start]
        if interval is None or target.resolution.type not in ("DATE", "TIME") or not _FOLLOWING_ANCHOR.match(gap):
            continue
        amount, unit, sign = offset
        try:
            mention.resolution.interval = quantity.shifted(interval, amount, unit, sign)
        except (OverflowError, ValueError):  # "200,000 years before ...": outside the calendar, left unanchored
            continue


def _resolve(rule: Rule, match: re.Match[str], ctx: Context) -> Resolution | None:
    """The rule's resolution of a match, or None when it has none or the date falls outside the calendar Python can
    represent ("292,000 weeks ago", "232,000 years ago": years 1-9999 only). One odd number in an article must not
    make the whole article fail."""
    try:
        return RESOLVERS[rule.name](match, ctx)
    except (OverflowError, ValueError) as exc:
        log.debug("%r not resolved by %s: %s", match.group(0), rule.name, exc)
        return None


def _cached(tense: TenseTest) -> TenseTest:
    memo: dict[tuple[int, int], str | None] = {}

    def cached(start: int, end: int) -> str | None:
        key = (start, end)
        if key not in memo:
            memo[key] = tense(start, end)
        return memo[key]

    return cached


def to_time_ref(mention: Mention, text: str, published: dt.date) -> TimeRef:
    res = mention.resolution
    interval: Interval | None = res.interval
    if interval is not None and res.type in ("DATE", "TIME") and previous_word(text, mention.start) in _SINCE \
            and interval.start <= published:
        interval = Interval(interval.start, published, "range", interval.value)
    return TimeRef(text=mention.text, start_date=interval.start if interval else None,
                   end_date=interval.end if interval else None,
                   granularity=interval.granularity if interval else None, value=res.value, type=res.type,
                   start=mention.start, end=mention.end, source="text")


def tag_text(text: str, published: dt.date, nlp: "Language | None" = None) -> list[TimeRef]:
    """Tag raw text. With `nlp` the text is parsed and clause tense read from the parse; without, from the words."""
    tagger = _default_tagger()
    if nlp is None:
        return tagger.tag_with(text, published)
    return tagger.tag(nlp(text), published)


_TAGGER: TimeTagger | None = None


def _default_tagger() -> TimeTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = TimeTagger()
    return _TAGGER
