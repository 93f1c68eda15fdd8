"""Well-known people (data/people.yaml) and pronouns that stand for them: texts written by us, the real model."""
from __future__ import annotations

import yaml

from herald.actors.gazetteer import _data_text


def _dyads(result):
    return [(e.event, e.actor and (e.actor.country, e.actor.sector), e.recipient and (e.recipient.country,
             e.recipient.sector)) for e in result.events]


def _side(actor):
    return actor and (actor.country, actor.sector)


def test_bare_surnames_of_leaders_code_to_their_country(code_text):
    result = code_text("Erdogan met Putin in Ankara on Monday to discuss grain exports.", "2023-09-04")
    consult = next(e for e in result.events if e.event == "CONSULT")
    assert {_side(consult.actor), _side(consult.recipient)} == {("TUR", "GOV"), ("RUS", "GOV")}
    assert consult.actor.resolved_by.startswith("gazetteer:person")


def test_office_terms_follow_the_article_date(code_text):
    text = "Donald Trump criticized the Federal Reserve on Friday."
    in_office = next(e for e in code_text(text, "2019-08-02").events if e.event == "ACCUSE")
    out_of_office = next(e for e in code_text(text, "2022-08-05").events if e.event == "ACCUSE")
    assert _side(in_office.actor) == ("USA", "GOV")
    assert out_of_office.actor.country == "USA" and out_of_office.actor.sector != "GOV"


def test_armed_group_leader_becomes_government_after_taking_power(code_text):
    text = "Ahmed al-Sharaa praised Turkey for its support on Sunday."
    before = next(e for e in code_text(text, "2023-05-07").events if e.event == "SUPPORT")
    after = next(e for e in code_text(text, "2025-05-04").events if e.event == "SUPPORT")
    assert (_side(before.actor), _side(after.actor)) == (("SYR", "REB"), ("SYR", "GOV"))


def test_the_article_description_wins_over_the_list(code_text):
    result = code_text("Former president Donald Trump criticized the governor of Ohio.", "2022-03-02")
    accuse = next(e for e in result.events if e.event == "ACCUSE")
    assert _side(accuse.actor) == ("USA", "ELI")


def test_ambiguous_surnames_are_not_listed():
    names = {name for row in yaml.safe_load(_data_text("people.yaml"))["people"] for name in row["names"]}
    assert {"Kim", "Khan", "Lee", "Johnson", "Harris", "Li", "Wang"}.isdisjoint(names)
    assert {"Erdogan", "Zelenskyy", "Suga"} <= names


def test_possessive_pronoun_of_a_rejected_offer_is_the_other_side(code_text):
    text = ("Washington proposed new nuclear talks on Monday. Tehran rejected its offer on Wednesday, "
            "officials said.")
    reject = next(e for e in code_text(text, "2025-03-12").events if e.event == "REJECT")
    assert _side(reject.actor)[0] == "IRN"
    assert reject.recipient is not None and reject.recipient.country == "USA"
    assert reject.recipient.text == "its"


def test_pronouns_resolve_late_in_long_articles(code_text):
    # Forty-odd actor mentions after the pronoun must not push its antecedent out of reach.
    filler = " ".join(f"Officials from Peru, Chile and Bolivia met in Lima on day {n}." for n in range(20))
    text = ("The European Union warned Moscow on Monday. Russia rejected its demands the next day. " + filler)
    reject = next(e for e in code_text(text, "2024-02-05").events if e.event == "REJECT")
    assert reject.recipient is not None and reject.recipient.country == "EUR"
