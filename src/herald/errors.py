"""One error hierarchy for Herald, with a coded catalogue (in the style of spaCy's `Errors`).

Every error Herald raises on purpose is a `HeraldError`. Errors about one article (it cannot be read, it is empty,
it is not English...) are `ArticleError`s: the pipeline turns them into `Failure` records and goes on with the batch.
Codes are stable so users can grep logs and failure tables for them.
"""
from __future__ import annotations


class HeraldError(Exception):
    """Base of every error Herald raises on purpose."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(HeraldError):
    """A setting, file or option given to Herald is unusable."""

    code = "E001"


class ModelError(HeraldError):
    """The spaCy pipeline (or another bundled model or data asset) cannot be loaded."""

    code = "E002"


class StoreError(HeraldError):
    """The DuckDB store cannot be opened, migrated, queried or written."""

    code = "E003"


class QueryError(StoreError):
    """A user query (SQL, filter) is invalid."""

    code = "E004"


class InputError(HeraldError):
    """An input path cannot be used at all (missing, unreadable, unknown kind)."""

    code = "E005"


class ArticleError(HeraldError):
    """One article cannot be read or processed. Carries where it came from."""

    code = "E100"

    def __init__(self, message: str, *, article_id: str | None = None, source: str | None = None):
        super().__init__(message)
        self.article_id = article_id
        self.source = source


class UnreadableArticle(ArticleError):
    """The bytes are not text: binary data, NUL bytes, or not decodable as UTF-8."""

    code = "E101"


class EmptyArticle(ArticleError):
    """The article has no body text."""

    code = "E102"


class BadHeader(ArticleError):
    """A .txt article whose first line is not `date YYYY-MM-DD Title`."""

    code = "E103"


class BadRecord(ArticleError):
    """A JSON Lines record that is not valid JSON or lacks a required key or value."""

    code = "E104"


class ArticleTooLarge(ArticleError):
    """The article body is longer than the configured limit."""

    code = "E105"


class NotEnglish(ArticleError):
    """The article body does not look like English text."""

    code = "E106"


class ProcessingError(ArticleError):
    """An unexpected error while processing one article (a bug: please report it)."""

    code = "E190"


class ArticleTimeout(ArticleError):
    """Processing one article took longer than the per-article time limit (`--article-timeout`); the rest of the
    batch goes on."""

    code = "E191"
