"""Store: the embedded DuckDB file (articles, events, failures, actors) and its exports."""
from herald.store.database import DEFAULT_DB, EventFilter, Store, WriteStats

__all__ = ["DEFAULT_DB", "EventFilter", "Store", "WriteStats"]
