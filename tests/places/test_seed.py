"""The seed article: every required gold event location exactly right (name and country), dateline included."""
from __future__ import annotations

import datetime as dt
import json

from herald.places import location_for
from herald.records import Article



def _seed_article(shared) -> Article:
    raw = (shared / "seed" / "kazinform-2021-10-17.txt").read_text(encoding="utf-8")
    body = raw.split("\n", 2)[2]
    return Article(id="kazinform-2021-10-17", published=dt.date(2021, 10, 17), text=body)


def test_seed_places_and_event_locations(nlp, resolver, shared):
    article = _seed_article(shared)
    doc = nlp(article.text)
    found = resolver.find(doc, article)
    assert found.dateline is not None and (found.dateline.name, found.dateline.country) == ("Brussels", "BEL")
    assert found.dateline.source == "dateline" and found.dateline.geonames_id == 2800866
    named = {(p.text, p.name, p.country, p.feature) for p in found.places}
    assert ("Vienna", "Vienna", "AUT", "PPLC") in named
    assert ("Almaty", "Almaty", "KAZ", "PPL") in named
    assert ("Kazakhstan", "Kazakhstan", "KAZ", "PCLI") in named
    assert not any(p.text in ("Kazakh", "Belgian", "Flemish") for p in found.places)
    checked = 0
    for line in (shared / "seed" / "kazinform-2021-10-17.gold.jsonl").read_text(encoding="utf-8").splitlines():
        sentence = json.loads(line)
        for event in sentence["events"]:
            if event["optional"]:
                continue
            start = article.text.find(event["trigger"], sentence["start"])
            trigger = doc.char_span(start, start + len(event["trigger"]), alignment_mode="expand").root
            place = location_for(trigger, found)
            gold = event["location"]
            assert place is not None, event["trigger"]
            assert (place.name, place.country) == (gold["name"], gold["country"]), event["trigger"]
            checked += 1
    assert checked == 9
