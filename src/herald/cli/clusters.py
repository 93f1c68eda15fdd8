"""`herald clusters`: list the store's real-world events (clusters of reports), or rebuild them."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from herald.cli.store import DbOpt, _print_rows
from herald.store import Store

_COLUMNS = ("id", "event", "actor_country", "actor_sector", "actor_name", "recipient_country", "recipient_sector",
            "recipient_name", "location_country", "date_start", "date_end", "mentions", "articles", "sources",
            "copies", "first_seen")


def register(app: typer.Typer) -> None:
    @app.command("clusters")
    def clusters_command(
            db: Path = DbOpt,
            event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
            country: Optional[str] = typer.Option(None, help="A country code on either side or where it happened."),
            since: Optional[str] = typer.Option(None, help="Clusters dated on or after YYYY-MM-DD."),
            until: Optional[str] = typer.Option(None, help="Clusters dated on or before YYYY-MM-DD."),
            min_articles: int = typer.Option(1, min=1, help="Reported by at least this many articles."),
            limit: int = typer.Option(50, min=1, max=500, help="At most this many clusters."),
            fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
            rebuild: bool = typer.Option(False, "--rebuild", help="Cluster the whole store again first (needs "
                                                                   "write access: stop a server holding it).")) -> None:
        """Events across articles: the reports of each real-world event, most reported first (docs/clusters.md)."""
        from pydantic import ValidationError

        from herald.api.clusters import ClusterListParams, require_clusters
        from herald.store.filters import plover_types

        if event_type and event_type.upper() not in plover_types():
            raise typer.BadParameter(f"not a PLOVER type: {event_type!r}", param_hint="--type")
        try:
            params = ClusterListParams(event=[event_type.upper()] if event_type else [], country=country,
                                       since=since, until=until,
                                       min_articles=min_articles, limit=limit)
        except ValidationError as exc:
            raise typer.BadParameter("; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())) from None
        if rebuild:
            from herald.clusters import Clusterer

            with Store.open(db) as store:
                typer.echo(Clusterer(store).rebuild().describe(), err=True)
        with Store.open(db, read_only=True) as store:
            require_clusters(store)
            where, values = params.where()
            rows = store.rows(f"SELECT c.* FROM clusters c{where}{params.order()} LIMIT ?", [*values, params.limit])
        _print_rows(list(_COLUMNS), [tuple(row[c] for c in _COLUMNS) for row in rows], fmt)
