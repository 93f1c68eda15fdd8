"""`herald ingest --server URL`: read articles here and let a running `herald serve` code and store them (POST
/api/articles with its token), for a store the server holds. Standard library only (no HTTP client dependency)."""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from herald.api.writes import ArticleIn
from herald.errors import BadRecord, ConfigError
from herald.ingest import Limits, read_articles
from herald.ingest.reader import failure_from
from herald.records import Article, Failure
from herald.runner import report_failure

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PostSummary:
    url: str
    processed: int = 0
    failed: int = 0
    stored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("new", "replaced", "unchanged", "duplicates", "events"), 0))
    failures: list[Failure] = field(default_factory=list)

    def describe(self) -> str:
        s = self.stored
        return (f"{self.processed + self.failed} articles: {self.processed} processed ({s['new']} new, "
                f"{s['replaced']} updated, {s['unchanged']} already stored, {s['duplicates']} duplicates of stored "
                f"stories), {self.failed} failed; {s['events']} events stored by the server at {self.url}")


def article_json(article: Article) -> dict[str, Any]:
    """An Article as POST /api/articles takes it (a JSON Lines record)."""
    body = {key: value for key, value in article.metadata.items() if value is not None}
    body.update(id=article.id, text=article.text, published=article.published.isoformat())
    if article.title:
        body["title"] = article.title[:1000]
    return body


def post_paths(paths: Iterable[str], url: str, token: str, limits: Limits | None = None, *,
               per_request: int = 50, max_request_bytes: int = 4_000_000, timeout: float = 600) -> PostSummary:
    """Read `paths` and POST the articles to the server at `url`, a few per request (under its default limits of 100
    articles and 5 MB a request). Articles that cannot be read, or whose id the API refuses, fail here."""
    summary = PostSummary(url=url.rstrip("/"))
    _check_server(summary.url, timeout)
    chunk: list[dict[str, Any]] = []
    size = 0
    for item in read_articles(paths, limits or Limits()):
        record = article_json(item) if isinstance(item, Article) else None
        if record is not None:
            problem = _refused(record)
            if problem:
                item = failure_from(BadRecord(f"the API would refuse it: {problem}"), item.id, item.source)
        if isinstance(item, Failure):
            _fail(summary, [item])
            continue
        length = len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        if chunk and (len(chunk) >= per_request or size + length > max_request_bytes):
            _post(summary, chunk, token, timeout)
            chunk, size = [], 0
        chunk.append(record)
        size += length
    if chunk:
        _post(summary, chunk, token, timeout)
    return summary


def _check_server(url: str, timeout: float) -> None:
    """Before reading anything: the server answers and takes writes."""
    try:
        with urllib.request.urlopen(f"{url}/api/health", timeout=min(timeout, 30)) as response:
            health = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ConfigError(f"cannot reach a Herald server at {url}: {getattr(exc, 'reason', exc)}") from None
    if not health.get("writes_enabled"):
        raise ConfigError(f"the server at {url} takes no articles: it was started without a token (restart it with "
                          "--token-file FILE or HERALD_API_TOKEN set, or drop the files in the folder it --watch-es)")


def _refused(record: dict[str, Any]) -> str | None:
    """Why POST /api/articles would refuse this record (and with it its whole request), or None."""
    from pydantic import ValidationError

    try:
        ArticleIn.model_validate(record)
    except ValidationError as exc:
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return None


def _fail(summary: PostSummary, failures: list[Failure]) -> None:
    for failure in failures:
        log.warning(report_failure(failure))
    summary.failed += len(failures)
    summary.failures.extend(failures)


def _post(summary: PostSummary, chunk: list[dict[str, Any]], token: str, timeout: float) -> None:
    request = urllib.request.Request(f"{summary.url}/api/articles", method="POST",
                                     data=json.dumps({"articles": chunk}, ensure_ascii=False).encode("utf-8"),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as exc:
        detail = _detail(exc)
        if exc.code == 422 and isinstance(detail, dict) and "failures" in detail:  # no article could be coded
            _fail(summary, [Failure(**f) for f in detail["failures"]])
            return
        raise ConfigError(f"the server at {summary.url} refused the articles (HTTP {exc.code}): {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConfigError(f"cannot reach the server at {summary.url}: {reason}") from None
    summary.processed += len(answer["articles"])
    for key in summary.stored:
        summary.stored[key] += answer.get(key, 0)
    _fail(summary, [Failure(**f) for f in answer["failures"]])


def _detail(error: urllib.error.HTTPError) -> Any:
    try:
        body = json.loads(error.read() or b"{}")
    except ValueError:
        return error.reason
    return body.get("detail") or body.get("message") or error.reason
