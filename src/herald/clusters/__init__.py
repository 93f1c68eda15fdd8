"""Events across articles: reports of one real-world event form a cluster, near-copies of stories are linked.

`Clusterer(store).update()` runs after every write to the store (`herald.ingestion.store_results`, `herald load`);
`matching` decides which reports are of one event, `nearcopy` finds syndicated copies with MinHash/LSH, and
`herald.store.clusters` holds the tables. See docs/clusters.md.
"""
from herald.clusters.settings import ClusterSettings
from herald.clusters.update import Clusterer, ClusterStats

__all__ = ["ClusterSettings", "ClusterStats", "Clusterer"]
