"""`herald evaluate`: score predicted events against sentence-level gold (same numbers as the shared scorer)."""
from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def evaluate(gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Sentence-level gold JSONL."),
                 pred: Path = typer.Argument(..., exists=True, dir_okay=False, help="Events from herald extract."),
                 as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
                 by_type: bool = typer.Option(False, "--by-type", help="Add per-type counts at the dyad level."),
                 sources: bool = typer.Option(False, "--sources",
                                              help="Add how many matched events were dated and placed from the "
                                                   "text, not by a fallback.")) -> None:
        """Precision, recall and F1 at the type, dyad and full levels, plus date, location and modality accuracy."""
        from herald.evaluate.events import evaluate as score, format_report, read_jsonl

        result = score(read_jsonl(gold), read_jsonl(pred), by_type=by_type, sources=sources)
        typer.echo(json.dumps(result) if as_json else format_report(result))
