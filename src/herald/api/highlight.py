"""Where to highlight an article: triggers (exact offsets), and the actor, recipient, date and place of each event.

The store keeps exact offsets for triggers and sentences only; the other parts are found by their text inside the
event's sentence (the occurrence nearest the trigger), or, for a dateline place, near the start of the article. A
part whose text is not found there is not highlighted (it is still listed with the event).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("sentence", "trigger", "actor", "recipient", "date", "place")
_DATELINE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    event_id: str
    quad_class: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "event_id": self.event_id,
                "quad_class": self.quad_class}


@dataclass(slots=True)
class Segment:
    """A run of text with the same marks on it. `event_id`: the event of a trigger in it (links to it)."""

    text: str
    kinds: list[str] = field(default_factory=list)
    event_id: str | None = None
    quad_class: int | None = None
    selected: bool = False


def marks_for(text: str, events: list[dict[str, Any]], selected: str | None = None) -> list[Mark]:
    """Marks for SCHEMA event records of one article; the sentence of `selected` (an event id) is marked too."""
    marks: list[Mark] = []
    for event in events:
        trigger, info = event.get("trigger") or {}, event.get("text_info") or {}
        start, end = trigger.get("start"), trigger.get("end")
        s_start, s_end = info.get("start"), info.get("end")
        if not _valid(text, start, end):
            continue
        quad = event.get("quad_class")
        marks.append(Mark(start, end, "trigger", event["id"], quad))
        if event["id"] == selected and _valid(text, s_start, s_end):
            marks.append(Mark(s_start, s_end, "sentence", event["id"], quad))
        window = (s_start, s_end) if _valid(text, s_start, s_end) else (start, end)
        parts = (("actor", (event.get("actor") or {}).get("text"), window),
                 ("recipient", (event.get("recipient") or {}).get("text"), window),
                 ("date", (event.get("date") or {}).get("text") if (event.get("date") or {}).get("source") == "text"
                  else None, window),
                 ("place", (event.get("location") or {}).get("text"),
                  (0, min(len(text), _DATELINE_CHARS)) if (event.get("location") or {}).get("source") == "dateline"
                  else window))
        for kind, words, (w_start, w_end) in parts:
            found = _nearest(text, words, w_start, w_end, start)
            if found is not None:
                marks.append(Mark(found, found + len(words), kind, event["id"], quad))
    return marks


def segments(text: str, marks: list[Mark], selected: str | None = None) -> list[Segment]:
    """Cut the text at every mark boundary; each piece carries the kinds of the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        kinds = sorted({m.kind for m in covering}, key=KINDS.index)
        triggers = [m for m in covering if m.kind == "trigger"]
        chosen = next((m for m in triggers if m.event_id == selected), triggers[0] if triggers else None)
        piece = Segment(text[start:end], kinds, chosen.event_id if chosen else None,
                        chosen.quad_class if chosen else None,
                        selected is not None and any(m.event_id == selected for m in covering))
        if out and not piece.kinds and not out[-1].kinds:
            out[-1].text += piece.text
        else:
            out.append(piece)
    return out


def _valid(text: str, start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def _nearest(text: str, words: str | None, start: int, end: int, anchor: int) -> int | None:
    if not words or not words.strip():
        return None
    found, best = text.find(words, start, end), None
    while found >= 0:
        if best is None or abs(found - anchor) < abs(best - anchor):
            best = found
        found = text.find(words, found + 1, end)
    return best
