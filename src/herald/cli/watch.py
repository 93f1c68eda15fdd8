"""`herald watch DIR`: live mode without the server: code new or changed files in a folder as they appear."""
from __future__ import annotations

import logging
import signal
from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer

from herald.cli.extract import ActorsOpt, MaxCharsOpt, TriggersOpt, pipeline_options
from herald.cli.store import DbOpt

IntervalOpt = typer.Option(2.0, "--interval", min=0.1, max=3600, help="Seconds between two scans of the folder.")
SettleOpt = typer.Option(1.0, "--settle", min=0.0, max=600,
                         help="A file is read once it has not changed for this many seconds.")


def show_progress() -> None:
    """The watcher's per-file progress and counts are INFO messages: show them unless -v already does."""
    logger = logging.getLogger("herald.watch")
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)


def register(app: typer.Typer) -> None:
    @app.command()
    def watch(folder: Path = typer.Argument(..., help="The folder to watch (subfolders too)."), db: Path = DbOpt,
              interval: float = IntervalOpt, settle: float = SettleOpt,
              once: bool = typer.Option(False, "--once", help="Code what is new once (without --settle), then exit."),
              actors: Optional[list[Path]] = ActorsOpt, triggers: Optional[list[Path]] = TriggersOpt,
              max_chars: int = MaxCharsOpt) -> None:
        """Code new or changed article files (.txt, .jsonl, .jsonl.gz, .html, .htm, .warc, .warc.gz) in FOLDER as
        they appear and store them, until Ctrl-C. Files already coded (same path, size and time) are not read
        again, also after a restart. To see them in the dashboard meanwhile, use `herald serve --watch FOLDER`."""
        from herald.ingest import Limits
        from herald.lazy_pipeline import LazyPipeline, default_factory
        from herald.store import Store
        from herald.watch import FolderScanner, Watcher

        options = pipeline_options(actors, triggers)
        scanner = FolderScanner(folder, settle_seconds=0.0 if once else settle)
        show_progress()
        with Store.open(db) as store:
            watcher = Watcher(scanner, lambda changes=True: nullcontext(store), LazyPipeline(default_factory(options)),
                              limits=Limits(max_chars=max_chars), interval=interval)
            if once:
                watcher.scan_once()
            else:
                # Ctrl-C or SIGTERM: finish the batch being coded (nothing half-written), then stop.
                previous = {sig: signal.signal(sig, lambda *_: watcher.stop(timeout=0))
                            for sig in (signal.SIGINT, signal.SIGTERM)}
                typer.echo(f"watching {scanner.folder} into {db} (Ctrl-C to stop)", err=True)
                try:
                    watcher.run()
                finally:
                    for sig, handler in previous.items():
                        signal.signal(sig, handler)
        s = watcher.status()
        typer.echo(f"{s.files_coded} files read: {s.articles_processed} articles processed ({s.events} events), "
                   f"{s.articles_failed} failed; stored in {db}", err=True)
        if s.last_error:
            typer.echo(f"herald: last error: {s.last_error}", err=True)
