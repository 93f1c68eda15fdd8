"""What runs on a Spark executor: input rows -> Articles -> the Herald pipeline -> Arrow batches of results.

The pipeline is built once per executor Python process (Spark reuses its Python workers across tasks) and cached
here. No input row can fail the task: unreadable records and articles the pipeline cannot code become failure rows.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from herald.errors import ArticleError, ArticleTooLarge, ProcessingError
from herald.pipeline import DEFAULT_ARTICLE_TIMEOUT
from herald.records import Article, Failure

if TYPE_CHECKING:
    import pyarrow as pa

    from herald.pipeline import Pipeline

log = logging.getLogger(__name__)

JSONL, TXT = "jsonl", "txt"


@dataclass(frozen=True, slots=True)
class JobSettings:
    """What every executor needs to build the same pipeline. User dictionaries travel with the job (SparkFiles):
    here they are file names, resolved on the executor."""

    batch_size: int = 32
    max_chars: int = 1_000_000
    actor_files: tuple[str, ...] = ()
    trigger_files: tuple[str, ...] = ()
    spacy_model: str | None = None
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT  # seconds per article


def _resolve(name: str) -> str:
    if os.path.isabs(name) and os.path.exists(name):
        return name
    from pyspark import SparkFiles

    return SparkFiles.get(Path(name).name)


@lru_cache(maxsize=2)
def pipeline_for(settings: JobSettings) -> "Pipeline":
    """One pipeline per executor process and settings."""
    from herald.pipeline import Pipeline, PipelineOptions

    options = PipelineOptions(batch_size=settings.batch_size, spacy_model=settings.spacy_model,
                              actor_files=tuple(_resolve(f) for f in settings.actor_files),
                              trigger_files=tuple(_resolve(f) for f in settings.trigger_files))
    log.info("building the Herald pipeline in executor process %d", os.getpid())
    return Pipeline.default(options)


def to_item(kind: str, source: str, value: Any, limits) -> Article | Failure:
    """One input row (a JSON Lines record, or a whole .txt file as bytes) -> Article or Failure. Never raises."""
    from herald.ingest.checks import decode
    from herald.ingest.formats import parse_record, parse_txt
    from herald.ingest.reader import failure_from, stem_of

    article_id = stem_of(Path(source)) if kind == TXT else None
    try:
        if kind == TXT:
            if len(value) > limits.max_bytes:
                return Failure(article_id, source, f"file has {len(value):,} bytes; the limit is "
                               f"{limits.max_bytes:,}", ArticleTooLarge.code, "ingest")
            return parse_txt(decode(value), article_id=article_id, source=source, limits=limits)
        return parse_record(value, source=source, limits=limits)
    except ArticleError as exc:
        return failure_from(exc, article_id, source)
    except Exception as exc:  # noqa: BLE001 - a bad row must not fail the task
        return Failure(article_id, source, f"cannot read: {type(exc).__name__}: {exc}", ProcessingError.code,
                       "ingest")


def code_batches(batches: Iterator["pa.RecordBatch"], settings: JobSettings) -> Iterator["pa.RecordBatch"]:
    """The mapInArrow function: rows (kind, source, value) in, rows of `rows.combined_schema()` out."""
    from herald.executors import chunks_of, run_chunk
    from herald.ingest import Limits
    from herald.spark.rows import to_arrow

    limits = Limits(max_chars=settings.max_chars)
    pipeline = pipeline_for(settings)

    def items() -> Iterator[Article | Failure]:
        for batch in batches:
            kinds, sources, texts, blobs = (batch.column(n).to_pylist() for n in ("kind", "source", "text", "bytes"))
            for kind, source, text, blob in zip(kinds, sources, texts, blobs):
                if kind == JSONL and not (text or "").strip():
                    continue  # blank lines are skipped, as the local reader does
                yield to_item(kind, source, blob if kind == TXT else text, limits)

    for chunk in chunks_of(items(), settings.batch_size):
        for table_batch in to_arrow(run_chunk(pipeline, chunk, settings.article_timeout)).to_batches():
            yield table_batch
