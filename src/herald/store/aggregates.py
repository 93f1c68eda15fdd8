"""Aggregate tables of the events, kept in step with every write: what the dashboard's summaries, dyad series
and network read instead of scanning millions of events.

Two tables of "cells", one row per (month of the event date, PLOVER type, QuadClass, modality, actor country
[, recipient country]) with the events' count, exact Goldstein sum and count of Goldstein values (mean = sum /
count), the first and last event date, and the first and last publication date:
- `agg_months`: every event, by (month, event, quad_class, modality, actor_country);
- `agg_dyads`: the events with a recipient country, by the same and recipient_country.

A table may hold several rows of one cell (a write appends the cells of its own events, which costs only the batch);
readers always sum them (`GROUP BY`), and the table is compacted (one row per cell) whenever it has doubled since
the last compaction. A write that replaces an article recomputes the cells its old events were in (a count can be
decreased, a minimum cannot). All of it runs in the write's transaction, so readers never see events without their
cells. A store written before these tables existed gets them built when it is next opened read-write; read-only, it
has none (`ready` is False) and every query reads the events.

`cube_filters` says which filters a table answers exactly (types, QuadClass, modality, countries, dyad, and dates
that start and end on month boundaries); any other filter, or a date inside a month, must read the events.
`published_window` bounds the publication dates of the events in a date range: an implied condition that lets DuckDB
skip row groups (its zone maps) when a query must scan the events after all.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from herald.store.filters import EVENT_DATE, EventFilters

log = logging.getLogger(__name__)

VERSION = "2"  # of the tables' definition; a store with another one is rebuilt on a read-write open
META_KEY = "aggregates"
COMPACTED_KEY = "aggregates_compacted_rows"

MONTH = f"date_trunc('month', {EVENT_DATE})::DATE"
EARLIEST, LATEST = dt.date(1, 1, 1), dt.date(9999, 12, 31)  # stand for a missing publication date in the bounds
_DIMENSIONS = {"agg_months": ("event", "quad_class", "modality", "actor_country"),
               "agg_dyads": ("event", "quad_class", "modality", "actor_country", "recipient_country")}
_ONLY = {"agg_months": "", "agg_dyads": "e.recipient_country IS NOT NULL"}
_TYPES = {"event": "VARCHAR", "quad_class": "TINYINT", "modality": "VARCHAR", "actor_country": "VARCHAR",
          "recipient_country": "VARCHAR"}
# Goldstein values are summed exactly (decimals, three places: the scale has one), by the raw queries too, so a sum
# of cells equals the sum of their events to the last digit, whatever the order.
GOLDSTEIN = "e.goldstein::DECIMAL(18, 3)"


def mean(total: str, count: str) -> str:
    """SQL of a mean from an exact sum and a count, computed the same way on cells and on events."""
    return f"(({total})::DOUBLE / nullif({count}, 0))"


_MEASURES = (("n", "BIGINT", "count(*)", "sum"),
             ("goldstein_sum", "DECIMAL(38, 3)", f"sum({GOLDSTEIN})", "sum"),
             ("goldstein_n", "BIGINT", "count(e.goldstein)", "sum"),
             ("first", "DATE", f"min({EVENT_DATE})", "min"), ("last", "DATE", f"max({EVENT_DATE})", "max"),
             ("first_published", "DATE", f"min(coalesce(e.published, DATE '{EARLIEST}'))", "min"),
             ("last_published", "DATE", f"max(coalesce(e.published, DATE '{LATEST}'))", "max"))
_MEASURE_SQL = ", ".join(f"{sql} AS {name}" for name, _, sql, _ in _MEASURES)  # a cell's measures over events `e`
TABLES = tuple(_DIMENSIONS)
# the filters a cell table can answer (every other EventFilters field must be left at its default)
CUBE_FILTERS = {"event", "quad_class", "modality", "actor_country", "recipient_country", "dyad", "since", "until"}


def ddl() -> tuple[str, ...]:
    statements = []
    for table, dims in _DIMENSIONS.items():
        columns = ["month DATE", *(f"{d} {_TYPES[d]}" for d in dims), *(f"{m} {kind}" for m, kind, _, _ in _MEASURES)]
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(columns)})")
    return tuple(statements)


def ready(con) -> bool:
    """Whether this store's aggregate tables exist, are kept (written by this version of their definition) and
    count every event (a Herald from before them, writing the store, would have added events without cells)."""
    try:
        row = _one(con, "SELECT value FROM meta WHERE key = ?", [META_KEY])
    except Exception:  # noqa: BLE001 - no meta table
        return False
    if not row or row[0] != VERSION:
        return False
    events = _one(con, "SELECT count(*) FROM events")[0]
    return events == _one(con, "SELECT coalesce(sum(n), 0) FROM agg_months")[0]


def ensure(con) -> None:
    """Create the tables, and fill them from the events when they are new or of another version (a read-write
    open of a store written by an older Herald)."""
    if ready(con):
        return
    events = _one(con, "SELECT count(*) FROM events")[0]
    log.info("building the aggregate tables of %s events", f"{events:,}")
    con.execute("BEGIN TRANSACTION")
    try:
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in ddl():
            con.execute(statement)
        rebuild(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def rebuild(con) -> None:
    """Recompute every cell from the events (inside the caller's transaction)."""
    for table in TABLES:
        con.execute(f"DELETE FROM {table}")
    add(con, "events")
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [META_KEY, VERSION])
    _set_compacted(con)


