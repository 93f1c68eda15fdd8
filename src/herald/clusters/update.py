"""Keep a store's clusters up to date: after every write, cluster what was stored since the last run.

The work list is the store itself: articles whose stored version clustering has not seen (new, changed, or left
over by a run that stopped between writing articles and clustering them). They are taken in the order they were
ingested, `settings.chunk` at a time, each chunk in one transaction: forget what was known of them, find their
near-copies, put their events into clusters, recompute the counts of every cluster touched. Stored clusters keep
their ids; the same store rebuilt from scratch gives the same clusters.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from herald.clusters.matching import ClusterState, Report, assign, cluster_id
from herald.clusters.nearcopy import NearCopyFinder
from herald.clusters.settings import ClusterSettings
from herald.errors import StoreError
from herald.store import Store
from herald.store.clusters import KEY_COLUMNS, ClusterTables

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ClusterStats:
    """What one update did."""

    articles: int = 0  # articles clustered
    copies: int = 0  # of them, near-copies of an earlier article
    events: int = 0  # events put into clusters
    created: int = 0  # new clusters
    joined: int = 0  # events that joined a cluster started by an earlier event
    seconds: float = 0.0

    def describe(self) -> str:
        return (f"clustered {self.events} events of {self.articles} articles ({self.copies} near-copies): "
                f"{self.created} new clusters, {self.joined} events joined one, in {self.seconds:.2f} s")


class Clusterer:
    def __init__(self, store: Store, settings: ClusterSettings | None = None):
        self.store = store
        self.settings = settings or ClusterSettings()

    def update(self) -> ClusterStats:
        """Cluster every stored article not clustered in its stored version."""
        if self.store.read_only:
            raise StoreError(f"{self.store.path} is open read-only: clusters cannot be updated")
        started = time.perf_counter()
        stats = ClusterStats()
        tables = ClusterTables(self.store.connection)
        while True:
            pending = tables.pending_articles(self.settings.chunk)
            if not pending:
                break
            self._transaction(lambda: self._chunk(tables, pending, stats))
        stats.seconds = time.perf_counter() - started
        if stats.articles:
            log.info(stats.describe())
        return stats

    def rebuild(self) -> ClusterStats:
        """Forget every cluster and near-copy link and cluster the whole store again, in ingestion order."""
        if self.store.read_only:
            raise StoreError(f"{self.store.path} is open read-only: clusters cannot be rebuilt")
        self._transaction(ClusterTables(self.store.connection).clear)
        return self.update()

    def _transaction(self, work) -> None:
        con = self.store.connection
        con.execute("BEGIN TRANSACTION")
        try:
            work()
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"updating the clusters of {self.store.path} failed: {exc}") from exc

    def _chunk(self, tables: ClusterTables, pending: list[dict[str, Any]], stats: ClusterStats) -> None:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        ids = [p["id"] for p in pending]
        lost = tables.forget(ids)
        tables.refresh(lost)  # what the clusters that lost reports still agree on, before new reports join

        finder = NearCopyFinder(self.settings, tables.articles_in_buckets, tables.texts)
        copies = finder.find([(p["id"], p["text"]) for p in pending])
        tables.add_buckets(finder.new_buckets)
        hashes = {p["id"]: p["content_hash"] for p in pending}
        tables.add_copies([(c.article_id, hashes[c.article_id], c.copy_of, c.similarity, now) for c in copies])

        order = {article_id: n for n, article_id in enumerate(ids)}
        rows = sorted(tables.reports(ids), key=lambda r: order[r["article_id"]])  # stable: keeps event order
        reports = [Report(r["id"], r["article_id"], tuple(r[k] for k in KEY_COLUMNS), r["date_lo"], r["date_hi"],
                          r["place_country"], r["actor_name"], r["recipient_name"]) for r in rows]
        shareable = [r for r in reports if r.open]
        lows = [r.lo for r in shareable]
        highs = [r.hi for r in shareable]
        lo = None if not lows or None in lows else min(lows)
        hi = None if not highs or None in highs else max(highs)
        candidates = [ClusterState(c["id"], tuple(c[k] for k in KEY_COLUMNS), c["date_start"], c["date_end"],
                                   c["location_country"], c["actor_name"], c["recipient_name"],
                                   rank=(c["first_seen"] or dt.datetime.min, 0, c["id"]))
                      for c in tables.candidates(sorted({r.key for r in shareable}, key=repr), lo, hi)]
        first_ids = [cluster_id(r.event_id) for r in reports]
        existing = tables.existing_ids(first_ids)
        known = {i: i in existing for i in first_ids}

        def taken(candidate_id: str) -> bool:
            if candidate_id not in known:
                known[candidate_id] = bool(tables.existing_ids([candidate_id]))
            return known[candidate_id]

        result = assign(reports, candidates, taken)
        tables.add_clusters([(s.id, s.members[0], *s.key) for s in result.created])
        tables.add_members([(r.event_id, cid, r.article_id, r.lo, r.hi, r.country, r.actor_name, r.recipient_name)
                            for r, cid in result.members])
        tables.refresh(result.touched | lost)

        stats.articles += len(pending)
        stats.copies += sum(1 for c in copies if c.copy_of)
        stats.events += len(reports)
        stats.created += len(result.created)
        stats.joined += len(reports) - len(result.created)
