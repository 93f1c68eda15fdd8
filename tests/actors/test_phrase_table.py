"""A table of actor phrases of our own writing resolved to country and sector codes (real spaCy parse)."""
from __future__ import annotations

import datetime as dt

import pytest

from herald.actors import ActorGazetteer, ActorResolver
from herald.records import Article

from .phrase_table import cases

CARRIER = " said on Monday that talks would continue."


@pytest.fixture(scope="module")
def resolved(nlp):
    resolver = ActorResolver(ActorGazetteer.default())
    rows = cases()
    texts = [phrase + CARRIER for phrase, _, _ in rows]
    out = {}
    for (phrase, country, sector), doc in zip(rows, nlp.pipe(texts, batch_size=64)):
        actors = resolver.for_article(doc, Article(id="t", published=dt.date(2024, 6, 3), text=doc.text))
        span = doc.char_span(0, len(phrase), alignment_mode="expand")
        heads = [t for t in span if t.head.i >= span.end or t.head.i < span.start or t.head.i == t.i]
        out[phrase] = actors.actor_for(heads[0])
    return out


def test_table_is_big_enough():
    assert len(cases()) >= 200


def test_every_phrase_resolves(resolved):
    wrong = []
    for phrase, country, sector in cases():
        actor = resolved[phrase]
        got_country = actor.country if actor else None
        got_sector = actor.sector if actor else None
        if got_country != country or (sector != "*" and got_sector != (None if sector == "-" else sector)):
            wrong.append(f"{phrase}: expected {country}-{sector}, got {got_country}-{got_sector}")
    assert not wrong, f"{len(wrong)} of {len(cases())} phrases wrong:\n" + "\n".join(wrong)


def test_titled_person_keeps_name_and_office(resolved):
    sudani = resolved["Iraqi Prime Minister Mohammed Shia al-Sudani"]
    assert sudani.name == "Mohammed Shia al-Sudani"
    assert sudani.office == "Prime Minister"
    envoy = resolved["the Ambassador of Kazakhstan to Belgium"]
    assert (envoy.country, envoy.posted_to, envoy.office) == ("KAZ", "BEL", "Ambassador")


def test_former_official_is_elite(resolved):
    saddam = resolved["former Iraqi President Saddam Hussein"]
    assert saddam.sector == "ELI" and "GOV" in saddam.other_sectors


def test_non_actors_are_none(nlp):
    resolver = ActorResolver(ActorGazetteer.default())
    doc = nlp("The issues of cooperation and the reforms were discussed at length.")
    actors = resolver.for_article(doc)
    for word in ("issues", "cooperation", "reforms"):
        token = next(t for t in doc if t.text == word)
        assert actors.actor_for(token) is None, word


def test_dated_actor(nlp):
    resolver = ActorResolver(ActorGazetteer.default())
    text = "The Taliban attacked a checkpoint."
    doc = nlp(text)
    before = resolver.for_article(doc, Article(id="a", published=dt.date(2010, 5, 1), text=text))
    after = resolver.for_article(doc, Article(id="b", published=dt.date(2023, 5, 1), text=text))
    assert (before.actor_for(doc[1]).sector, after.actor_for(doc[1]).sector) == ("REB", "GOV")
