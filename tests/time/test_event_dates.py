"""Event dates and places through the whole pipeline: right, or honestly unknown (issue 11)."""
from __future__ import annotations

import datetime as dt

from herald.evaluate.dating import dating_report, publication_dates
from herald.evaluate.events import read_jsonl

STORY = ("Rebels attacked an army post near the border. "
         "The two governments will hold talks on the dispute. "
         "Police arrested two opposition leaders in the capital on Tuesday. "
         "The fort was first besieged by rebels more than 150 years ago.")


def test_each_event_is_dated_by_its_own_clause_or_honestly_not(code_text):
    result = code_text(STORY, published="2024-06-13")
    dates = {event.trigger.text: event.date for event in result.events}
    assert dates["arrested"].start_date == dt.date(2024, 6, 11) and dates["arrested"].source == "text"
    attack = dates["attacked"]  # past, no cue: some time before the story, not its day
    assert (attack.start_date, attack.end_date, attack.granularity) == (None, dt.date(2024, 6, 13), "before")
    assert "besieged" not in dates or dates["besieged"].granularity == "before"  # 1874 is not written in the text
    assert all(d is None for t, d in dates.items() if t.startswith("talks") or t == "hold")  # future: no date


def test_no_voa_event_is_dated_outside_the_story_time_without_a_written_year(voa_events, shared):
    events = read_jsonl(voa_events)
    report = dating_report(events, publication_dates([str(shared / "corpora" / "voa" / "voa.jsonl")]))
    assert report["events"] == len(events) > 100
    assert report["outside_window_without_year"] == []
    assert sum(report["date"].values()) == sum(report["location"].values()) == len(events)
    # every "before" date is an open interval ending at publication
    assert all(e["date"]["start"] is None and e["date"]["end"] for e in events
               if e["date"] and e["date"]["granularity"] == "before")
