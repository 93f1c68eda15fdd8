"""`herald extract`, `herald places`, `herald times`, `herald explain`: articles in, JSON Lines out (docs/SCHEMA.md)."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional

import typer

from herald.ingest import Limits
from herald.output import FORMATS, EventWriter, json_line
from herald.pipeline import DEFAULT_ARTICLE_TIMEOUT, PipelineOptions
from herald.records import ArticleResult, Failure
from herald.runner import Counts, report_failure, run_pipeline

PathsArg = typer.Argument(..., help="Article files (.txt, .jsonl, .jsonl.gz, .html, .htm, .warc, .warc.gz), "
                                     "directories, or - for stdin.")
OutputOpt = typer.Option(None, "--output", "-o", help="Write here instead of standard output.")
FailuresOpt = typer.Option(None, "--failures", help="Write one JSON line per failed article here.")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the pipeline once).")
ActorsOpt = typer.Option(None, "--actors", help="User actor dictionary (YAML, CSV or PETRARCH/Phoenix); repeatable.")
TriggersOpt = typer.Option(None, "--triggers", help="User trigger lexicon (YAML or PETRARCH verbs); repeatable.")
MaxCharsOpt = typer.Option(1_000_000, "--max-chars", min=1, help="Longest article body accepted.")
TimeoutOpt = typer.Option(DEFAULT_ARTICLE_TIMEOUT, "--article-timeout", min=0.1, metavar="SECONDS",
                          help="Seconds one article may take; a slower one becomes a failure (E191).")


def check_files(actors: Optional[list[Path]], triggers: Optional[list[Path]]) -> None:
    """The user dictionaries given with --actors and --triggers must exist."""
    for path in [*(actors or []), *(triggers or [])]:
        if not Path(path).is_file():
            raise typer.BadParameter(f"no such file: {path}")


FastOpt = typer.Option(False, "--fast", help="Parse only the sentences that may hold an event (and the lead and "
                                              "the sentences before them): faster; see docs/performance.md.")


def pipeline_options(actors: Optional[list[Path]], triggers: Optional[list[Path]],
                     article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT, fast: bool = False) -> PipelineOptions:
    check_files(actors, triggers)
    return PipelineOptions(actor_files=tuple(actors or ()), trigger_files=tuple(triggers or ()),
                           article_timeout=article_timeout, selective_parse=fast)


@contextmanager
def open_output(path: Optional[Path]) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
    else:
        with open(path, "w", encoding="utf-8") as fh:
            yield fh


def consume(results, failures_path: Optional[Path], on_result) -> Counts:
    """Feed results to `on_result`, report failures on stderr (and a file), count everything."""
    counts = Counts()
    failures_fh = open(failures_path, "w", encoding="utf-8") if failures_path else None
    try:
        for item in results:
            counts.add(item)
            if isinstance(item, Failure):
                typer.echo(report_failure(item), err=True)
                if failures_fh:
                    failures_fh.write(json_line(item.to_dict()) + "\n")
            else:
                on_result(item)
    finally:
        if failures_fh:
            failures_fh.close()
    typer.echo(f"{counts.total} articles: {counts.processed} processed, {counts.failed} failed; "
               f"{counts.events} events", err=True)
    if counts.processed == 0:
        typer.echo("herald: nothing could be read", err=True)
        raise typer.Exit(1)
    return counts


def write_mentions(paths: list[str], output: Optional[Path], failures: Optional[Path], max_chars: int,
                   mentions: Callable[[ArticleResult], Iterable]) -> None:
    """`herald places` and `herald times`: one JSON line per mention (`to_mention_dict`) of every article."""
    with open_output(output) as stream:
        def write(result: ArticleResult) -> None:
            for mention in mentions(result):
                stream.write(json_line(mention.to_mention_dict(result.article.id)) + "\n")
        consume(run_pipeline(paths, None, Limits(max_chars=max_chars)), failures, write)


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(paths: list[str] = PathsArg, output: Optional[Path] = OutputOpt,
                fmt: str = typer.Option("jsonl", "--format", "-f", help=f"One of {', '.join(FORMATS)}."),
                failures: Optional[Path] = FailuresOpt, workers: int = WorkersOpt,
                actors: Optional[list[Path]] = ActorsOpt, triggers: Optional[list[Path]] = TriggersOpt,
                max_chars: int = MaxCharsOpt, article_timeout: float = TimeoutOpt, fast: bool = FastOpt) -> None:
        """Code events in articles; one SCHEMA event record per line."""
        if fmt not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        options = pipeline_options(actors, triggers, article_timeout, fast)
        with open_output(output) as stream:
            writer = EventWriter(stream, fmt)
            results = run_pipeline(paths, options, Limits(max_chars=max_chars), workers=workers)
            consume(results, failures, lambda r: writer.write(r.events, r.article.published))
            writer.close()

    @app.command()
    def places(paths: list[str] = PathsArg, output: Optional[Path] = OutputOpt,
               failures: Optional[Path] = FailuresOpt, max_chars: int = MaxCharsOpt) -> None:
        """Every toponym in the articles, resolved to GeoNames where possible (one JSON object per mention)."""
        write_mentions(paths, output, failures, max_chars, lambda result: result.places)

    @app.command()
    def times(paths: list[str] = PathsArg, output: Optional[Path] = OutputOpt,
              failures: Optional[Path] = FailuresOpt, max_chars: int = MaxCharsOpt) -> None:
        """Every temporal expression, normalised against the publication date (one JSON object per mention)."""
        write_mentions(paths, output, failures, max_chars, lambda result: result.times)

    @app.command()
    def explain(article: str = typer.Argument(..., help="An article file (.txt), or a .jsonl file with --id."),
                article_id: Optional[str] = typer.Option(None, "--id", help="Which article of a JSON Lines file."),
                all_sentences: bool = typer.Option(False, "--all", help="Also show sentences with no trigger."),
                as_json: bool = typer.Option(False, "--json", help="Print the explanation as JSON.")) -> None:
        """Show, sentence by sentence, the events Herald codes and why (rules, arguments, modality)."""
        from herald.explain import explain_article, find_article, render_explanation

        found = find_article(article, article_id)
        explanation = explain_article(found)
        if as_json:
            typer.echo(json.dumps(explanation, ensure_ascii=False, indent=1, default=str))
        else:
            render_explanation(explanation, all_sentences=all_sentences)
