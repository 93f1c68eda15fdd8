"""Turn paths (files, directories, `-`) into a stream of Articles and Failures, never stopping on bad input."""
from __future__ import annotations

import gzip
import io
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from herald.errors import ArticleError, ArticleTooLarge, InputError, UnreadableArticle
from herald.ingest.checks import Limits, decode
from herald.ingest.formats import parse_record, parse_txt
from herald.records import Article, Failure

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".warc", ".warc.gz")
TEXT_KINDS = ("txt", "jsonl", "jsonl.gz")  # the article formats of docs/SCHEMA.md (what `herald spark` reads)
KINDS = (*TEXT_KINDS, "html", "warc")  # plus web pages and WARC crawls
_SUFFIX_KIND = ((".jsonl.gz", "jsonl.gz"), (".jsonl", "jsonl"), (".txt", "txt"), (".html", "html"),
                (".htm", "html"), (".warc.gz", "warc"), (".warc", "warc"))


def kind_of(path: Path) -> str | None:
    """`txt`, `jsonl`, `jsonl.gz`, `html` (.html, .htm), `warc` (.warc, .warc.gz) or None for other files."""
    name = path.name.lower()
    for suffix, kind in _SUFFIX_KIND:
        if name.endswith(suffix):
            return kind
    return None


def files_under(folder: Path, kinds: tuple[str, ...] = KINDS) -> list[Path]:
    """The files Herald reads under `folder` (of `kinds`), in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and kind_of(p) in kinds)


def stem_of(path: Path) -> str:
    name = path.name
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_articles(paths: Iterable[str | Path], limits: Limits | None = None,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Yield every article under `paths` in a stable order, or a Failure naming the input and the reason."""
    limits = limits or Limits()
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_jsonl(stream, "-", limits)
            continue
        path = Path(raw)
        if path.is_dir():
            files = files_under(path)
            if not files:
                log.warning("no %s files under %s", ", ".join(SUFFIXES), path)
            for file in files:
                yield from _read_file(file, limits)
        elif path.is_file():
            if kind_of(path) is None:
                yield Failure(article_id=None, source=str(path), code=InputError.code, stage="ingest",
                              reason=f"unsupported file type (expected {', '.join(SUFFIXES)})")
                continue
            yield from _read_file(path, limits)
        else:
            yield Failure(article_id=None, source=str(path), code=InputError.code, stage="ingest",
                          reason="no such file or directory")


def _read_file(path: Path, limits: Limits) -> Iterator[Article | Failure]:
    kind = kind_of(path)
    if kind == "txt":
        yield _read_txt(path, limits)
        return
    if kind == "html":
        from herald.ingest.html import read_html_file

        yield read_html_file(path, limits)
        return
    if kind == "warc":
        from herald.ingest.warc import read_warc

        yield from read_warc(path, limits)
        return
    try:
        raw: BinaryIO = gzip.open(path, "rb") if kind == "jsonl.gz" else open(path, "rb")
    except OSError as exc:
        yield Failure(None, str(path), f"cannot open: {exc.strerror or exc}", InputError.code, "ingest")
        return
    with raw:
        yield from _read_jsonl(raw, str(path), limits)


def _read_txt(path: Path, limits: Limits) -> Article | Failure:
    article_id, source = stem_of(path), str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ArticleTooLarge(f"file has {size:,} bytes; the limit is {limits.max_bytes:,} "
                                  f"({limits.max_chars:,} characters)")
        text = decode(path.read_bytes())
        return parse_txt(text, article_id=article_id, source=source, limits=limits)
    except ArticleError as exc:
        return failure_from(exc, article_id, source)
    except OSError as exc:
        return Failure(article_id, source, f"cannot read: {exc.strerror or exc}", InputError.code, "ingest")


def _read_jsonl(stream: BinaryIO, name: str, limits: Limits) -> Iterator[Article | Failure]:
    line_no = 0
    try:
        while True:
            line = stream.readline(limits.max_bytes + 1)
            if not line:
                break
            line_no += 1
            source = f"{name}:{line_no}"
            if len(line) > limits.max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield failure_from(ArticleTooLarge(f"record is longer than {limits.max_bytes:,} bytes"), None, source)
                continue
            if not line.strip():
                continue
            try:
                yield parse_record(decode(line), source=source, limits=limits)
            except ArticleError as exc:
                yield failure_from(exc, exc.article_id, source)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield failure_from(UnreadableArticle(f"stream broke after line {line_no}: {exc}"), None, name)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(io.DEFAULT_BUFFER_SIZE * 64)
        if not chunk or chunk.endswith(b"\n"):
            return


def failure_from(exc: ArticleError, article_id: str | None, source: str | None, stage: str = "ingest") -> Failure:
    return Failure(article_id=exc.article_id or article_id, source=exc.source or source, reason=exc.message,
                   code=exc.code, stage=stage)
