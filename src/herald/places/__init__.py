"""Places: find toponyms, resolve them to GeoNames offline, and give events their location.

    gazetteer = Gazetteer()                        # lazy: builds/opens its index on first lookup
    resolver = PlaceResolver(gazetteer)
    found = resolver.find(doc, article)            # ArticlePlaces: .places, .dateline
    loc = location_for(trigger_token, found)       # Place | None
"""
from herald.places.article import ArticlePlaces
from herald.places.attach import location_for, place_in_phrase
from herald.nlp.dateline import Dateline, parse_dateline
from herald.places.gazetteer import Candidate, Entry, Gazetteer
from herald.places.resolve import PlaceResolver

__all__ = ["ArticlePlaces", "Candidate", "Dateline", "Entry", "Gazetteer", "PlaceResolver", "location_for",
           "parse_dateline", "place_in_phrase"]
