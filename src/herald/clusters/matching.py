"""When two reports are of the same real-world event, and which cluster a new report joins. Pure logic, no I/O.

A cluster keeps what its reports agree on: the key (PLOVER type, modality, actor and recipient country and sector,
all equal), the intersection of their date intervals (day, month, year... as the text gave them), and the one
country they took place in (when any report says), and the most specific name of the actor and of the recipient
(when any report names them). A report joins a cluster when its key is equal, its interval overlaps the cluster's,
its country is the same or one of them is unknown, and its actor and recipient names agree with the cluster's (one
is unknown, or the words of one are among the words of the other: "Putin" and "Vladimir Putin"); the cluster then
narrows to the intersection and the longer names. Comparing with what all reports agree on (not with any one
member) keeps clusters from chaining ("March" joining "3 March" and then "31 March").

A report whose actor and recipient countries are both unknown is its own cluster: type and date alone do not say
that two reports are of one event.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Key = tuple[str, str | None, str | None, str | None, str | None, str | None]  # store.clusters.KEY_COLUMNS


def cluster_id(event_id: str, attempt: int = 0) -> str:
    """The id of a cluster first reported by `event_id`: the same whenever the clusters are rebuilt. `attempt` > 0
    only when that id is taken (the event's article was changed and re-ingested while its old cluster lives on)."""
    text = event_id if attempt == 0 else f"{event_id}\x1f{attempt}"
    return "c" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(slots=True)
class Report:
    """One stored event as clustering reads it (lo/hi None: unbounded)."""

    event_id: str
    article_id: str
    key: Key
    lo: dt.date | None
    hi: dt.date | None
    country: str | None
    actor_name: str | None = None
    recipient_name: str | None = None

    @property
    def open(self) -> bool:
        """Whether it may share a cluster: it names the country of its actor or of its recipient."""
        return self.key[2] is not None or self.key[4] is not None


@dataclass(slots=True)
class ClusterState:
    """What a cluster's reports agree on, and its rank among candidates (first seen first)."""

    id: str
    key: Key
    lo: dt.date | None
    hi: dt.date | None
    country: str | None
    actor_name: str | None = None
    recipient_name: str | None = None
    rank: tuple = ()  # (first seen, 0, id) for stored clusters; new ones rank after them, in creation order
    new: bool = False
    members: list[str] = field(default_factory=list)  # event ids added in this run

    @classmethod
    def started_by(cls, report: Report, cluster: str, rank: tuple) -> "ClusterState":
        """A new cluster agreeing on everything its first report says."""
        return cls(cluster, report.key, report.lo, report.hi, report.country, report.actor_name,
                   report.recipient_name, rank=rank, new=True)

    def accepts(self, report: Report) -> bool:
        if report.key != self.key:
            return False
        if self.country is not None and report.country is not None and self.country != report.country:
            return False
        if not (_names_agree(self.actor_name, report.actor_name)
                and _names_agree(self.recipient_name, report.recipient_name)):
            return False
        return _overlap(self.lo, self.hi, report.lo, report.hi)

    def absorb(self, report: Report) -> None:
        self.lo = _later(self.lo, report.lo)
        self.hi = _earlier(self.hi, report.hi)
        self.country = self.country or report.country
        self.actor_name = _longer(self.actor_name, report.actor_name)
        self.recipient_name = _longer(self.recipient_name, report.recipient_name)
        self.members.append(report.event_id)


_WORD = re.compile(r"\w+")


def _names_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    words_a, words_b = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return words_a <= words_b or words_b <= words_a


def _longer(a: str | None, b: str | None) -> str | None:
    """As the store recomputes it: the longest name, ties to the first in alphabetical order."""
    names = [n for n in (a, b) if n is not None]
    return min(names, key=lambda n: (-len(n), n)) if names else None


def _overlap(lo1, hi1, lo2, hi2) -> bool:
    return (hi1 is None or lo2 is None or lo2 <= hi1) and (hi2 is None or lo1 is None or lo1 <= hi2)


def _later(a, b):
    return b if a is None else a if b is None else max(a, b)


def _earlier(a, b):
    return b if a is None else a if b is None else min(a, b)


def _preference(state: ClusterState) -> tuple:
    """Among clusters a report fits: the one whose agreed dates start latest (news is about recent events), then
    the first seen."""
    return (-(state.lo or dt.date.min).toordinal(), state.rank)


@dataclass(slots=True)
class Assignment:
    members: list[tuple[Report, str]] = field(default_factory=list)  # (report, cluster id), in report order
    created: list[ClusterState] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)


def assign(reports: Iterable[Report], candidates: Iterable[ClusterState],
           taken: Callable[[str], bool]) -> Assignment:
    """Put each report (in order) into the preferred cluster that accepts it, or into a new one. `candidates` are
    the stored clusters that may accept some report; `taken(id)` says whether a stored cluster has that id."""
    by_key: dict[Key, list[ClusterState]] = {}
    for state in candidates:
        by_key.setdefault(state.key, []).append(state)
    result = Assignment()
    used: set[str] = set()
    for report in reports:
        fitting = [s for s in by_key.get(report.key, ()) if s.accepts(report)] if report.open else []
        if fitting:
            state = min(fitting, key=_preference)
        else:
            attempt = 0
            while (new_id := cluster_id(report.event_id, attempt)) in used or taken(new_id):
                attempt += 1
            state = ClusterState.started_by(report, new_id, rank=(dt.datetime.max, 1, f"{len(result.created):09d}"))
            used.add(new_id)
            result.created.append(state)
            if report.open:
                by_key.setdefault(report.key, []).append(state)
        state.absorb(report)
        result.members.append((report, state.id))
        result.touched.add(state.id)
    return result
