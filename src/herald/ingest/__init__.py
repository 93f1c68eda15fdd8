"""Ingest: article files (`.txt`, `.jsonl`, `.jsonl.gz`, web pages `.html`/`.htm`, WARC crawls `.warc`/`.warc.gz`),
directories and stdin -> Article or Failure records."""
from herald.ingest.checks import Limits, content_hash
from herald.ingest.reader import read_articles

__all__ = ["Limits", "content_hash", "read_articles"]