def add(con, source: str, condition: str = "", params: list[Any] | None = None) -> None:
    """Append the cells of the events in `source` (a table or registered view with the events' columns; Herald's
    own name, never a user's) that meet `condition` (SQL over `e`)."""
    for table, dims in _DIMENSIONS.items():
        conditions = [c for c in (_ONLY[table], condition) if c]
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        # in actor country order: a filter on it then skips most row groups of a rebuilt table (zone maps)
        con.execute(f"INSERT INTO {table} SELECT {MONTH} AS month, {_columns(dims)}, {_MEASURE_SQL} FROM {source} e"
                    f"{where} GROUP BY ALL ORDER BY actor_country, month", list(params or []))


def note_replaced(con, article_ids: list[str]) -> bool:
    """Before the events of these articles are deleted: note the cells they are in (temporary tables), to be
    recomputed by `after_write` (a count could be decreased, but not a first or last date). False: none."""
    if not article_ids:
        return False
    for table, dims in _DIMENSIONS.items():
        only = f" AND {_ONLY[table]}" if _ONLY[table] else ""
        con.execute(f"CREATE OR REPLACE TEMP TABLE _herald_gone_{table} AS SELECT DISTINCT {MONTH} AS month, "
                    f"{_columns(dims)} FROM events e WHERE e.article_id IN (SELECT unnest(?))"
                    f"{only}", [article_ids])
    return True


def after_write(con, source: str | None, replaced: bool) -> None:
    """Keep the cells in step with a write (inside its transaction): append the cells of the events inserted
    from `source` (None: no events), then recompute the cells noted by `note_replaced` from the events."""
    if source is not None:
        add(con, source)
    if replaced:
        recompute_noted(con)
    compact_if_grown(con)


def recompute_noted(con) -> None:
    """Replace the cells noted by `note_replaced` by what the events now give. Only the events of those cells'
    months are read: they were published within those months' cells' publication dates (the new events' cells
    included, added first), so DuckDB skips the other row groups."""
    lo, hi = _one(con, "SELECT min(c.first_published), max(c.last_published) FROM agg_months c "
                       "WHERE c.month IN (SELECT month FROM _herald_gone_agg_months) "
                       "OR (c.month IS NULL AND EXISTS (SELECT 1 FROM _herald_gone_agg_months WHERE month IS NULL))")
    window = lo is not None and lo != EARLIEST and hi != LATEST
    for table, dims in _DIMENSIONS.items():
        gone = f"_herald_gone_{table}"
        same = " AND ".join(f"g.{k} IS NOT DISTINCT FROM {{t}}.{k}" for k in ("month", *dims))
        con.execute(f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM {gone} g WHERE {same.format(t='t')})")
        keyed = f"(SELECT {MONTH} AS month, e.* FROM events e{' WHERE e.published BETWEEN ? AND ?' if window else ''})"
        con.execute(f"INSERT INTO {table} SELECT e.month, {_columns(dims)}, {_MEASURE_SQL} FROM {keyed} e "
                    f"WHERE EXISTS (SELECT 1 FROM {gone} g WHERE {same.format(t='e')}) GROUP BY ALL",
                    [lo, hi] if window else [])
        con.execute(f"DROP TABLE {gone}")


