"""Temporal expressions: find and normalise them against the publication date, and date each event.

    from herald.time import TimeTagger, date_for
    times = TimeTagger().tag(doc, published)          # every expression, as TimeRef records
    date = date_for(trigger_token, times, published)  # the TimeRef that dates one event
"""
from herald.time.attach import before_publication, date_for, publication_date
from herald.time.tagger import TimeTagger, tag_text

__all__ = ["TimeTagger", "before_publication", "date_for", "publication_date", "tag_text"]
