"""The `herald` command line: a thin Typer layer over library functions. Each command group lives in its own module."""
from __future__ import annotations

import logging
import sys

import typer

from herald import __version__
from herald.errors import HeraldError

app = typer.Typer(name="herald", help="Political event data from news: who did what to whom, when and where.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"herald {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More logging on stderr (-v info, -vv debug)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    from herald.cli import clusters, evaluate, extract, serve, spark, store, watch

    for group in (extract, store, clusters, evaluate, serve, watch, spark):
        group.register(app)


_register()


def main() -> None:
    try:
        app()
    except HeraldError as exc:
        typer.echo(f"herald: error: {exc}", err=True)
        sys.exit(2)
