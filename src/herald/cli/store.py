"""Store commands: `ingest`, `events`, `sql`, `export`, `actors`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from herald.cli.extract import (ActorsOpt, FailuresOpt, FastOpt, MaxCharsOpt, PathsArg, TimeoutOpt, TriggersOpt,
                                WorkersOpt, pipeline_options)
from herald.ingest import Limits
from herald.output import json_line, print_event_table
from herald.store import DEFAULT_DB, Store

DbOpt = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB file.")


# The event filters of `herald events` and `herald export` (a subset of the API's, same model and SQL).
ActorOpt = typer.Option(None, "--actor", help="Actor country code (ISO3, IGO, UNO...).")
RecipientOpt = typer.Option(None, "--recipient", help="Recipient country code.")
TypeOpt = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT.")
SinceOpt = typer.Option(None, "--since", help="Events dated on or after YYYY-MM-DD.")
UntilOpt = typer.Option(None, "--until", help="Events dated on or before YYYY-MM-DD.")
ArticleOpt = typer.Option(None, "--article", help="Events of one article id.")


_OPTION_OF = {"actor_country": "--actor", "recipient_country": "--recipient", "event": "--type", "since": "--since",
              "until": "--until", "article_id": "--article"}


def event_filters(actor: Optional[str], recipient: Optional[str], event_type: Optional[str], since: Optional[str],
                  until: Optional[str], article: Optional[str]):
    """The options as `EventFilters`; a bad value is a usage error that names the option."""
    from herald.errors import QueryError
    from herald.store.filters import parse_filters

    try:
        return parse_filters(_OPTION_OF, actor_country=actor, recipient_country=recipient,
                             event=[event_type.upper()] if event_type else None, since=since, until=until,
                             article_id=article)
    except QueryError as exc:
        raise typer.BadParameter(exc.message) from None


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json_line(dict(zip(columns, row))))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["|".join(v) if isinstance(v, list) else v for v in row])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} rows")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)


def _ingest_through(server: str, paths: list[str], token_file: Optional[Path], limits: Limits) -> None:
    import os

    from herald.api.client import post_paths
    from herald.api.config import TOKEN_ENV, load_token

    if not server.startswith(("http://", "https://")):
        raise typer.BadParameter(f"--server must be an http:// or https:// URL, got {server!r}")
    token = load_token(token_file, os.environ)
    if token is None:
        raise typer.BadParameter(f"--server needs the server's token: --token-file FILE or {TOKEN_ENV}")
    summary = post_paths(paths, server, token, limits)
    typer.echo(summary.describe(), err=True)
    if summary.processed == 0:
        typer.echo("herald: nothing could be read", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(paths: list[str] = PathsArg, db: Path = DbOpt, failures: Optional[Path] = FailuresOpt,
               workers: int = WorkersOpt, actors: Optional[list[Path]] = ActorsOpt,
               triggers: Optional[list[Path]] = TriggersOpt, max_chars: int = MaxCharsOpt,
               article_timeout: float = TimeoutOpt, fast: bool = FastOpt,
               progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
               server: Optional[str] = typer.Option(
                   None, "--server", help="Let the running `herald serve` at this URL code and store the articles "
                                          "(for a store it holds); needs its token."),
               token_file: Optional[Path] = typer.Option(
                   None, "--token-file", help="With --server: file holding the server's API token (else "
                                              "HERALD_API_TOKEN).")) -> None:
        """Code articles and store articles, events and failures in DuckDB. Articles already stored are recognised
        before any parsing: re-ingesting adds nothing, and an interrupted ingest resumes where it stopped."""
        if server is not None:
            _ingest_through(server, paths, token_file, Limits(max_chars=max_chars))
            return
        from herald.ingestion import ingest_paths

        options = pipeline_options(actors, triggers, article_timeout, fast)
        summary = ingest_paths(paths, db, options, Limits(max_chars=max_chars), workers=workers,
                               failures_path=failures, progress=progress)
        typer.echo(summary.describe(), err=True)
        if summary.counts.processed == 0:
            typer.echo("herald: nothing could be read", err=True)
            raise typer.Exit(1)

    @app.command()
    def demo(db: Path = DbOpt, limit: int = typer.Option(40, min=1, help="Rows of the events table to print.")) -> None:
        """Ingest the bundled example articles into the store and print the events table."""
        from herald.ingestion import examples_dir, ingest_paths

        summary = ingest_paths([str(examples_dir())], db, progress=False)
        typer.echo(summary.describe(), err=True)
        with Store.open(db, read_only=True) as store:
            print_event_table(store.events(limit=limit),
                              title=f"Events from the bundled examples ({store.count('events')} in {db})")

    @app.command()
    def events(db: Path = DbOpt, actor: Optional[str] = ActorOpt, recipient: Optional[str] = RecipientOpt,
               event_type: Optional[str] = TypeOpt, since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt,
               article: Optional[str] = ArticleOpt,
               limit: int = typer.Option(50, min=1, max=1_000_000, help="At most this many events."),
               fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl (SCHEMA records) or csv.")) -> None:
        """List stored events, newest first."""
        where = event_filters(actor, recipient, event_type, since, until, article)
        with Store.open(db, read_only=True) as store:
            if fmt == "jsonl":
                for record in store.event_records(where, limit=limit):
                    typer.echo(json_line(record))
            elif fmt == "csv":
                rows = store.events(where, limit=limit)
                _print_rows(list(rows[0]) if rows else [], [tuple(r.values()) for r in rows], "csv")
            elif fmt == "table":
                print_event_table(store.events(where, limit=limit))
            else:
                raise typer.BadParameter("--format must be table, jsonl or csv")

    @app.command()
    def sql(query: str = typer.Argument(..., help="One SQL statement; the store is opened read-only."),
            db: Path = DbOpt, fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv.")) -> None:
        """Run SQL on the store (tables: articles, events, failures, actors, meta, clusters, cluster_members,
        article_copies)."""
        with Store.open(db, read_only=True) as store:
            columns, rows = store.query(query)
        _print_rows(columns, rows, fmt)

    @app.command()
    def export(db: Path = DbOpt,
               fmt: str = typer.Option("jsonl", "--format", "-f",
                                       help="jsonl (SCHEMA records), csv, parquet, gdelt (GDELT 2.0 event table) or "
                                            "icews (ICEWS coded event data); docs/exports.md."),
               output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write."),
               actor: Optional[str] = ActorOpt, recipient: Optional[str] = RecipientOpt,
               event_type: Optional[str] = TypeOpt, since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt,
               article: Optional[str] = ArticleOpt,
               one_a_day: bool = typer.Option(False, "--one-a-day", help="One event per cluster (real-world event) "
                                                                          "per day: its first report.")) -> None:
        """Export the stored events (all, or those the filters select)."""
        from herald.store.exports import DEFAULT_NAMES, FORMATS

        if fmt not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        where = event_filters(actor, recipient, event_type, since, until, article)
        output = output or Path(DEFAULT_NAMES.get(fmt, f"herald-events.{fmt}"))
        with Store.open(db, read_only=True) as store:
            count = store.export(output, fmt, where, one_a_day=one_a_day)
        typer.echo(f"wrote {count} events to {output}", err=True)

    @app.command("actors")
    def actors_command(db: Path = DbOpt, name: Optional[str] = typer.Option(None, help="Part of a name."),
                       limit: int = typer.Option(100, min=1), fmt: str = typer.Option("table", "--format", "-f")) -> None:
        """The actor knowledge base: every named actor seen, with country, sector, office and dates."""
        with Store.open(db, read_only=True) as store:
            columns, rows = store.actor_rows(name, limit)
        _print_rows(columns, rows, fmt)
