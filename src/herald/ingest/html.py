"""Web pages -> Articles: the article text with the boilerplate (menus, footers, comments, related links) removed by
trafilatura, and the publication date the page states (else the date the caller knows: the file's or the crawl's)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from herald.errors import ArticleError, ArticleTooLarge, EmptyArticle, InputError, UnreadableArticle
from herald.ingest.checks import Limits, check_body, content_hash
from herald.records import Article, Failure

_ID_CHARS = re.compile(r"[^A-Za-z0-9._:\-]+")
# A page whose text, boilerplate removed, has fewer words is not an article (an index page, a menu, an error page).
MIN_PAGE_WORDS = 10
# Only dates the page states as such (meta tags, <time>, structured data): the extensive search guesses from any
# number in the page ("Copyright 2024" -> 2024-01-01).
DATE_SEARCH = {"extensive_search": False, "original_date": True}


def parse_html(data: bytes | str, *, article_id: str, source: str, limits: Limits, fallback_date: dt.date,
               url: str | None = None, metadata: dict | None = None) -> Article:
    """One HTML page -> Article, or an ArticleError naming it. `fallback_date` is used when the page states no
    publication date; `metadata["date_from"]` says which date was used (`page` or `fallback`)."""
    try:
        return _parse(data, article_id=article_id, source=source, limits=limits, fallback_date=fallback_date,
                      url=url, metadata=dict(metadata or {}))
    except ArticleError as exc:
        exc.article_id, exc.source = article_id, source
        raise


def _parse(data: bytes | str, *, article_id: str, source: str, limits: Limits, fallback_date: dt.date,
           url: str | None, metadata: dict) -> Article:
    import trafilatura  # heavy (lxml, htmldate, dateparser): imported on the first page

    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    if not raw.strip():
        raise EmptyArticle("the page is empty")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise UnreadableArticle(f"contains NUL bytes (first at byte {nul}): binary data, not an HTML page")
    if len(raw) > limits.max_bytes:
        raise ArticleTooLarge(f"page has {len(raw):,} bytes; the limit is {limits.max_bytes:,}")
    try:
        # favor_precision: on short pages the default recall keeps a newsletter box or a menu line as text.
        document = trafilatura.bare_extraction(raw, url=url, with_metadata=True, favor_precision=True,
                                               include_comments=False,
                                               include_tables=False, include_images=False,
                                               date_extraction_params=DATE_SEARCH)
    except Exception as exc:  # noqa: BLE001 - a page that breaks the extractor is one failed article
        raise UnreadableArticle(f"the HTML could not be parsed: {type(exc).__name__}: {exc}") from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    words = len(text.split())
    if words < MIN_PAGE_WORDS:
        raise EmptyArticle(f"no article text found in the page ({words} words left after removing the boilerplate; "
                           "not HTML, or not an article)")
    title = (document.title or "").strip() or None
    if title and text.startswith(title + "\n"):  # the headline repeated as the body's first line
        text = text[len(title) + 1:].lstrip()
    published, date_from = _page_date(document.date), "page"
    if published is None:
        published, date_from = fallback_date, "fallback"
    check_body(text, limits)
    metadata["date_from"] = date_from
    if url:
        metadata.setdefault("url", url)
    site = document.sitename or document.hostname
    if site:
        metadata.setdefault("source", site)
    return Article(id=article_id, published=published, text=text, title=title, source=source,
                   content_hash=content_hash(text), metadata=metadata)


def _page_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html_file(path: Path, limits: Limits) -> Article | Failure:
    """A `.html`/`.htm` file: its stem is the article id; the page's date, else the file's modification date."""
    from herald.ingest.reader import failure_from, stem_of

    article_id, source = stem_of(path), str(path)
    try:
        stat = path.stat()
        if stat.st_size > limits.max_bytes:
            raise ArticleTooLarge(f"file has {stat.st_size:,} bytes; the limit is {limits.max_bytes:,}")
        modified = dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc).date()
        return parse_html(path.read_bytes(), article_id=article_id, source=source, limits=limits,
                          fallback_date=modified)
    except ArticleError as exc:
        return failure_from(exc, article_id, source)
    except OSError as exc:
        return Failure(article_id, source, f"cannot read: {exc.strerror or exc}", InputError.code, "ingest")


def id_from_url(url: str) -> str:
    """A readable, stable article id from a page's URL: host and path with other characters folded to '-', cut to
    fit the API's 200 characters, and a short hash of the whole URL so that two URLs never share an id."""
    import hashlib

    bare = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", url.strip(), flags=re.IGNORECASE)
    slug = _ID_CHARS.sub("-", bare).strip("-._:")[:150] or "page"
    digest = hashlib.blake2b(url.strip().encode("utf-8"), digest_size=5).hexdigest()
    return f"{slug}-{digest}"
