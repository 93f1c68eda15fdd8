"""The API's event filters are the store's: one model and one SQL builder for the API, `herald events` and
`herald export` (see `herald.store.filters`). Kept as an import path for code written against it."""
from herald.store.filters import (CAMEO_ROOT, CODE, EITHER_WAY, EVENT_DATE, FROM_EVENTS, FROM_EVENTS_ONLY, PAIR,
                                  QUAD_CLASS_NAMES, SENTENCE, SORT_KEYS, EventFilters, SortKey, and_also, order_by,
                                  plover_types, select_events)

__all__ = ["CAMEO_ROOT", "CODE", "EITHER_WAY", "EVENT_DATE", "FROM_EVENTS", "FROM_EVENTS_ONLY", "PAIR",
           "QUAD_CLASS_NAMES", "SENTENCE", "SORT_KEYS", "EventFilters", "SortKey", "and_also", "order_by",
           "plover_types", "select_events"]
