"""Highlight marks and segments of the article view, on an article we write here and on the real store."""
from __future__ import annotations

from herald.api.highlight import marks_for, segments

TEXT = "Kenya and Norway signed a trade deal in Nairobi on Monday. Police later arrested two protesters in Mombasa."


def _event(event_id, trigger, sentence, actor=None, recipient=None, date=None, place=None, quad=1):
    start = TEXT.index(trigger)
    s_start = TEXT.index(sentence)
    return {"id": event_id, "quad_class": quad, "trigger": {"text": trigger, "start": start, "end": start + len(trigger)},
            "text_info": {"sentence": 0, "start": s_start, "end": s_start + len(sentence)},
            "actor": {"text": actor} if actor else None, "recipient": {"text": recipient} if recipient else None,
            "date": {"text": date, "source": "text"} if date else None,
            "location": {"text": place, "source": "text"} if place else None}


EVENTS = [
    _event("a#0", "signed", "Kenya and Norway signed a trade deal in Nairobi on Monday.", actor="Kenya",
           recipient="Norway", date="on Monday", place="Nairobi"),
    _event("a#1", "arrested", "Police later arrested two protesters in Mombasa.", actor="Police",
           recipient="two protesters", place="Mombasa", quad=4),
]


def test_marks_point_at_the_words_of_each_part():
    marks = marks_for(TEXT, EVENTS, selected="a#1")
    found = {(m.event_id, m.kind): TEXT[m.start:m.end] for m in marks}
    assert found == {("a#0", "trigger"): "signed", ("a#0", "actor"): "Kenya", ("a#0", "recipient"): "Norway",
                     ("a#0", "date"): "on Monday", ("a#0", "place"): "Nairobi",
                     ("a#1", "trigger"): "arrested", ("a#1", "actor"): "Police", ("a#1", "recipient"): "two protesters",
                     ("a#1", "place"): "Mombasa",
                     ("a#1", "sentence"): "Police later arrested two protesters in Mombasa."}


def test_segments_cover_the_text_exactly_once():
    pieces = segments(TEXT, marks_for(TEXT, EVENTS, "a#1"), "a#1")
    assert "".join(p.text for p in pieces) == TEXT
    trigger = next(p for p in pieces if p.text == "arrested")
    assert trigger.kinds == ["sentence", "trigger"] and trigger.event_id == "a#1" and trigger.selected
    assert next(p for p in pieces if p.text == "signed").selected is False
    assert all(not (a.kinds == b.kinds == []) for a, b in zip(pieces, pieces[1:]))  # plain runs are merged


def test_parts_outside_the_sentence_or_with_bad_offsets_are_skipped():
    odd = dict(EVENTS[0], actor={"text": "Police"})  # "Police" is not in this event's sentence
    broken = dict(EVENTS[1], trigger={"text": "x", "start": 500, "end": 505})
    marks = marks_for(TEXT, [odd, broken])
    assert all(m.event_id == "a#0" for m in marks)
    assert "actor" not in {m.kind for m in marks}


def test_real_articles_segment_cleanly(client):
    listing = client.get("/api/articles", params={"limit": 30}).json()["items"]
    for item in listing:
        article = client.get(f"/api/articles/{item['id']}").json()
        pieces = segments(article["text"], marks_for(article["text"], article["events"]))
        assert "".join(p.text for p in pieces) == article["text"]
