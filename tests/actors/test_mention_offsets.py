"""Every actor mention Herald finds on real VOA articles points at its own words in the body.
(Speed is measured by benchmarks/, not by tests.)"""
from __future__ import annotations

from herald.actors import ActorGazetteer, ActorResolver
from herald.ingest import read_articles
from herald.records import Article


def test_mentions_index_the_body(nlp, shared):
    articles = [a for a in read_articles([shared / "corpora" / "voa" / "voa.jsonl"]) if isinstance(a, Article)][:30]
    resolver = ActorResolver(ActorGazetteer.default())
    found = 0
    for doc, article in zip(nlp.pipe(a.text for a in articles), articles):
        for actor in resolver.for_article(doc, article).mentions:
            assert article.text[actor.start:actor.end] == actor.text
            found += 1
    assert found > 300
