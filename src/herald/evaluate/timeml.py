"""Read TimeML (.tml) documents: the body text with tags stripped, the document date and the gold TIMEX3 spans."""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})")
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    """One gold TIMEX3: character offsets in the stripped body, its type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    name: str
    published: dt.date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def read_timeml(path: Path | str) -> TimeMLDocument:
    """Parse one .tml file. Offsets index `text`, the TEXT element with tags removed and entities decoded."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    if dct is None:
        raise ValueError(f"{path}: no document creation time (DCT TIMEX3)")
    body = _TEXT.search(raw)
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    return _strip(path.stem, dt.date.fromisoformat(dct.group(1)), body.group(1))


def parse_timeml_string(name: str, published: dt.date, body_markup: str) -> TimeMLDocument:
    """The same as `read_timeml` for the inside of a TEXT element given as a string (tests, hand-made documents)."""
    return _strip(name, published, body_markup)


def _strip(name: str, published: dt.date, markup: str) -> TimeMLDocument:
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name_, attrs, selfclosing = tag.groups()
        if name_ != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            timexes.append(GoldTimex(start, length, "", attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(markup[pos:]))
    text = "".join(pieces)
    for timex in timexes:
        timex.text = text[timex.start:timex.end]
    return TimeMLDocument(name, published, text, timexes)


def corpus_files(root: Path | str) -> dict[str, list[Path]]:
    """The .tml files below `root`, grouped by their sub-corpus folder (TimeBank, AQUAINT...)."""
    root = Path(root)
    groups: dict[str, list[Path]] = {}
    for path in sorted(root.rglob("*.tml")):
        group = path.parent.name if path.parent != root else root.name
        groups.setdefault(group, []).append(path)
    return groups
