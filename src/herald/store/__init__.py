"""Store: the embedded DuckDB file (articles, events, failures, actors) and its exports. Which events a query or an
export reads is said with `herald.store.filters.EventFilters`."""
from herald.store.database import DEFAULT_DB, Store, WriteStats

__all__ = ["DEFAULT_DB", "Store", "WriteStats"]
