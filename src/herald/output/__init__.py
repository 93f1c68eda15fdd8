"""Writers for events and mentions: JSON Lines (SCHEMA records), CSV (flat rows) and a terminal table."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from herald.store.columns import EVENT_COLUMN_NAMES, event_row

FORMATS = ("jsonl", "csv", "table")


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


class EventWriter:
    """Streams events to a text stream in one of FORMATS; `table` buffers rows and prints them at `close()`."""

    def __init__(self, stream: IO[str], fmt: str = "jsonl", console=None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.stream = stream
        self.fmt = fmt
        self.console = console
        self.count = 0
        self._rows: list[dict[str, Any]] = []
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=list(EVENT_COLUMN_NAMES), extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable, published=None) -> None:
        for event in events:
            self.count += 1
            if self.fmt == "jsonl":
                self.stream.write(json_line(event.to_dict()) + "\n")
            else:
                row = event_row(event, published)
                if self.fmt == "csv":
                    self._csv.writerow(flatten_lists(row))
                else:
                    self._rows.append(row)

    def close(self) -> None:
        if self.fmt == "table":
            print_event_table(self._rows, self.console)
        self.stream.flush()


def flatten_lists(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()}


def actor_label(row: dict[str, Any], side: str) -> str:
    code = "-".join(x for x in (row.get(f"{side}_country"), row.get(f"{side}_sector")) if x)
    name = _short(row.get(f"{side}_name") or row.get(f"{side}_text") or "", 28)
    return f"{code or '?'} {name}".strip() if (code or name) else ""


def print_event_table(rows: list[dict[str, Any]], console=None, title: str | None = None) -> None:
    """A readable table of flat event rows (from the pipeline or the store)."""
    from rich.console import Console
    from rich.table import Table

    if console is None:
        plain = Console()
        console = plain if plain.is_terminal else Console(width=200)  # files and pipes get full rows
    table = Table(title=title or f"{len(rows)} events", show_lines=False, expand=False)
    for name in ("article", "date", "event", "cameo", "actor", "recipient", "modality", "where", "trigger"):
        table.add_column(name, overflow="ellipsis", no_wrap=name in ("date", "event", "cameo", "modality"))
    for row in rows:
        date = row.get("date_start") or row.get("published") or ""
        if row.get("date_end") and row.get("date_end") != row.get("date_start"):
            date = f"{row.get('date_start')}..{row.get('date_end')}"
        event = str(row.get("event") or "") + (f" ({row['mode']})" if row.get("mode") else "")
        table.add_row(_short(row.get("article_id"), 24), str(date), event, str(row.get("cameo") or ""),
                      actor_label(row, "actor"), actor_label(row, "recipient"), str(row.get("modality") or ""),
                      _short(row.get("location_name"), 20), _short(row.get("trigger_text"), 24))
    console.print(table)


def _short(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
