"""The gazetteer: real lookups in the index built from the installed packages, and an injected small one."""
from __future__ import annotations

from herald.places import Entry, Gazetteer


def test_countries_resolve_to_their_geonames_country_entry(gazetteer):
    for name, iso3 in [("Belgium", "BEL"), ("Kazakhstan", "KAZ"), ("the Kingdom of Belgium", "BEL"),
                       ("U.S.", "USA"), ("Britain", "GBR"), ("Ivory Coast", "CIV"), ("Türkiye", "TUR")]:
        countries = [c.entry for c in gazetteer.lookup(name) if c.entry.kind == "country"]
        assert countries and countries[0].country == iso3 and countries[0].feature == "PCLI", name
    belgium = gazetteer.country("BEL")
    assert belgium.id == 2802361 and belgium.lat is not None


def test_cities_divisions_and_capitals(gazetteer):
    vienna = [c.entry for c in gazetteer.lookup("Vienna") if c.entry.country == "AUT" and c.entry.kind == "city"]
    assert vienna and vienna[0].id == 2761369 and vienna[0].feature == "PPLC"
    assert abs(vienna[0].lat - 48.2) < 0.1
    assert gazetteer.capital("KAZ").name in ("Astana", "Nur-Sultan")
    louisiana = [c.entry for c in gazetteer.lookup("Louisiana") if c.entry.kind == "adm1"]
    assert louisiana[0].id == 4331987 and louisiana[0].country == "USA"
    almaty = [c for c in gazetteer.lookup("Alma-Ata") if c.entry.kind == "city"]  # an alternate name
    assert any(c.entry.id == 1526384 and c.quality == 2 for c in almaty)
    assert gazetteer.is_major("Brussels") and not gazetteer.is_major("Aungban")


def test_unknown_names_have_no_candidates(gazetteer):
    assert gazetteer.lookup("Qwxzylandia") == ()
    assert gazetteer.lookup("") == ()


def test_a_small_injected_gazetteer():
    shire = Entry(1, "Hobbiton", "city", "PPL", "NZL", lat=-37.87, lon=175.68, population=600)
    small = Gazetteer.from_entries([(shire, [("Hobbiton", 0), ("The Shire", 2)])])
    assert [c.entry.name for c in small.lookup("the shire")] == ["Hobbiton"]
    assert small.get(1) == shire
    assert small.lookup("Mordor") == ()
