"""Names headed by a feature term or made of generic words are never resolved through one of their parts.

Each test pairs a name that stays unresolved with a twin that still resolves, on sentences we wrote.
"""
from __future__ import annotations

from herald.places.generic import feature_class, is_generic_name


def names(found):
    """(text, resolved name, country, kind) of every mention, names and adjectives."""
    return [(p.text, p.name, p.country, p.kind) for p in found.mentions()]


def test_the_patterns_are_over_words_and_feature_classes():
    assert feature_class("Tijuana River") == "water" and feature_class("the Nile Delta") == "water"
    assert feature_class("Windsor Castle") == "building" and feature_class("East of England") == "compass"
    assert feature_class("Gulf of Aden") == "water" and feature_class("Tijuana") is None
    assert feature_class("New Orleans") is None and feature_class("Riverside") is None
    assert is_generic_name("West Coast") and is_generic_name("the Gulf") and is_generic_name("North-West")
    assert not is_generic_name("West Bank") and not is_generic_name("Northeast Georgia")


def test_a_river_is_not_the_city_it_is_named_after(parse):
    _, found = parse("Fishermen pulled a boat out of the Tijuana River on Sunday.")
    assert names(found) == [("Tijuana River", None, None, "name")]
    _, twin = parse("Fishermen sold their catch in Tijuana on Sunday.")
    assert names(twin) == [("Tijuana", "Tijuana", "MEX", "name")]


def test_a_delta_is_not_the_state_its_feature_word_names(parse):
    _, found = parse("Farmers in the Nile Delta lost their crops after the floods.")
    assert names(found) == [("Nile Delta", None, None, "name")]
    _, twin = parse("Farmers in Delta State, Nigeria, lost their crops after the floods.")
    assert ("Delta State", "Delta", "NGA", "name") in names(twin)


def test_an_ocean_named_by_an_adjective_is_not_its_country(parse):
    _, found = parse("Cargo ships crossed the Indian Ocean last week.")
    assert names(found) == [("Indian Ocean", None, None, "name")]
    _, twin = parse("Indian ships crossed the sea last week.")
    assert names(twin) == [("Indian", "India", "IND", "adjective")]


def test_a_quarter_named_by_an_adjective_is_neither_its_country_nor_a_village(parse):
    _, found = parse("Tourists crowded the French Quarter in New Orleans.")
    assert names(found) == [("French Quarter", None, None, "name"), ("New Orleans", "New Orleans", "USA", "name")]


def test_an_academy_named_after_a_city_is_not_the_city(parse):
    _, found = parse("The boy joined the Liverpool Academy last year.")
    assert names(found) == [("Liverpool Academy", None, None, "name")]
    _, twin = parse("The boy was arrested by Liverpool Police last year.")
    assert names(twin) == [("Liverpool", "Liverpool", "GBR", "name")]


def test_compass_and_feature_words_resolve_only_in_a_country_the_article_is_about(parse):
    _, found = parse("Storms battered the West Coast on Monday, and officials in California and Oregon closed "
                     "roads.")
    assert ("West Coast", None, None, "name") in names(found)  # not Western Australia nor New Zealand's region
    _, twin = parse("Storms battered the West Coast of New Zealand on Monday, and officials in Greymouth closed "
                    "roads.")
    assert ("West Coast", "West Coast", "NZL", "name") in names(twin)


def test_a_compass_word_is_stripped_only_before_a_proper_name(parse):
    _, found = parse("Reporters waited outside the West Wing for the president.")
    assert all(p.country != "GBR" for p in found.mentions())  # not the English village of Wing
    _, twin = parse("Storms hit Northeast Georgia and parts of Atlanta on Monday.")
    assert ("Northeast Georgia", "Georgia", "USA", "name") in names(twin)


def test_a_compass_word_alone_resolves_with_its_country_and_not_without(parse):
    _, found = parse("Ambulances of the East of England Ambulance Service reached the scene.")
    assert names(found) == [("East of England", None, None, "name")]
    assert all(p.country != "CMR" and p.geonames_id is None for p in found.mentions())
    _, twin = parse("Soldiers patrolled the East region of Cameroon near Bertoua.")
    assert ("East", "East", "CMR", "name") in names(twin)


def test_compass_words_are_not_split_out_of_a_run_of_places(parse):
    _, found = parse("Rain fell across north west London.")
    assert names(found) == [("London", "London", "GBR", "name")]


def test_a_place_split_by_the_model_takes_its_whole_known_name(parse):
    _, found = parse("Floods hit Baja California last week.")
    assert names(found) == [("Baja California", "Baja California", "MEX", "name")]
    _, islands = parse("Relief reached the U.S. Virgin Islands on Monday.")
    assert names(islands) == [("U.S. Virgin Islands", "U.S. Virgin Islands", "VIR", "name")]
    _, twin = parse("Floods hit California last week.")
    assert names(twin) == [("California", "California", "USA", "name")]


def test_an_embassy_keeps_the_country_its_adjective_names(parse):
    _, found = parse("Protesters gathered outside the British Embassy in Moscow.")
    assert names(found) == [("British", "United Kingdom", "GBR", "adjective"), ("Moscow", "Moscow", "RUS", "name")]
