"""Parsers for the two article formats of docs/SCHEMA.md: the seed `.txt` format and JSON Lines records."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from herald.errors import ArticleError, BadHeader, BadRecord
from herald.ingest.checks import Limits, check_body, content_hash
from herald.records import Article

_HEADER = re.compile(r"^\s*date\s+(\S+)(?:[ \t]+(.*?))?\s*$")
_KNOWN_KEYS = ("id", "text", "published", "title")


def parse_date(value: Any) -> dt.date:
    """An ISO date or date-time (with `Z` or an offset) -> date. Raises ValueError."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    raise ValueError(f"expected an ISO date string, got {type(value).__name__}")


def parse_txt(text: str, *, article_id: str, source: str, limits: Limits) -> Article:
    """A `.txt` article: `date YYYY-MM-DD Title`, an empty line, then the body (offsets index the body)."""
    newline = text.find("\n")
    header = text if newline < 0 else text[:newline]
    match = _HEADER.match(header)
    if not match:
        shown = header.strip()[:60]
        raise BadHeader(f"first line must be 'date YYYY-MM-DD Title', found {shown!r}",
                        article_id=article_id, source=source)
    try:
        published = dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise BadHeader(f"invalid date {match.group(1)!r} in the header line (expected YYYY-MM-DD)",
                        article_id=article_id, source=source) from None
    body = "" if newline < 0 else text[newline + 1:]
    # The empty line after the header is not part of the body ("\n" or "\r\n").
    for blank in ("\r\n", "\n"):
        if body.startswith(blank):
            body = body[len(blank):]
            break
    try:
        check_body(body, limits)
    except ArticleError as exc:
        exc.article_id, exc.source = article_id, source
        raise
    return Article(id=article_id, published=published, text=body, title=match.group(2) or None, source=source,
                   content_hash=content_hash(body))


def parse_record(line: str, *, source: str, limits: Limits) -> Article:
    """One JSON Lines record -> Article. Unknown keys are kept as metadata."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON ({exc.msg} at column {exc.colno})", source=source) from None
    if not isinstance(record, dict):
        raise BadRecord(f"a record must be a JSON object, found {type(record).__name__}", source=source)
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        raise BadRecord("missing or invalid 'id' (a non-empty string)", source=source)
    article_id = str(raw_id).strip()
    text = record.get("text")
    if not isinstance(text, str):
        raise BadRecord("missing 'text' (the body, a string)", article_id=article_id, source=source)
    try:
        published = parse_date(record.get("published"))
    except (ValueError, TypeError) as exc:
        raise BadRecord(f"missing or invalid 'published' date: {exc}", article_id=article_id,
                        source=source) from None
    title = record.get("title")
    metadata = {k: v for k, v in record.items() if k not in _KNOWN_KEYS}
    try:
        check_body(text, limits)
    except ArticleError as exc:  # name the article in the failure
        exc.article_id, exc.source = article_id, source
        raise
    return Article(id=article_id, published=published, text=text, title=title if isinstance(title, str) else None,
                   source=source, content_hash=content_hash(text), metadata=metadata)