def compact_if_grown(con) -> None:
    """One row per cell again once a table has doubled (plus 10,000 rows) since its last compaction."""
    row = _one(con, "SELECT value FROM meta WHERE key = ?", [COMPACTED_KEY])
    before = int(row[0]) if row else 0
    if _rows(con) <= 2 * before + 10_000:
        return
    for table, dims in _DIMENSIONS.items():
        keys = ", ".join(("month", *dims))
        merged = ", ".join(f"{how}({name}) AS {name}" for name, _, _, how in _MEASURES)
        con.execute(f"CREATE TEMP TABLE _herald_compact AS SELECT {keys}, {merged} FROM {table} GROUP BY ALL "
                    "ORDER BY actor_country, month")
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM _herald_compact")
        con.execute("DROP TABLE _herald_compact")
    _set_compacted(con)


def _one(con, sql: str, params: list[Any] | None = None) -> tuple | None:
    """The first row of a query, its result read to the end (the write goes on on the same connection)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def _columns(dims: tuple[str, ...]) -> str:
    return ", ".join(f"e.{d}" for d in dims)


def _rows(con) -> int:
    """Rows of the cell tables together (a cell may still have several until the next compaction)."""
    return sum(_one(con, f"SELECT count(*) FROM {t}")[0] for t in TABLES)


def _set_compacted(con) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [COMPACTED_KEY, str(_rows(con))])


# -- reading --------------------------------------------------------------------------------------------------------
def cube_filters(filters: EventFilters, *, dyads: bool = False) -> tuple[str, str, list[Any]] | None:
    """(table, WHERE clause over it as `e`, parameters) selecting the cells of exactly the events `filters`
    selects; None when a filter needs the events themselves. `dyads`: the caller reads recipient countries (only
    `agg_dyads` has them, and only for events with a recipient country)."""
    for name, field in EventFilters.model_fields.items():
        if name not in CUBE_FILTERS and getattr(filters, name) != field.get_default(call_default_factory=True):
            return None
    since, until = filters.since, filters.until
    if since is not None and since.day != 1:
        return None
    if until is not None and (until + dt.timedelta(days=1)).day != 1:
        return None
    table = "agg_dyads" if dyads or filters.recipient_country or filters.dyad else "agg_months"
    where, params = filters.model_copy(update={"since": None, "until": None}).where()
    conditions = [where.removeprefix(" WHERE ")] if where else []
    if since is not None:
        conditions.append("e.month >= ?")
        params.append(since)
    if until is not None:
        conditions.append("e.month <= ?")
        params.append(until.replace(day=1))
    return table, (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def published_window(store, since: dt.date | None, until: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest publication dates of the events dated from `since` to `until` (either open), from
    the cells of those months: `e.published BETWEEN lo AND hi` holds for every such event, so adding it changes no
    answer and lets a scan of the events skip the row groups outside. None without aggregates or without a date."""
    if (since is None and until is None) or not store.has_aggregates:
        return None
    conditions, params = [], []
    if since is not None:
        conditions.append("month >= ?")
        params.append(since.replace(day=1))
    if until is not None:
        conditions.append("month <= ?")
        params.append(until.replace(day=1))
    lo, hi = store.query(f"SELECT min(first_published), max(last_published) FROM agg_months "
                         f"WHERE {' AND '.join(conditions)}", params)[1][0]
    if lo is None:  # no event in those months: no row can match, any window is true of all of them
        return EARLIEST, EARLIEST
    if lo == EARLIEST or hi == LATEST:  # an event without a publication date: no window holds for it
        return None
    return lo, hi
