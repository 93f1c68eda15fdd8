"""User dictionaries: YAML and CSV files of our own, and PETRARCH/Phoenix dictionaries read from ../shared."""
from __future__ import annotations

import datetime as dt

import pytest

from herald.actors import ActorGazetteer, ActorResolver
from herald.actors.userdict import load_user_file, split_cameo_code
from herald.errors import ConfigError
from herald.records import Article

YAML_DICT = """
actors:
  - name: Aigerim Tulegenova
    aliases: [Tulegenova]
    country: KAZ
    sector: LEG
    office: Deputy of the Majilis
  - name: Steppe Grain Holding
    type: org
    country: KAZ
    sector: BUS
roles:
  - phrase: burgomaster
    sector: GOV
  - phrase: ambassador        # override: in this user's data ambassadors are coded as legislators
    sector: LEG
countries:
  - code: KAZ
    names: [Qazaqstan]
    adjectives: [Qazaq]
"""
CSV_DICT = """phrase,type,country,sector,office
Jan Peeters,person,BEL,GOV,Mayor of Lier
Flemish Dairy Board,actor,BEL,AGR,
alderman,role,,GOV,Alderman
"""


def _resolve(nlp, gaz, text, word):
    doc = nlp(text)
    actors = ActorResolver(gaz).for_article(doc, Article(id="u", published=dt.date(2024, 5, 2), text=text))
    return actors.actor_for(next(t for t in doc if t.text == word))


def test_yaml_dictionary_adds_and_overrides(nlp, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(YAML_DICT, encoding="utf-8")
    gaz = ActorGazetteer.builtin()
    assert load_user_file(gaz, path) == 7   # 2 names + 1 org + 2 roles + 2 country words
    tul = _resolve(nlp, gaz, "Tulegenova criticised the budget on Tuesday.", "Tulegenova")
    assert (tul.country, tul.sector, tul.name, tul.office) == ("KAZ", "LEG", "Aigerim Tulegenova",
                                                               "Deputy of the Majilis")
    assert _resolve(nlp, gaz, "The burgomaster of Ghent resigned.", "burgomaster").sector == "GOV"
    assert _resolve(nlp, gaz, "Qazaq officials met the delegation.", "officials").country == "KAZ"
    assert _resolve(nlp, gaz, "The Qazaqstan government agreed.", "government").country == "KAZ"
    assert _resolve(nlp, gaz, "The Belgian ambassador agreed.", "ambassador").sector == "LEG"
    assert _resolve(nlp, gaz, "Steppe Grain Holding signed the contract.", "Holding").sector == "BUS"
    # the built-in tables are untouched
    assert _resolve(nlp, ActorGazetteer.default(), "The Belgian ambassador agreed.", "ambassador").sector == "GOV"


def test_csv_dictionary(nlp, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(CSV_DICT, encoding="utf-8")
    gaz = ActorGazetteer.default(user_files=[path])
    assert gaz is ActorGazetteer.default(user_files=[path])          # cached
    peeters = _resolve(nlp, gaz, "Jan Peeters opened the market.", "Peeters")
    assert (peeters.country, peeters.sector, peeters.office) == ("BEL", "GOV", "Mayor of Lier")
    assert _resolve(nlp, gaz, "The Flemish Dairy Board protested.", "Board").sector == "AGR"
    assert _resolve(nlp, gaz, "An alderman from Lier objected.", "alderman").sector == "GOV"


def test_bad_dictionaries_fail_clearly(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n    country: Kazakhstan\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ISO 3166"):
        load_user_file(ActorGazetteer.builtin(), bad)
    bad.write_text("roles:\n  - phrase: vizier\n    sector: VIZ\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="PLOVER sector"):
        load_user_file(ActorGazetteer.builtin(), bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_user_file(ActorGazetteer.builtin(), tmp_path / "missing.csv")


def test_cameo_codes_split():
    assert split_cameo_code("AFGGOVEDU") == ("AFG", ["GOV", "EDU"])
    assert split_cameo_code("IGOUNOREFHCR") == ("UNO", ["REF"])
    assert split_cameo_code("IGOEUREEC") == ("EUR", [])
    assert split_cameo_code("~COP") == (None, ["COP"])
    assert split_cameo_code("ELI") == (None, ["ELI"])


@pytest.fixture(scope="module")
def phoenix(shared):
    gaz = ActorGazetteer.builtin()
    counts = {name: load_user_file(gaz, shared / "reference" / name) for name in (
        "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt", "PLOVER_agents.txt")}
    return gaz, counts


def test_phoenix_files_load(phoenix):
    _, counts = phoenix
    assert counts["Phoenix.Countries.actors.txt"] > 20_000
    assert counts["Phoenix.International.actors.txt"] > 5_000
    assert counts["Phoenix.MilNonState.actors.txt"] > 1_000
    assert counts["Phoenix.agents.txt"] > 2_000 and counts["PLOVER_agents.txt"] > 2_000


def test_phoenix_actors_resolve_with_dates(phoenix, nlp):
    gaz, _ = phoenix
    annan = gaz.resolve_phrase("Kofi Annan")[0]
    assert annan.at("2000-05-01").country == "UNO"
    text = "Abdelaziz Bouteflika said he would lift the ban."
    boute = _resolve(nlp, gaz, text, "Bouteflika")
    assert (boute.country, boute.sector) == ("DZA", "GOV")
    assert boute.resolved_by == "gazetteer:person"


def test_phoenix_agents_give_sectors(phoenix, nlp):
    gaz, _ = phoenix
    entries = gaz.resolve_phrase("sharecropper")
    assert entries and entries[0].sector == "AGR" and entries[0].source.startswith("phoenix:")
    assert _resolve(nlp, gaz, "Bolivian sharecroppers blocked the road.", "sharecroppers").country == "BOL"
