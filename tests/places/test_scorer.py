"""The geoparsing scorer: its arithmetic on a hand-made example, and a run on a few real gold documents."""
from __future__ import annotations

from herald.evaluate.geo import (Counts, GoldDoc, GoldToponym, evaluate_corpus, evaluate_event_locations,
                                 score_document)
from herald.records import Place


def test_scorer_arithmetic_on_a_hand_made_document():
    text = "Rain in Paris and Lyon; a storm near Springfield; the Nile flooded."
    gold = GoldDoc("toy", text, [
        GoldToponym(8, 13, "Paris", 2988507, 48.853, 2.349, country="FRA"),
        GoldToponym(18, 22, "Lyon", 2996944, 45.748, 4.847, country="FRA"),
        GoldToponym(37, 48, "Springfield", 4250542, 39.80, -89.64, country="USA"),
        GoldToponym(54, 58, "Nile", None),  # annotated, but without a GeoNames id
    ])
    system = [
        Place("Paris", 8, 13, 2988507, "Paris", "FRA", lat=48.853, lon=2.349),  # exact
        Place("Lyon", 18, 22, 9999999, "Lyon-namesake", "FRA", lat=45.9, lon=4.9),  # same country, 18 km away
        Place("Springfield", 37, 48, 4409896, "Springfield", "USA", lat=37.2, lon=-93.3),  # ~430 km away
        Place("Nile", 54, 58, None),  # overlaps an annotated toponym: counts for precision
        Place("storm", 26, 31, None),  # overlaps nothing: a false positive
    ]
    counts = Counts()
    score_document(gold, system, counts)
    m = counts.metrics()
    assert (counts.gold, counts.recognised, counts.system, counts.system_right) == (3, 3, 5, 4)
    assert (counts.exact, counts.country, counts.km161) == (1, 3, 2)
    assert m["precision"] == 80.0 and m["recall"] == 100.0 and m["f1"] == 88.9
    assert m["exact"] == 33.3 and m["country"] == 100.0 and m["km161"] == 66.7
    # a missed toponym lowers the "all gold" figures but not the "recognised" ones
    score_document(GoldDoc("toy2", "In Kyiv.", [GoldToponym(3, 7, "Kyiv", 703448, 50.45, 30.52, country="UKR")]),
                   [], counts)
    m = counts.metrics()
    assert m["exact"] == 33.3 and m["exact_all"] == 25.0 and m["recall"] == 75.0


def test_scorer_runs_on_a_few_gold_documents(nlp, resolver, shared):
    for corpus in ("gwn", "lgl"):
        counts = evaluate_corpus(corpus, shared / "gold" / "geo", limit=4, nlp=nlp, resolver=resolver)
        m = counts.metrics()
        assert counts.docs == 4 and counts.gold > 5 and counts.recognised > 0
        assert 0 <= m["exact"] <= m["km161"] <= 100 and m["exact"] <= m["country"] <= 100
        assert m["exact_all"] <= m["exact"]
        if corpus == "gwn":
            assert m["exact"] >= 50.0, m


def test_event_location_check_on_voa_dev(nlp, resolver, shared):
    report = evaluate_event_locations(shared / "gold" / "voa-dev.jsonl", shared / "corpora" / "voa" / "voa.jsonl",
                                      nlp=nlp, resolver=resolver)
    assert report["events"] >= 30
    assert report["country_accuracy"] >= 0.85
    strict = evaluate_event_locations(shared / "gold" / "voa-dev.jsonl", shared / "corpora" / "voa" / "voa.jsonl",
                                      fallback=None, nlp=nlp, resolver=resolver)
    assert strict["events"] == report["events"] and strict["country_accuracy"] <= report["country_accuracy"]
