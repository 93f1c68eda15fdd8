"""Table-driven tests of the temporal tagger on our own sentences (raw-text mode: tense read from nearby words)."""
from __future__ import annotations

import datetime as dt

import pytest

from herald.time import TimeTagger

D = dt.date
SUN = D(2021, 10, 17)  # a Sunday; its ISO week is 2021-W41 (Monday 11 .. Sunday 17 October)

# sentence, published, expected extent, value, start, end, granularity
CASES = [
    ("The talks took place on October 11, 2021, in Geneva.", SUN, "October 11, 2021", "2021-10-11",
     D(2021, 10, 11), D(2021, 10, 11), "day"),
    ("Ministers met on 11 Oct in Paris.", SUN, "11 Oct", "2021-10-11", D(2021, 10, 11), D(2021, 10, 11), "day"),
    ("The summit was held in September 2021.", SUN, "September 2021", "2021-09", D(2021, 9, 1), D(2021, 9, 30),
     "month"),
    ("In August, the army withdrew from the valley.", SUN, "August", "2021-08", D(2021, 8, 1), D(2021, 8, 31),
     "month"),
    ("The vote will be held in August.", SUN, "August", "2022-08", D(2022, 8, 1), D(2022, 8, 31), "month"),
    ("A trade mission is planned for November 2021.", SUN, "November 2021", "2021-11", D(2021, 11, 1),
     D(2021, 11, 30), "month"),
    ("Police arrested him on Friday.", SUN, "Friday", "2021-10-15", D(2021, 10, 15), D(2021, 10, 15), "day"),
    ("The leaders will meet on Friday.", SUN, "Friday", "2021-10-22", D(2021, 10, 22), D(2021, 10, 22), "day"),
    ("The council voted Friday to extend the mandate.", D(2025, 3, 14), "Friday", "2025-03-14", D(2025, 3, 14),
     D(2025, 3, 14), "day"),
    ("The minister resigned yesterday.", SUN, "yesterday", "2021-10-16", D(2021, 10, 16), D(2021, 10, 16), "day"),
    ("She will travel to Rome tomorrow.", SUN, "tomorrow", "2021-10-18", D(2021, 10, 18), D(2021, 10, 18), "day"),
    ("Rebels attacked the town last week.", SUN, "last week", "2021-W40", D(2021, 10, 4), D(2021, 10, 10), "week"),
    ("The ministry said this week that exports grew.", SUN, "this week", "2021-W41", D(2021, 10, 11),
     D(2021, 10, 17), "week"),
    ("Earlier this month, protesters gathered.", SUN, "Earlier this month", "2021-10", D(2021, 10, 1),
     D(2021, 10, 16), "range"),
    ("The party marks its anniversary this year.", SUN, "this year", "2021", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Inflation rose last year.", SUN, "last year", "2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("Talks resume next month.", SUN, "next month", "2021-11", D(2021, 11, 1), D(2021, 11, 30), "month"),
    ("Prices fell last month.", SUN, "last month", "2021-09", D(2021, 9, 1), D(2021, 9, 30), "month"),
    ("Investments grew over the past 15 years.", SUN, "the past 15 years", "P15Y", D(2006, 10, 17), SUN, "range"),
    ("The company has traded since 2019.", SUN, "2019", "2019", D(2019, 1, 1), SUN, "range"),
    ("She is the youngest speaker since 1831.", SUN, "1831", "1831", D(1831, 1, 1), SUN, "range"),
    ("The ceasefire collapsed three months ago.", SUN, "three months ago", "2021-07", D(2021, 7, 1),
     D(2021, 7, 31), "month"),
    ("Fighting resumed three months after the March 2020 truce.", SUN, "three months", "P3M", D(2020, 6, 1),
     D(2020, 6, 30), "month"),
    ("Exports rose in 2020 after falling a year earlier.", SUN, "a year earlier", "2019", D(2019, 1, 1),
     D(2019, 12, 31), "year"),
    ("The treaty was signed on Feb. 29.", D(2024, 3, 10), "Feb. 29", "2024-02-29", D(2024, 2, 29),
     D(2024, 2, 29), "day"),
    ("The treaty was signed on Feb. 29.", D(2023, 3, 10), "Feb. 29", "2020-02-29", D(2020, 2, 29),
     D(2020, 2, 29), "day"),
    ("Troops withdrew in December.", D(2022, 1, 5), "December", "2021-12", D(2021, 12, 1), D(2021, 12, 31),
     "month"),
    ("Strikes spread last week.", D(2021, 1, 2), "last week", "2020-W52", D(2020, 12, 21), D(2020, 12, 27), "week"),
    ("Markets closed this week.", D(2021, 1, 1), "this week", "2020-W53", D(2020, 12, 28), D(2021, 1, 3), "week"),
    ("Elections are expected next year.", D(2021, 12, 31), "next year", "2022", D(2022, 1, 1), D(2022, 12, 31),
     "year"),
    ("The envoy arrived last Friday.", D(2025, 3, 14), "last Friday", "2025-03-07", D(2025, 3, 7), D(2025, 3, 7),
     "day"),
    ("The envoy arrives next Monday.", SUN, "next Monday", "2021-10-18", D(2021, 10, 18), D(2021, 10, 18), "day"),
    ("Unrest grew in the 1990s.", SUN, "the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31), "range"),
    ("Profits fell in the third quarter.", SUN, "the third quarter", "2021-Q3", D(2021, 7, 1), D(2021, 9, 30),
     "quarter"),
    ("Profits fell in the first quarter of 2020.", SUN, "the first quarter of 2020", "2020-Q1", D(2020, 1, 1),
     D(2020, 3, 31), "quarter"),
    ("The envoy will visit in late April.", D(2021, 4, 16), "late April", "2021-04", D(2021, 4, 21),
     D(2021, 4, 30), "range"),
    ("The plant opened in early 2020.", SUN, "early 2020", "2020", D(2020, 1, 1), D(2020, 4, 30), "range"),
    ("Elections are due in mid-November.", SUN, "mid-November", "2021-11", D(2021, 11, 11), D(2021, 11, 20),
     "range"),
    ("The meeting starts at 10 a.m.", SUN, "10 a.m.", "2021-10-17T10:00", SUN, SUN, "day"),
    ("Shots were heard Friday morning.", SUN, "Friday morning", "2021-10-15TMO", D(2021, 10, 15),
     D(2021, 10, 15), "day"),
    ("The pilgrims left on Christmas Day.", SUN, "Christmas Day", "2020-12-25", D(2020, 12, 25), D(2020, 12, 25),
     "day"),
    ("The pilgrims will leave on Christmas Day.", SUN, "Christmas Day", "2021-12-25", D(2021, 12, 25),
     D(2021, 12, 25), "day"),
    ("The decree dated 2021-10-11 was annulled.", SUN, "2021-10-11", "2021-10-11", D(2021, 10, 11),
     D(2021, 10, 11), "day"),
    ("The decree of 10/11/2021 was annulled.", SUN, "10/11/2021", "2021-10-11", D(2021, 10, 11), D(2021, 10, 11),
     "day"),
    ("Borders were redrawn in the 20th century.", SUN, "the 20th century", "19", D(1900, 1, 1), D(1999, 12, 31),
     "range"),
    ("Fires raged this summer.", SUN, "this summer", "2021-SU", D(2021, 6, 1), D(2021, 8, 31), "range"),
    ("Gas ran short last winter.", SUN, "last winter", "2020-WI", D(2020, 12, 1), D(2021, 2, 28), "range"),
    ("Revenue fell in fiscal 2020.", SUN, "fiscal 2020", "2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("Prices rose over the past week.", SUN, "the past week", "P1W", D(2021, 10, 10), SUN, "range"),
    ("Output will double in the next two years.", SUN, "the next two years", "P2Y", SUN, D(2023, 10, 17),
     "range"),
    ("The rebels left two weeks ago.", SUN, "two weeks ago", "2021-10-03", D(2021, 10, 3), D(2021, 10, 3), "day"),
    ("He landed the day before yesterday.", SUN, "the day before yesterday", "2021-10-15", D(2021, 10, 15),
     D(2021, 10, 15), "day"),
    ("Talks ended on Sept. 30 without a deal.", SUN, "Sept. 30", "2021-09-30", D(2021, 9, 30), D(2021, 9, 30),
     "day"),
    ("The senators rejected the bill on Jan. 23.", D(2025, 3, 14), "Jan. 23", "2025-01-23", D(2025, 1, 23),
     D(2025, 1, 23), "day"),
    ("Sales peaked in Q3 2021.", SUN, "Q3 2021", "2021-Q3", D(2021, 7, 1), D(2021, 9, 30), "quarter"),
    ("Growth slowed in the first half of 2022.", SUN, "the first half of 2022", "2022-H1", D(2022, 1, 1),
     D(2022, 6, 30), "range"),
    ("A vote is expected later this year.", SUN, "later this year", "2021", D(2021, 10, 18), D(2021, 12, 31),
     "range"),
    ("The town was founded in the 1800s.", SUN, "the 1800s", "18", D(1800, 1, 1), D(1899, 12, 31), "range"),
    ("The dam was built a decade ago.", SUN, "a decade ago", "2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("Troops entered the city on March 3, 2020. Protests broke out the same day.", SUN, "the same day",
     "2020-03-03", D(2020, 3, 3), D(2020, 3, 3), "day"),
    ("He was elected in 2015 and resigned the following year.", SUN, "the following year", "2016",
     D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("The army advanced in February. Days later, the rebels withdrew.", SUN, "Days later", "2021-02",
     D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("Since the beginning of the year, attacks have doubled.", SUN, "the beginning of the year", "2021",
     D(2021, 1, 1), SUN, "range"),
    ("Talks resumed two days after Christmas.", SUN, "two days", "P2D", D(2020, 12, 27), D(2020, 12, 27), "day"),
    ("The court sat on Monday, Oct. 11.", SUN, "Monday, Oct. 11", "2021-10-11", D(2021, 10, 11), D(2021, 10, 11),
     "day"),
]

# sentence, published, expected extent, value (no calendar interval)
UNRESOLVED = [
    ("Clashes have intensified in recent days.", SUN, "recent days", "PAST_REF"),
    ("The two sides have feuded for years.", SUN, "years", "PXY"),
    ("The minister recently visited Kabul.", SUN, "recently", "PAST_REF"),
    ("Inspectors meet every week.", SUN, "every week", "P1W"),
    ("The agency publishes figures daily.", SUN, "daily", "P1D"),
    ("The truce lasted 15 years.", SUN, "15 years", "P15Y"),
    ("Talks lasted about five hours.", SUN, "five hours", "PT5H"),
]

# sentence, published, words that must not be (part of) any temporal expression
NOT_DATES = [
    ("He spoke about the outcomes of the 18th Meeting of the committee.", SUN, "18th"),
    ("The deadline is the end of the 18th, officials said.", SUN, "18th"),
    ("The Belgian Senate has 60 senators.", SUN, "60"),
    ("Investments reached more than 9 billion US dollars.", SUN, "9 billion"),
    ("About 1500 troops were deployed.", SUN, "1500"),
    ("Talks may resume soon.", SUN, "may"),
    ("The march ended peacefully.", SUN, "march"),
    ("Unemployment rose to 2021 people in the town.", SUN, "2021"),
    ("Resolution 1701 was adopted.", SUN, "1701"),
    ("Turnout reached 2020 percent of the target.", SUN, "2020"),
    ("She was appointed at the age of 39.", SUN, "39"),
    ("The airport reopened at 2 p.m. ET (1800 UTC).", SUN, "1800"),
    ("The strike began at 0600 GMT.", SUN, "0600"),
]


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def _find(tagger: TimeTagger, text: str, published: dt.date, extent: str):
    refs = tagger.tag_with(text, published)
    for ref in refs:
        assert text[ref.start:ref.end] == ref.text
    matching = [ref for ref in refs if ref.text == extent]
    assert matching, f"{extent!r} not found in {[r.text for r in refs]}"
    return matching[0]


@pytest.mark.parametrize(("text", "published", "extent", "value", "start", "end", "granularity"), CASES)
def test_resolves(tagger, text, published, extent, value, start, end, granularity):
    ref = _find(tagger, text, published, extent)
    assert (ref.value, ref.start_date, ref.end_date, ref.granularity) == (value, start, end, granularity)
    assert ref.source == "text"


@pytest.mark.parametrize(("text", "published", "extent", "value"), UNRESOLVED)
def test_unresolved_expressions_have_no_interval(tagger, text, published, extent, value):
    ref = _find(tagger, text, published, extent)
    assert ref.value == value
    assert ref.start_date is None and ref.end_date is None


@pytest.mark.parametrize(("text", "published", "words"), NOT_DATES)
def test_not_dates(tagger, text, published, words):
    at = text.index(words)
    refs = tagger.tag_with(text, published)
    assert not [r for r in refs if r.start < at + len(words) and at < r.end], [r.text for r in refs]


def test_types_and_sorting(tagger):
    text = "On Friday the court ruled; the trial lasted 15 years and hearings are held every week, now at 10 a.m."
    refs = tagger.tag_with(text, SUN)
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert {r.text: r.type for r in refs} == {"Friday": "DATE", "15 years": "DURATION", "every week": "SET",
                                              "now": "DATE", "10 a.m.": "TIME"}


def test_tagger_is_cheap_to_build_and_shares_its_grammar():
    from herald.time.grammar import rules

    first, second = TimeTagger(), TimeTagger()
    assert first._rules is second._rules is rules()


def test_dates_outside_the_calendar_are_left_untagged_not_fatal(tagger):
    # Figures misread as amounts of time ("292,000 week ago") or deep time would overflow Python's dates (years
    # 1-9999): the expression is skipped and the rest of the article is still tagged.
    text = "Sales rose 292,000 week ago. The bones are 232,000 years ago old. Talks began 3 years ago."
    refs = tagger.tag_with(text, SUN)
    assert [(r.text, r.value) for r in refs] == [("3 years ago", str(SUN.year - 3))]


def test_an_offset_outside_the_calendar_keeps_the_anchor_date(tagger):
    refs = tagger.tag_with("The layer formed 200,000 years before 2010.", SUN)
    assert [(r.text, r.value) for r in refs] == [("200,000 years", "P200000Y"), ("2010", "2010")]
