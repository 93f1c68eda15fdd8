"""The actor knowledge base: learnt from the seed, persisted as rows, used by later articles."""
from __future__ import annotations

import datetime as dt

import pytest

from herald.actors import ActorGazetteer, ActorKB, ActorResolver
from herald.actors.kb import COLUMNS
from herald.ingest import read_articles
from herald.records import Article


@pytest.fixture(scope="module")
def taught(nlp, shared):
    article = next(a for a in read_articles([shared / "seed" / "kazinform-2021-10-17.txt"]) if isinstance(a, Article))
    kb = ActorKB()
    actors = ActorResolver(ActorGazetteer.default(), kb=kb).for_article(nlp(article.text), article)
    kb.learn(actors.mentions, article.published)
    return kb


def test_seed_teaches_dhose(taught):
    entry = taught.lookup("Stephanie D'Hose")
    assert entry is not None
    assert (entry.country, entry.sector, entry.office) == ("BEL", "LEG", "Speaker of the Senate")
    assert entry.affiliation is None  # her party is in no table of ours (see test_seed.test_party_membership...)
    assert entry.first_seen == entry.last_seen == dt.date(2021, 10, 17)
    assert entry.mentions >= 3
    assert taught.lookup("D’Hose") is entry          # surname, typographic apostrophe
    envoy = taught.lookup("Baimukhan")
    assert (envoy.country, envoy.sector, envoy.posted_to) == ("KAZ", "GOV", "BEL")
    assert taught.lookup("Nobody Known") is None


def test_rows_round_trip(taught):
    rows = taught.rows()
    assert rows and set(rows[0]) == set(COLUMNS) == set(ActorKB.COLUMN_TYPES)
    again = ActorKB.from_rows(rows)
    assert again.rows() == rows
    assert again.lookup("D'Hose").office == "Speaker of the Senate"


def test_later_article_uses_what_the_seed_taught(taught, nlp):
    text = "D'Hose said the Senate would debate the treaty. Baimukhan welcomed the decision."
    later = Article(id="later", published=dt.date(2022, 3, 1), text=text)
    doc = nlp(text)
    actors = ActorResolver(ActorGazetteer.default(), kb=taught).for_article(doc, later)
    dhose = actors.actor_for(doc[1] if doc[1].text == "D'Hose" else next(t for t in doc if "Hose" in t.text))
    assert (dhose.country, dhose.sector, dhose.name, dhose.resolved_by) == ("BEL", "LEG", "Stephanie D'Hose", "kb")
    envoy = actors.actor_for(next(t for t in doc if t.text == "Baimukhan"))
    assert (envoy.country, envoy.name) == ("KAZ", "Margulan Baimukhan")
    taught.learn(actors.mentions, later.published)
    assert taught.lookup("D'Hose").last_seen == dt.date(2022, 3, 1)
    assert taught.lookup("D'Hose").first_seen == dt.date(2021, 10, 17)


def test_without_kb_the_surname_is_unknown(nlp):
    doc = nlp("D'Hose said the Senate would debate the treaty.")
    actors = ActorResolver(ActorGazetteer.default()).for_article(doc)
    actor = actors.actor_for(next(t for t in doc if "Hose" in t.text))
    assert actor is None or actor.country is None
