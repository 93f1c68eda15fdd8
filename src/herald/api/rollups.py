"""The dashboard's aggregates read from the store's cell tables (`herald.store.aggregates`) when the filters allow
it: thousands of cells instead of millions of events. Each function returns the same rows as the query over the
events it stands for in `herald.api.analysis` / `herald.api.queries`, or None when it cannot answer exactly (no
aggregate tables, or a filter the cells do not carry): the caller then reads the events.

Means are sums over counts of the cells (rounded as the raw queries round them); a floating-point sum taken in
another order can differ in its last bits, so a mean exactly on a rounding boundary could round the other way.
"""
from __future__ import annotations

from typing import Any

from herald.api.params import DyadParams, EventListParams, NetworkParams
from herald.store import Store
from herald.store.aggregates import GOLDSTEIN, cube_filters, mean, published_window
from herald.store.filters import EVENT_DATE, QUAD_CLASS_NAMES, EventFilters, and_also

_MEAN = mean("sum(e.goldstein_sum)", "sum(e.goldstein_n)")


def _cells(store: Store, filters: EventFilters, *, dyads: bool = False) -> tuple[str, str, list[Any]] | None:
    if not store.has_aggregates:
        return None
    return cube_filters(filters, dyads=dyads)


def summary_rows(store: Store, filters: EventFilters) -> tuple[dict, list[dict], list[dict]] | None:
    """(totals, GROUPING SETS rows, top dyads) of `herald.api.analysis.summary`, from the cells."""
    found, pairs = _cells(store, filters), _cells(store, filters, dyads=True)
    if found is None or pairs is None:
        return None
    table, where, values = found
    totals = store.rows(f"SELECT coalesce(sum(e.n), 0) AS events, min(e.first) AS first, max(e.last) AS last, "
                        f"sum(e.goldstein_sum)::DOUBLE AS goldstein_sum, {_MEAN} AS goldstein_mean "
                        f"FROM {table} e{where}",
                        values)[0]
    groups = store.rows(
        "SELECT e.event, e.quad_class, e.modality, e.actor_country, e.month, "
        "grouping(e.event, e.quad_class, e.modality, e.actor_country, e.month) AS g, sum(e.n) AS events "
        f"FROM {table} e{where} GROUP BY GROUPING SETS ((e.event), (e.quad_class), (e.modality), (e.actor_country), "
        "(e.month, e.quad_class))", values)
    table, where, values = pairs
    where = and_also(where, "e.actor_country IS NOT NULL", "e.recipient_country IS NOT NULL",
                     "e.actor_country <> e.recipient_country")
    dyads = store.rows(f"SELECT e.actor_country, e.recipient_country, sum(e.n) AS events, round({_MEAN}, 2) AS "
                       f"goldstein_mean FROM {table} e{where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 20", values)
    return totals, groups, dyads


def dyad_rows(store: Store, params: DyadParams, dyad: str, dyad_values: list[str]) -> list[dict] | None:
    """The rows of `herald.api.analysis.dyad_series` (period, forward, quad_class, event, n, g), monthly only."""
    found = _cells(store, params, dyads=True) if params.interval == "month" else None
    if found is None:
        return None
    table, where, values = found
    return store.rows(f"SELECT e.month AS period, e.actor_country = ? AS forward, e.quad_class, e.event, "
                      f"sum(e.n) AS n, sum(e.goldstein_sum) AS g FROM {table} e{and_also(where, dyad)} "
                      "GROUP BY ALL ORDER BY period, forward, e.quad_class, e.event", [params.a, *values, *dyad_values])


_QUADS = ", ".join(f"coalesce(sum(c.n) FILTER (WHERE c.quad_class = {q}), 0) AS q{q}" for q in QUAD_CLASS_NAMES)


