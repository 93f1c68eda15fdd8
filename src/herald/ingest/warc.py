"""WARC crawls (`.warc`, `.warc.gz`, e.g. Common Crawl's CC-NEWS) -> Articles: every HTML response record is one
page, read as `herald.ingest.html` reads a page. Records that are not pages (requests, metadata, redirects, images)
are skipped; a record or file that cannot be read becomes a Failure naming the file and the record."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

from herald.errors import ArticleError, ArticleTooLarge, EmptyArticle, InputError, UnreadableArticle
from herald.ingest.checks import Limits
from herald.ingest.formats import parse_date
from herald.ingest.html import id_from_url, parse_html
from herald.records import Article, Failure

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, limits: Limits) -> Iterator[Article | Failure]:
    """Yield one Article or Failure per HTML response record of the file, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    from herald.ingest.reader import failure_from

    name = str(path)
    records = pages = 0
    try:
        _check_magic(path)
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                records += 1
                if not _is_page(record):
                    continue
                pages += 1
                yield _article(record, f"{name}:{records}", limits)
    except ArticleError as exc:
        yield failure_from(exc, None, name)
        return
    except OSError as exc:
        yield Failure(None, name, f"cannot read: {exc.strerror or exc}", InputError.code, "ingest")
        return
    except Exception as exc:  # noqa: BLE001 - warcio, gzip and zlib raise many types on a broken file
        where = f"breaks after record {records}" if records else "breaks in its first record"
        yield failure_from(UnreadableArticle(f"the WARC file {where} (truncated or corrupt; the records before "
                                             f"were read): {type(exc).__name__}: {str(exc)[:200]}"), None, name)
        return
    if records == 0:
        yield failure_from(UnreadableArticle("no complete WARC record could be read: the file is truncated or "
                                             "broken"), None, name)
    elif pages == 0:
        yield failure_from(EmptyArticle(f"no articles in this WARC file: none of its {records} records is an HTML "
                                        "page"), None, name)
    log.info("%s: %d records, %d HTML pages", name, records, pages)


def _check_magic(path: Path) -> None:
    """A WARC file starts with `WARC/1.x` (inside the first gzip member for `.warc.gz`)."""
    import gzip

    with open(path, "rb") as fh:
        head = fh.read(2)
    if not head:
        raise EmptyArticle("the file is empty")
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        start = fh.read(5)
    if start != b"WARC/":
        raise UnreadableArticle(f"not a WARC file: it starts with {start[:5]!r}, not a 'WARC/1.x' header")


def _is_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(HTML_TYPES)


def _article(record, source: str, limits: Limits) -> Article | Failure:
    from herald.ingest.reader import failure_from

    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    article_id = id_from_url(url) if url else record_id or source
    crawled = _warc_date(headers.get_header("WARC-Date"))
    metadata = {"warc_record_id": record_id or None, "warc_date": headers.get_header("WARC-Date")}
    try:
        body = record.content_stream().read(limits.max_bytes + 1)
        if len(body) > limits.max_bytes:
            raise ArticleTooLarge(f"page is longer than {limits.max_bytes:,} bytes")
        missing = getattr(record.raw_stream, "limit", 0)  # bytes the record announced but the file lacks
        if missing:
            raise UnreadableArticle(f"the record is truncated: the file ends {missing:,} bytes short of its end")
        if crawled is None:
            raise UnreadableArticle("the record has no valid WARC-Date and the page states no date")
        return parse_html(body, article_id=article_id, source=source, limits=limits, fallback_date=crawled,
                          url=url, metadata={k: v for k, v in metadata.items() if v})
    except ArticleError as exc:
        return failure_from(exc, article_id, source)


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None
