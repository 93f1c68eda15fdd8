"""`herald spark`: code articles with the Herald pipeline on Spark and write Parquet.

Layout of the output folder:
    OUT/events/event_date=YYYY-MM-DD/part-*.parquet   the flat event row (herald.store.columns.EVENT_COLUMNS)
    OUT/articles/part-*.parquet                       the articles that were coded (with their text)
    OUT/failures/part-*.parquet                       one row per article or record that could not be coded
`herald load OUT --db FILE` brings it into a Herald DuckDB store.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from herald.errors import ConfigError, InputError
from herald.ingest.reader import TEXT_KINDS, files_under, kind_of
from herald.spark.partition import JSONL, TXT, JobSettings, code_batches
from herald.spark.rows import EVENT_SELECT, PARTITION_COLUMN, article_schema, combined_schema, failure_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SparkRunSummary:
    output: str
    articles: int
    events: int
    failures: int
    seconds: float
    partitions: int

    def describe(self) -> str:
        return (f"{self.articles + self.failures} articles: {self.articles} processed, {self.failures} failed; "
                f"{self.events} events written to {self.output} in {self.seconds:.1f} s "
                f"({self.partitions} partitions)")


def input_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(JSON Lines files, .txt files) under `paths`. Local folders are walked like `herald extract` does; a URI
    (hdfs://, s3a://...) must name files or globs ending in .jsonl, .jsonl.gz or .txt."""
    jsonl: list[str] = []
    txt: list[str] = []
    for raw in paths:
        if raw == "-":
            raise InputError("herald spark reads files, not standard input")
        if "://" in raw:
            kind = kind_of(Path(raw.rstrip("/")))
            if kind not in TEXT_KINDS:
                raise InputError(f"{raw}: name .jsonl, .jsonl.gz or .txt files (globs allowed)")
            (txt if kind == TXT else jsonl).append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            files = files_under(path, TEXT_KINDS)
        elif path.is_file() and kind_of(path) in TEXT_KINDS:
            files = [path]
        elif path.exists():
            raise InputError(f"{raw}: unsupported file type (expected .txt, .jsonl, .jsonl.gz)")
        else:
            raise InputError(f"{raw}: no such file or directory")
        for file in files:
            (txt if kind_of(file) == TXT else jsonl).append(str(file.resolve()))
    if not jsonl and not txt:
        raise InputError("no .txt, .jsonl or .jsonl.gz files in the input")
    return jsonl, txt


def input_frame(spark: "SparkSession", jsonl: list[str], txt: list[str]) -> "DataFrame":
    """One row per JSON Lines record or .txt file: (kind, source, text, bytes)."""
    from pyspark.sql import functions as F

    source = F.regexp_replace(F.col("_metadata.file_path"), "^file:(//)?", "")
    frames = []
    if jsonl:
        lines = spark.read.option("lineSep", "\n").text(jsonl)
        frames.append(lines.select(F.lit(JSONL).alias("kind"), source.alias("source"), F.col("value").alias("text"),
                                   F.lit(None).cast("binary").alias("bytes")))
    if txt:
        files = spark.read.format("binaryFile").load(txt)
        frames.append(files.select(F.lit(TXT).alias("kind"), source.alias("source"),
                                   F.lit(None).cast("string").alias("text"), F.col("content").alias("bytes")))
    frame = frames[0]
    for other in frames[1:]:
        frame = frame.unionByName(other)
    return frame


def run_spark(paths: Sequence[str], output: str | Path, *, spark: "SparkSession | None" = None,
              master: str = "local[*]", partitions: int | None = None, settings: JobSettings | None = None,
              mode: str = "error") -> SparkRunSummary:
    """Code every article under `paths` on Spark; write events (partitioned by event date), articles and failures
    as Parquet under `output`. `mode` is Spark's save mode: error (the default: never overwrite), overwrite."""
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema

    from herald.spark.session import spark_session

    settings = settings or JobSettings()
    jsonl, txt = input_files(paths)  # bad paths fail here, before a JVM starts
    if mode == "error" and "://" not in str(output) and Path(output).exists() and any(Path(output).iterdir()):
        raise ConfigError(f"{output} already exists; choose another folder or overwrite it (--overwrite)")
    started = time.perf_counter()
    spark = spark or spark_session(master)
    for user_file in (*settings.actor_files, *settings.trigger_files):
        spark.sparkContext.addFile(str(Path(user_file).resolve()))
    frame = input_frame(spark, jsonl, txt)
    partitions = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
    coded = (frame.repartition(partitions)
             .mapInArrow(lambda batches: code_batches(batches, settings),
                         from_arrow_schema(combined_schema(), prefer_timestamp_ntz=False))
             .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        out = str(output).rstrip("/")
        events = coded.where(coded.kind == "event").select(*EVENT_SELECT, PARTITION_COLUMN)
        (events.repartition(PARTITION_COLUMN).write.mode(mode).partitionBy(PARTITION_COLUMN)
         .parquet(f"{out}/events"))
        articles = coded.where(coded.kind == "article").select(*(f"article.{n}" for n in article_schema().names))
        articles.write.mode(mode).parquet(f"{out}/articles")
        failures = coded.where(coded.kind == "failure").select(*(f"failure.{n}" for n in failure_schema().names))
        failures.coalesce(1).write.mode(mode).parquet(f"{out}/failures")
        counts = dict(coded.groupBy("kind").count().collect())
    finally:
        coded.unpersist()
    summary = SparkRunSummary(output=out, articles=counts.get("article", 0), events=counts.get("event", 0),
                              failures=counts.get("failure", 0), seconds=time.perf_counter() - started,
                              partitions=partitions)
    log.info(summary.describe())
    return summary