def country_edges(store: Store, params: NetworkParams) -> list[dict[str, Any]]:
    """The edges of the country network: from the cells when the filters allow it, else from the events (each
    one a cell of one event); one query over those rows either way, so both give the same answer. Two steps: the
    heaviest pairs by their counts alone, then the details of those pairs only. The top event type of an edge is
    its most frequent type, the alphabetically first on a tie."""
    conditions = ["e.actor_country IS NOT NULL", "e.recipient_country IS NOT NULL"]
    if not params.include_self:
        conditions.append("e.actor_country <> e.recipient_country")
    keys = "e.actor_country AS source, e.recipient_country AS target, e.event, e.quad_class"
    found = _cells(store, params, dyads=True)
    if found is not None:
        table, where, values = found
        cells = (f"SELECT {keys}, e.n, e.goldstein_sum AS g, e.goldstein_n AS gn "
                 f"FROM {table} e{and_also(where, *conditions)}")
    else:
        where, values = params.where()
        cells = (f"SELECT {keys}, 1 AS n, {GOLDSTEIN} AS g, (e.goldstein IS NOT NULL)::INTEGER AS gn "
                 f"{params.source()}{and_also(where, *conditions)}")
    return store.rows(
        f"WITH cells AS NOT MATERIALIZED ({cells}), "
        "top AS (SELECT source, target, sum(n) AS weight FROM cells GROUP BY 1, 2 HAVING sum(n) >= ? "
        "ORDER BY weight DESC, source, target LIMIT ?), "
        "picked AS MATERIALIZED (SELECT c.source, c.target, c.event, c.quad_class, sum(c.n) AS n, sum(c.g) AS g, "
        "sum(c.gn) AS gn FROM cells c SEMI JOIN top ON c.source = top.source AND c.target = top.target "
        "GROUP BY ALL), "
        "kinds AS (SELECT source, target, event, sum(n) AS n FROM picked WHERE event IS NOT NULL GROUP BY ALL), "
        "best AS (SELECT source, target, first(event ORDER BY n DESC, event) AS top_event FROM kinds GROUP BY 1, 2) "
        "SELECT top.source, top.target, top.source AS source_country, top.target AS target_country, top.weight, "
        f"round({mean('sum(c.g)', 'sum(c.gn)')}, 2) AS goldstein_mean, round(sum(c.g)::DOUBLE, 2) AS goldstein_sum, "
        f"any_value(best.top_event) AS top_event, {_QUADS} FROM top JOIN picked c "
        "ON c.source = top.source AND c.target = top.target "
        "LEFT JOIN best ON best.source = top.source AND best.target = top.target "
        "GROUP BY top.source, top.target, top.weight ORDER BY top.weight DESC, top.source, top.target",
        [*values, params.min_weight, params.max_edges])


def event_total(store: Store, params: EventListParams) -> int | None:
    found = _cells(store, params)
    if found is None:
        return None
    table, where, values = found
    return int(store.query(f"SELECT coalesce(sum(e.n), 0) FROM {table} e{where}", values)[1][0][0])


def page_conditions(store: Store, params: EventListParams) -> tuple[list[str], list[Any]]:
    """Conditions that select no fewer of the page's events, true of every event the page shows, so adding them
    changes nothing but the rows DuckDB reads: newest first, the page lies in the last months that hold `offset +
    limit` matching events (counted in the cells); and every event in a date range was published within the
    range of publication dates its months' cells hold (DuckDB then skips the other row groups)."""
    conditions: list[str] = []
    values: list[Any] = []
    since = params.since
    found = _cells(store, params) if params.sort == "-date" else None
    if found is not None:
        table, where, cell_values = found
        needed, seen = params.offset + params.limit, 0
        months = store.query(f"SELECT e.month, sum(e.n) FROM {table} e{and_also(where, 'e.month IS NOT NULL')} "
                             "GROUP BY 1 ORDER BY 1 DESC", cell_values)[1]
        for month, count in months:
            seen += count
            if seen >= needed:
                conditions.append(f"{EVENT_DATE} >= ?")
                values.append(month)
                since = max(since, month) if since else month
                break
    window, window_values = _window(store, since, params.until)
    return conditions + window, values + window_values


def date_window(store: Store, filters: EventFilters) -> tuple[list[str], list[Any]]:
    """The publication-date window of a filter's date range as a condition (see `page_conditions`), or none."""
    return _window(store, filters.since, filters.until)


def _window(store: Store, since, until) -> tuple[list[str], list[Any]]:
    window = published_window(store, since, until)
    return (["e.published BETWEEN ? AND ?"], list(window)) if window else ([], [])

