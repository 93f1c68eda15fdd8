"""The PLOVER gold-standard records: loader, article writer, and both actor metrics."""
from __future__ import annotations

import json

import pytest

from herald.evaluate.actors import conflibert, gsr_direct, gsr_predictions, read_bio
from herald.evaluate.gsr import country_agrees, load_gsr, map_code, map_sector, write_articles
from herald.ingest import read_articles
from herald.records import Article


@pytest.fixture(scope="module")
def records(shared):
    return load_gsr(shared / "gold" / "events" / "PLOVER_GSR_CAMEO.txt")


def test_loader_maps_names_and_codes(records):
    assert len(records) == 322
    types = {t for r in records for t in r.events}
    assert not types & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "DOCUMENT"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types
    by_id = {r.id: r for r in records}
    assert by_id["PLOVER-GSR01-RETREAT-0020"].source_countries == {"MNE"}
    assert by_id["PLOVER-GSR01-RETREAT-0020"].sources[0].sector == "GOV"
    codes = {a.country for r in records for a in r.sources + r.targets}
    assert "JAP" not in codes and "JPN" in codes
    assert map_code("ITL") == "ITA" and map_code("VTN") == "VNM" and map_code("ISM") is None
    assert map_sector("CVLalb") == "CVL" and map_sector("***") is None and map_sector("CIV") == "CVL"
    assert all(r.text and r.date.year >= 1980 for r in records)


def test_country_agreement_rules():
    assert country_agrees("UNO", {"IGO"}) and country_agrees("EUR", {"IGO", "USA"})
    assert not country_agrees("USA", {"IGO"}) and not country_agrees(None, {"USA"})


def test_articles_for_herald_extract(records, tmp_path):
    out = tmp_path / "gsr.jsonl"
    assert write_articles(records, out) == 322
    articles = [a for a in read_articles([out]) if isinstance(a, Article)]
    assert len(articles) == 322
    assert articles[0].id == records[0].id and articles[0].published == records[0].date


def test_direct_check_meets_the_bar(records):
    report = gsr_direct(records)
    assert report.actors == 342
    assert report.country.rate >= 0.82, report.country
    assert report.sector.rate >= 0.82, report.sector


def test_metric_on_predictions(records, tmp_path):
    by_id = {r.id: r for r in records}
    right, wrong = by_id["PLOVER-GSR01-RETREAT-0020"], by_id["PLOVER-GSR01-AGREE-0003"]
    lines = [
        {"article_id": right.id, "event": "RETREAT", "actor": {"country": "MNE", "sector": "GOV"}},
        {"article_id": wrong.id, "event": wrong.events[0], "actor": {"country": "FRA", "sector": None}},
        {"article_id": wrong.id, "event": "PROTEST", "actor": {"country": "USA", "sector": "CVL"}},  # not gold type
    ]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = gsr_predictions(records, pred)
    assert (result["records_with_gold_type"].hit, result["records_with_gold_type"].total) == (2, 322)
    assert (result["country"].hit, result["country"].total) == (1, 2)
    assert (result["sector"].hit, result["sector"].total) == (1, 1)


def test_bio_reader_and_span_recall(shared, tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text("Iraqi B-S\ntroops I-S\nshelled O\nthe B-T\nvillage I-T\n. O\n\nNATO B-S\nwarned O\nRussia B-T\n. O\n",
                    encoding="utf-8")
    data = list(read_bio(path))
    assert data[0] == ("Iraqi troops shelled the village .", [("S", 0, 12), ("T", 21, 32)])
    assert data[1][1] == [("S", 0, 4), ("T", 12, 18)]
    result = conflibert(shared / "gold" / "events" / "conflibert" / "cameo_ner.train.txt", limit=200)
    assert result["source_recall"].rate >= 0.9
    assert result["target_recall"].rate >= 0.75
    assert result["mentions_with_country"] / result["mentions"] >= 0.6
