"""The TimeML scorer: checked on a hand-made document, then run on a few TBAQ files and on the VOA dev dates."""
from __future__ import annotations

import datetime as dt

from herald.evaluate.timeml import parse_timeml_string, read_timeml
from herald.evaluate.timex import match_document, score_tbaq, voa_dev_dates
from herald.time import TimeTagger

MARKUP = (
    'The ministers met on <TIMEX3 tid="t1" type="DATE" value="2021-10-15">Friday</TIMEX3> &amp; agreed to talk '
    'again <TIMEX3 tid="t2" type="DATE" value="2021-11">next month</TIMEX3>.\n\n'
    'Trade grew over the past <TIMEX3 tid="t3" type="DURATION" value="P15Y">15 years</TIMEX3>, an aide said '
    '<TIMEX3 tid="t4" type="DATE" value="2021-10-15">yesterday</TIMEX3>. Inspectors meet every week, '
    'as they did at <TIMEX3 tid="t5" type="DATE" value="PAST_REF">the time</TIMEX3>.'
)


def test_hand_made_document_offsets():
    doc = parse_timeml_string("ours", dt.date(2021, 10, 17), MARKUP)
    assert "<" not in doc.text and " & agreed" in doc.text
    assert [t.text for t in doc.timexes] == ["Friday", "next month", "15 years", "yesterday", "the time"]
    for timex in doc.timexes:
        assert doc.text[timex.start:timex.end] == timex.text


def test_scorer_counts_on_hand_made_document():
    doc = parse_timeml_string("ours", dt.date(2021, 10, 17), MARKUP)
    predicted = TimeTagger().tag_with(doc.text, doc.published)
    assert [p.text for p in predicted] == ["Friday", "next month", "the past 15 years", "yesterday", "every week"]
    errors: list[dict] = []
    counts = match_document(doc.timexes, predicted, errors, "ours")
    # strict: Friday, next month, yesterday; relaxed adds 15 years; value: Friday, next month, 15 years
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed, counts.value) == (5, 5, 3, 4, 3)
    scores = counts.scores()
    assert scores["strict"]["f1"] == 60.0 and scores["relaxed"]["f1"] == 80.0 and scores["value"]["f1"] == 60.0
    kinds = sorted(e["kind"] for e in errors)
    assert kinds == ["extent", "missed", "spurious", "value"]


def test_read_timeml_file(shared):
    path = shared / "gold" / "time" / "TBAQ-cleaned" / "TimeBank" / "wsj_0006.tml"
    doc = read_timeml(path)
    assert doc.published == dt.date(1989, 11, 2)
    assert doc.timexes and all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_tbaq_scorer_on_a_few_files(shared):
    result = score_tbaq(shared / "gold" / "time" / "TBAQ-cleaned", parse=False, limit=4)
    assert set(result["corpora"]) == {"TimeBank", "AQUAINT"}
    overall = result["overall"]
    assert overall["gold"] == sum(c["gold"] for c in result["corpora"].values()) > 10
    assert overall["relaxed"]["f1"] >= 80.0
    assert overall["value"]["f1"] >= 60.0


def test_voa_dev_event_dates():
    result = voa_dev_dates(include_optional=False)
    assert result["events_with_date"] >= 40 and result["trigger_not_found"] == 0
    assert result["accuracy"] >= 0.80
