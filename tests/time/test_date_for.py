"""Dating events with the real spaCy parse: the seed article's gold dates, clause tense and attachment rules."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from herald.evaluate.timex import find_trigger
from herald.time import TimeTagger, date_for, tag_text

D = dt.date


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def _date(nlp, tagger, text: str, trigger: str, published: dt.date, modality: str = "asserted", nth: int = 0,
          **options):
    """date_for on the `nth` token whose text is `trigger`; `options` go to date_for (verbal, neighbours...)."""
    doc = nlp(text)
    token = [t for t in doc if t.text == trigger][nth]
    return date_for(token, tagger.tag(doc, published), published, modality=modality, **options)


def test_seed_article_gold_dates(nlp, tagger, shared):
    body = (shared / "seed" / "kazinform-2021-10-17.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    published = D(2021, 10, 17)
    doc = nlp(body)
    times = tagger.tag(doc, published)
    checked = 0
    for line in (shared / "seed" / "kazinform-2021-10-17.gold.jsonl").read_text(encoding="utf-8").splitlines():
        sentence = json.loads(line)
        for event in sentence["events"]:
            gold = event.get("date")
            if not gold:
                continue
            trigger = find_trigger(doc, sentence["start"], sentence["end"], event["trigger"])
            ref = date_for(trigger, times, published, modality=event.get("modality") or "asserted")
            assert (ref.start_date.isoformat(), ref.end_date.isoformat()) == (gold["start"], gold["end"]), event
            assert ref.source == "text" and ref.text in body
            checked += 1
    assert checked == 6


def test_seed_article_expressions(nlp, tagger, shared):
    body = (shared / "seed" / "kazinform-2021-10-17.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    refs = {r.text: r for r in tagger.tag(nlp(body), D(2021, 10, 17))}
    assert refs["the past 15 years"].granularity == "range"
    assert refs["the past 15 years"].value == "P15Y" and refs["the past 15 years"].type == "DURATION"
    assert (refs["August"].start_date, refs["August"].end_date) == (D(2021, 8, 1), D(2021, 8, 31))
    assert refs["1831"].start_date == D(1831, 1, 1)
    assert not any("18th" in text or "60" in text or "9 billion" in text for text in refs)


def test_seed_date_cue_keeps_its_preposition(nlp, tagger):
    ref = _date(nlp, tagger, "The meeting took place on October 11, 2021, in Brussels.", "took", D(2021, 10, 17))
    assert ref.text == "on October 11, 2021"
    assert ref.to_event_dict()["start"] == "2021-10-11" and ref.to_event_dict()["source"] == "text"


@pytest.mark.parametrize(("text", "trigger", "published", "modality", "start", "end"), [
    # the clause tense chooses the year of a bare month and the week of a bare weekday
    ("Kazakhstan offered help in August.", "offered", D(2021, 7, 15), "asserted", D(2020, 8, 1), D(2020, 8, 31)),
    ("Kazakhstan will hold elections in August.", "hold", D(2021, 7, 15), "future", D(2021, 8, 1), D(2021, 8, 31)),
    ("The business mission is planned for November.", "mission", D(2021, 12, 1), "future", D(2022, 11, 1),
     D(2022, 11, 30)),
    ("Tariffs will take effect Wednesday.", "take", D(2025, 3, 9), "future", D(2025, 3, 12), D(2025, 3, 12)),
    ("Protesters marched on Wednesday.", "marched", D(2025, 3, 9), "asserted", D(2025, 3, 5), D(2025, 3, 5)),
    # a future event keeps a future reading even when the parse did not show it
    ("The summit in August is a priority for the two governments.", "summit", D(2021, 10, 17), "future",
     D(2022, 8, 1), D(2022, 8, 31)),
    # the expression attached to the trigger wins over the report's time
    ("Officials said Sunday that troops shelled the village on Friday.", "shelled", D(2021, 10, 17), "asserted",
     D(2021, 10, 15), D(2021, 10, 15)),
    # a 'since' clause dates a period up to publication
    ("He has visited Kabul twice since he took office in 2022.", "visited", D(2024, 8, 21), "asserted",
     D(2022, 1, 1), D(2024, 8, 21)),
    ("The foreign minister met his counterpart last week.", "met", D(2024, 7, 5), "asserted", D(2024, 6, 24),
     D(2024, 6, 30)),
])
def test_event_dates(nlp, tagger, text, trigger, published, modality, start, end):
    ref = _date(nlp, tagger, text, trigger, published, modality)
    assert (ref.start_date, ref.end_date) == (start, end)
    assert ref.source == "text"


def test_report_time_does_not_date_the_reported_event(nlp, tagger):
    ref = _date(nlp, tagger, "Officials said Sunday that troops shelled the village.", "shelled", D(2021, 10, 17))
    assert ref.source == "publication" and ref.text is None


def test_report_time_dates_the_report_itself(nlp, tagger):
    ref = _date(nlp, tagger, "Officials said Sunday that troops shelled the village.", "said", D(2021, 10, 17))
    assert ref.text == "Sunday" and ref.start_date == D(2021, 10, 17)


@pytest.mark.parametrize("text", [
    "The two sides have feuded for years.",
    "The minister recently visited Kabul.",
    "Clashes have intensified in recent days.",
    "The government approved the budget.",
])
def test_a_past_event_without_a_cue_is_before_the_story_not_on_its_day(nlp, tagger, text):
    trigger = {"feuded", "visited", "intensified", "approved"} & {t.text for t in nlp(text)}
    ref = _date(nlp, tagger, text, trigger.pop(), D(2021, 10, 17))
    assert ref.source == "publication" and ref.text is None
    assert (ref.start_date, ref.end_date, ref.granularity) == (None, D(2021, 10, 17), "before")


@pytest.mark.parametrize("text, trigger", [
    ("Ankara is threatening retaliation against Washington.", "threatening"),
    ("Protesters gather outside parliament to demand new elections.", "gather"),
])
def test_a_present_event_without_a_cue_happens_on_the_publication_day(nlp, tagger, text, trigger):
    ref = _date(nlp, tagger, text, trigger, D(2021, 10, 17))
    assert (ref.start_date, ref.end_date, ref.granularity, ref.source) == \
        (D(2021, 10, 17), D(2021, 10, 17), "day", "publication")


@pytest.mark.parametrize("modality", ["future", "hypothetical"])
def test_a_future_or_possible_event_without_a_cue_has_no_date(nlp, tagger, modality):
    assert _date(nlp, tagger, "The two leaders will meet to discuss the border.", "meet", D(2021, 10, 17),
                 modality) is None


def test_reported_speech_dates_the_saying_not_the_reported_act(nlp, tagger):
    text = "Officials said on Friday that militants attacked a convoy."
    ref = _date(nlp, tagger, text, "attacked", D(2021, 10, 17))
    assert ref.granularity == "before" and ref.start_date is None


def test_a_verbal_act_takes_the_time_of_the_report_just_before_it(nlp, tagger):
    text = "The envoy said Friday that the talks had stalled. He called for an immediate ceasefire."
    assert _date(nlp, tagger, text, "called", D(2025, 3, 15), verbal=True).start_date == D(2025, 3, 14)
    assert _date(nlp, tagger, text, "called", D(2025, 3, 15), verbal=False).granularity == "before"


@pytest.mark.parametrize("text, trigger, dated", [
    ("Rebels seized the fort more than 150 years ago.", "seized", False),  # 1871: no year written
    ("Rebels seized the fort in 1848.", "seized", True),
    ("Rebels seized the fort in the 1800s.", "seized", True),
])
def test_a_date_far_from_the_story_needs_its_year_written(nlp, tagger, text, trigger, dated):
    ref = _date(nlp, tagger, text, trigger, D(2021, 10, 17))
    assert (ref.source == "text") is dated
    if dated:
        assert ref.start_date.year < 1900


def test_neighbouring_sentence_gives_the_news_peg(nlp, tagger):
    text = ("Gunmen stormed a hotel in the capital on Tuesday. "
            "The attackers took several guests hostage before the police arrived.")
    ref = _date(nlp, tagger, text, "took", D(2025, 3, 12))
    assert ref.start_date == D(2025, 3, 11) and ref.text == "on Tuesday"
    assert _date(nlp, tagger, text, "took", D(2025, 3, 12), neighbours=False).granularity == "before"


def test_tag_text_with_and_without_the_parse(nlp):
    text = "The leaders will meet on Friday. They met in August."
    raw = {r.text: r.start_date for r in tag_text(text, D(2021, 10, 17))}
    parsed = {r.text: r.start_date for r in tag_text(text, D(2021, 10, 17), nlp=nlp)}
    assert raw == parsed == {"Friday": D(2021, 10, 22), "August": D(2021, 8, 1)}


def test_a_clause_that_says_recently_does_not_take_the_neighbours_news_peg(nlp, tagger):
    text = "Gunmen stormed a hotel in the capital on Tuesday. The minister recently visited the city."
    ref = _date(nlp, tagger, text, "visited", D(2025, 3, 12))
    assert ref.granularity == "before" and ref.start_date is None


def test_a_sentence_term_is_not_a_time_cue(nlp, tagger):
    text = "A former minister was sentenced on Wednesday. He was sentenced to 73 months in prison."
    assert _date(nlp, tagger, text, "sentenced", D(2019, 3, 15), nth=1).start_date == D(2019, 3, 13)
