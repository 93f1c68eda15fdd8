"""Settings of the REST API and dashboard server (`herald serve`)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from herald.errors import ConfigError

TOKEN_ENV = "HERALD_API_TOKEN"
MIN_TOKEN_CHARS = 16


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """What the server needs. `token` None means writes are disabled and the store is opened read-only."""

    db: Path
    token: str | None = None
    max_body_bytes: int = 5_000_000  # request bodies (POST /api/articles)
    max_articles_per_request: int = 100
    max_article_chars: int = 200_000  # one article's body in a POST
    watch_dir: Path | None = None  # `herald serve --watch DIR`: code files appearing there (the server writes)
    watch_interval: float = 2.0  # seconds between two scans of watch_dir
    cache_entries: int = 2048  # answers kept by the answer cache (herald.api.cache); 0 keeps none
    warm_up: bool = True  # compute the dashboard's unfiltered views into the answer cache at start

    @property
    def writes_enabled(self) -> bool:
        """POST /api/articles is open (to holders of the token)."""
        return self.token is not None

    @property
    def store_writable(self) -> bool:
        """The server holds the store read-write: it takes POSTs or watches a folder."""
        return self.writes_enabled or self.watch_dir is not None

    @classmethod
    def from_sources(cls, db: str | Path, *, token_file: str | Path | None = None,
                     env: Mapping[str, str] | None = None, **limits: Any) -> "ApiConfig":
        """The token comes from `token_file` if given, else from the HERALD_API_TOKEN environment variable."""
        return cls(db=Path(db), token=load_token(token_file, os.environ if env is None else env), **limits)


def load_token(token_file: str | Path | None, env: Mapping[str, str]) -> str | None:
    """The write token (stripped), or None when none is configured."""
    if token_file is not None:
        path = Path(token_file)
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read the token file {path}: {exc.strerror or exc}") from None
        source = str(path)
    else:
        token = env.get(TOKEN_ENV, "").strip()
        source = TOKEN_ENV
        if not token:
            return None
    if len(token) < MIN_TOKEN_CHARS or any(ch.isspace() for ch in token):
        raise ConfigError(f"the API token from {source} must be at least {MIN_TOKEN_CHARS} characters without "
                          "spaces (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)")
    return token
