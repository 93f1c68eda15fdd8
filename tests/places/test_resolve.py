"""Toponym recognition and resolution on our own sentences."""
from __future__ import annotations


def by_text(found, text):
    return [p for p in found.places if p.text == text]


def test_country_context_picks_the_us_state(parse):
    _, found = parse("Police in Savannah arrested two men on Friday. Officers later drove them to a jail in Macon, "
                     "Georgia, and officials in Atlanta praised the arrests.")
    georgia = by_text(found, "Georgia")[0]
    assert georgia.country == "USA" and georgia.feature == "ADM1"
    assert {p.admin1 for p in found.places if p.text in ("Savannah", "Macon", "Atlanta")} == {"Georgia"}


def test_country_context_picks_the_country(parse):
    _, found = parse("The president of Georgia met his Armenian counterpart in Tbilisi on Monday.")
    georgia = by_text(found, "Georgia")[0]
    assert georgia.country == "GEO" and georgia.feature == "PCLI" and georgia.geonames_id == 614540


def test_qualifiers_pick_the_right_namesake(parse):
    _, found = parse("The band played in Paris, Texas, before flying to Portland, Ore., for the last show.")
    paris = by_text(found, "Paris")[0]
    assert paris.country == "USA" and paris.admin1 == "Texas"
    portland = by_text(found, "Portland")[0]
    assert portland.country == "USA" and portland.admin1 == "Oregon"


def test_famous_places_win_without_context(parse):
    _, found = parse("Ministers from the region gathered in Paris and then travelled on to London.")
    assert by_text(found, "Paris")[0].country == "FRA"
    assert by_text(found, "London")[0].country == "GBR"


def test_demonyms_are_not_toponyms(parse):
    _, found = parse("Belgian and Flemish officials met Kazakh diplomats; the Kazakh delegation left for Astana.")
    texts = {p.text for p in found.places}
    assert not texts & {"Belgian", "Flemish", "Kazakh"}
    assert "Astana" in texts


def test_capital_metonym_saying_is_excluded_but_the_city_is_kept(parse):
    _, found = parse("Washington said on Tuesday that it would send more aid. The aid will be flown from "
                     "Washington to Kenya.")
    washington = by_text(found, "Washington")
    assert len(washington) == 1 and washington[0].start > 40  # only the second mention, the place
    assert by_text(found, "Kenya")[0].country == "KEN"


def test_every_toponym_is_returned_sorted_with_offsets(parse):
    doc, found = parse("Floods hit the village of Qwxzyl near Dhaka, Bangladesh, and parts of Asia.")
    starts = [p.start for p in found.places]
    assert starts == sorted(starts)
    for place in found.places:
        assert doc.text[place.start:place.end] == place.text
    dhaka = by_text(found, "Dhaka")[0]
    assert dhaka.country == "BGD" and dhaka.feature == "PPLC"
    assert by_text(found, "Asia")[0].feature == "CONT"
    mention = dhaka.to_event_dict()
    assert mention["geonames_id"] == dhaka.geonames_id and mention["source"] == "text"
