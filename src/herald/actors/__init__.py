"""Actors: who did it, as an event-data analyst says it (country code, PLOVER sector, name, office).

    from herald.actors import ActorGazetteer, ActorResolver, ActorKB
    resolver = ActorResolver(ActorGazetteer.default(), kb=ActorKB())
    actors = resolver.for_article(doc, article)
    actor = actors.actor_for(token)       # Actor | None for the noun phrase headed by token

Nothing is loaded at import time; `ActorGazetteer.default()` builds and caches the tables on first use.
"""
from __future__ import annotations

__all__ = ["ActorGazetteer", "ActorResolver", "ArticleActors", "ActorKB", "ActorMention", "KB_COLUMNS"]


def __getattr__(name: str):
    if name == "ActorGazetteer":
        from herald.actors.gazetteer import ActorGazetteer

        return ActorGazetteer
    if name in ("ActorResolver", "ArticleActors", "ActorMention"):
        from herald.actors import resolver

        return getattr(resolver, name)
    if name == "ActorKB":
        from herald.actors.kb import ActorKB

        return ActorKB
    if name == "KB_COLUMNS":
        from herald.actors.kb import COLUMNS

        return COLUMNS
    raise AttributeError(f"module 'herald.actors' has no attribute {name!r}")
