"""Event location on our own sentences: attached places, datelines, far-away events, anaphors."""
from __future__ import annotations

from herald.places import location_for


def where(found, tok, **options):
    place = location_for(tok, found, **options)
    return (place.name, place.country, place.source) if place else None


def test_in_vienna_is_attached_to_the_meeting(parse, token):
    doc, found = parse("The trilateral meeting of the speakers in May in Vienna gave new impetus to the talks.")
    assert where(found, token(doc, "meeting")) == ("Vienna", "AUT", "text")


def test_local_events_take_the_dateline(parse, token):
    doc, found = parse("ASTANA. KAZINFORM - The foreign minister met the ambassador of Japan to discuss trade.")
    assert found.dateline is not None and found.dateline.source == "dateline"
    assert where(found, token(doc, "met")) == ("Astana", "KAZ", "dateline")


def test_far_away_events_do_not_take_the_dateline(parse, token):
    doc, found = parse("WASHINGTON (AP) — Militants attacked a police station in northern Mali on Sunday, killing "
                       "12 officers. The attack was condemned by the United Nations.")
    assert not found.dateline_local
    assert where(found, token(doc, "attacked")) == ("Mali", "MLI", "text")
    assert where(found, token(doc, "killing")) == ("Mali", "MLI", "text")
    condemned = location_for(token(doc, "condemned"), found)
    assert condemned is None or condemned.name != "Washington"
    assert location_for(token(doc, "condemned"), found, fallback=None) is None


def test_a_place_in_the_sentence_beats_the_dateline(parse, token):
    doc, found = parse("KYIV, Ukraine (AP) — Russian missiles struck an apartment block in Kharkiv on Sunday, "
                       "killing three people.")
    assert found.dateline.name == "Kyiv"
    assert where(found, token(doc, "struck")) == ("Kharkiv", "UKR", "text")
    assert where(found, token(doc, "killing")) == ("Kharkiv", "UKR", "text")


def test_topics_do_not_locate_the_event(parse, token):
    doc, found = parse("NAIROBI. KENYA NEWS - The two ministers discussed the situation in Sudan and exchanged "
                       "views on the drought in Somalia.")
    assert where(found, token(doc, "discussed")) == ("Nairobi", "KEN", "dateline")
    assert where(found, token(doc, "exchanged")) == ("Nairobi", "KEN", "dateline")


def test_visits_go_to_their_destination_and_anaphors_resolve(parse, token):
    doc, found = parse("Japan's foreign minister arrived in Kenya on Monday. She will lead a trade mission to "
                       "Ethiopia next week and later hold talks in the capital with the president.")
    assert where(found, token(doc, "arrived")) == ("Kenya", "KEN", "text")
    assert where(found, token(doc, "mission")) == ("Ethiopia", "ETH", "text")
    assert where(found, token(doc, "talks")) == ("Addis Ababa", "ETH", "text")


def test_the_town_of_and_coordinated_verbs(parse, token):
    doc, found = parse("Officials met in the town of Jacmel and signed an agreement on water supplies.")
    assert where(found, token(doc, "met"))[:2] == ("Jacmel", "HTI")
    assert where(found, token(doc, "signed"))[:2] == ("Jacmel", "HTI")


FOCUSED_ON_BRUSSELS = ("Farmers protested in Brussels on Monday. Police in Brussels used water cannon. Tractors "
                       "blocked streets in Brussels for hours. Sweden's environment minister praised the farmers. "
                       "Belgian ministers thanked the police.")


def test_the_story_focus_places_only_events_local_to_it(parse, token):
    doc, found = parse(FOCUSED_ON_BRUSSELS)
    assert found.focus is not None and found.focus.name == "Brussels"
    # a side in the focus's country, or a nationality of the focus's country in the sentence: the focus is a fair guess
    assert where(found, token(doc, "thanked"), countries={"BEL"}) == ("Brussels", "BEL", "article")
    assert where(found, token(doc, "thanked"), countries={"SWE"}) == ("Brussels", "BEL", "article")
    assert where(found, token(doc, "praised"), countries=set()) == ("Brussels", "BEL", "article")
    # only sides known to be from elsewhere, and nothing in the sentence ties the event to the focus: unknown
    assert where(found, token(doc, "praised"), countries={"SWE"}) is None


def test_nationality_adjectives_are_mentions_of_their_country_not_event_places(parse):
    doc, found = parse("Russian troops shelled a village near the border, and two Kenyans were hurt. "
                       "North American markets fell.")
    adjectives = {(p.text, p.country, p.kind, p.feature) for p in found.adjectives}
    assert adjectives == {("Russian", "RUS", "adjective", "PCLI"), ("Kenyans", "KEN", "adjective", "PCLI")}
    assert all(p.kind == "name" for p in found.places)  # event location reads these only
    mentions = found.mentions()
    assert [p.start for p in mentions] == sorted(p.start for p in mentions)
    assert mentions[0].to_mention_dict("a1")["kind"] == "adjective"


def test_a_named_group_passes_its_place_and_a_country_that_starts_like_a_demonym_is_a_place(parse, token):
    doc, found = parse("Israeli jets launched airstrikes against Hezbollah in Lebanon.")
    assert where(found, token(doc, "airstrikes"), fallback=None) == ("Lebanon", "LBN", "text")
    doc, found = parse("U.S. forces carried out a series of airstrikes against the Islamic State in Syria.")
    assert where(found, token(doc, "airstrikes"), fallback=None) == ("Syria", "SYR", "text")
    doc, found = parse("This marks the minister's second visit to Saudi Arabia since taking office.")
    assert where(found, token(doc, "visit"), fallback=None) == ("Saudi Arabia", "SAU", "text")
