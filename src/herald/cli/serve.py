"""`herald serve`: the REST API and the offline dashboard over a store."""
from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from typing import Optional

import typer

from herald.cli.store import DbOpt
from herald.cli.watch import show_progress

log = logging.getLogger(__name__)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(db: Path = DbOpt,
              host: str = typer.Option("127.0.0.1", help="Address to bind (loopback by default)."),
              port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
              token_file: Optional[Path] = typer.Option(
                  None, "--token-file", help="File holding the API token that enables POST /api/articles "
                                             "(else the HERALD_API_TOKEN environment variable; none: read-only)."),
              max_body_mb: float = typer.Option(5.0, min=0.01, max=1024, help="Largest request body, in MB."),
              log_level: str = typer.Option("info", help="uvicorn log level: critical, error, warning, info, debug."),
              watch: Optional[Path] = typer.Option(
                  None, "--watch", help="Live mode: code new or changed article files in this folder as they appear "
                                        "(the server writes them; the dashboard shows them without a restart)."),
              watch_interval: float = typer.Option(2.0, "--watch-interval", min=0.1, max=3600,
                                                   help="Seconds between two scans of the watched folder."),
              ) -> None:
        """Serve the REST API (OpenAPI docs at /docs) and the dashboard (/) over the store. Read-only unless a
        token is configured or a folder is watched; then this server is the store's single writer."""
        import uvicorn

        from herald.api import ApiConfig, create_app

        if watch is not None and not watch.is_dir():
            typer.echo(f"herald: cannot watch {watch}: no such folder", err=True)
            raise typer.Exit(2)
        config = ApiConfig.from_sources(db, token_file=token_file, max_body_bytes=int(max_body_mb * 1_000_000),
                                        watch_dir=watch, watch_interval=watch_interval)
        if not config.store_writable and not db.exists():
            typer.echo(f"herald: no store at {db} (create one with `herald ingest PATH --db {db}`, watch a folder "
                       "with --watch DIR, or configure a token to start an empty store and POST articles to it)",
                       err=True)
            raise typer.Exit(2)
        if watch is not None:
            show_progress()
        if not _is_loopback(host):
            typer.echo(f"herald: warning: listening on {host}, reachable from other machines; the API has no "
                       "TLS (put a reverse proxy in front)", err=True)
        web_app = create_app(config)
        mode = "writes enabled (token configured)" if config.writes_enabled else "read-only API"
        if watch is not None:
            mode += f"; watching {watch}"
        typer.echo(f"Herald dashboard on http://{host}:{port}/  API docs http://{host}:{port}/docs  ({db}, {mode})",
                   err=True)
        uvicorn.run(web_app, host=host, port=port, log_level=log_level, workers=1, server_header=False)
