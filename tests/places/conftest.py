"""Fixtures for the places tests: one real gazetteer and resolver per session (the index builds once)."""
from __future__ import annotations

import pytest

from herald.places import Gazetteer, PlaceResolver


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


@pytest.fixture(scope="session")
def parse(nlp, resolver):
    """Parse a text and find its places: returns (doc, ArticlePlaces)."""
    def run(text: str):
        doc = nlp(text)
        return doc, resolver.find(doc)
    return run


@pytest.fixture(scope="session")
def token():
    """token(doc, word, nth=0): the nth token whose text is `word`."""
    def find(doc, word: str, nth: int = 0):
        return [t for t in doc if t.text == word][nth]
    return find
