"""`herald spark` (code articles on Apache Spark, write Parquet) and `herald load` (Parquet into the DuckDB store)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from herald.cli.extract import ActorsOpt, MaxCharsOpt, TimeoutOpt, TriggersOpt, check_files
from herald.store import DEFAULT_DB


def register(app: typer.Typer) -> None:
    @app.command()
    def spark(paths: list[str] = typer.Argument(..., help="Article files (.txt, .jsonl, .jsonl.gz), folders, or "
                                                         "URIs/globs Spark can read (hdfs://, s3a://)."),
              output: str = typer.Option(..., "--output", "-o", help="Output folder: events/ (partitioned by "
                                                                     "event_date), articles/, failures/."),
              master: str = typer.Option("local[*]", "--master", help="local[N] or a cluster URL."),
              partitions: Optional[int] = typer.Option(None, "--partitions", min=1,
                                                       help="Input partitions (default: 2 per core)."),
              batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per spaCy batch."),
              overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing output folder."),
              actors: Optional[list[Path]] = ActorsOpt, triggers: Optional[list[Path]] = TriggersOpt,
              max_chars: int = MaxCharsOpt, article_timeout: float = TimeoutOpt) -> None:
        """Code articles on Spark with the same pipeline; write Parquet (load it with `herald load`)."""
        from herald.spark import JobSettings, run_spark

        check_files(actors, triggers)
        settings = JobSettings(batch_size=batch_size, max_chars=max_chars, article_timeout=article_timeout,
                               actor_files=tuple(str(p) for p in actors or ()),
                               trigger_files=tuple(str(p) for p in triggers or ()))
        summary = run_spark(paths, output, master=master, partitions=partitions, settings=settings,
                            mode="overwrite" if overwrite else "error")
        typer.echo(summary.describe(), err=True)
        if summary.articles == 0:
            typer.echo("herald: nothing could be read", err=True)
            raise typer.Exit(1)

    @app.command()
    def load(parquet: Path = typer.Argument(..., help="The output folder of `herald spark` (or event Parquet)."),
             db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB file.")) -> None:
        """Load Parquet written by `herald spark` into the store. Loading the same output twice adds nothing."""
        from herald.spark import load_parquet

        summary = load_parquet(parquet, db)
        typer.echo(summary.describe(), err=True)
