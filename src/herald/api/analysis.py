"""Aggregates behind the dashboard: summary statistics, dyad time series, the actor network, event places."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from herald.store.filters import EITHER_WAY, EVENT_DATE, PAIR, QUAD_CLASS_NAMES, EventFilters, and_also
from herald.api import rollups
from herald.api.layout import network_layout
from herald.api.params import DyadParams, NetworkParams, PlaceParams
from herald.api.queries import has_table
from herald.store import Store
from herald.store.aggregates import GOLDSTEIN, mean

_MEAN = mean(f"sum({GOLDSTEIN})", "count(e.goldstein)")  # as the aggregate cells give it
_QUAD_COUNTS = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS q{q}" for q in QUAD_CLASS_NAMES)


def summary(store: Store, filters: EventFilters) -> dict[str, Any]:
    where, values = filters.where()
    source = filters.source()
    found = rollups.summary_rows(store, filters)
    if found is not None:
        totals, groups, dyads = found
    else:
        totals, groups, dyads = _summary_rows(store, source, where, values)
    # Articles: an exact distinct count of the events' articles when filtered (no aggregate holds it: one article
    # falls in many cells); unfiltered, the articles with events are counted in `articles` (its n_events).
    if where:
        narrow, narrow_values = rollups.date_window(store, filters)
        articles = store.query(f"SELECT count(*) FROM (SELECT DISTINCT e.article_id {source}"
                               f"{and_also(where, *narrow) if narrow else where})", [*values, *narrow_values])[1][0][0]
    else:
        articles = store.query("SELECT count(*) FROM articles WHERE n_events > 0")[1][0][0]
    sets = defaultdict(list)
    for row in groups:
        sets[row["g"]].append(row)
    names = ("event", "quad_class", "modality", "actor_country", "month")

    def grouped(*columns: str) -> list[dict[str, Any]]:
        bits = sum(1 << (len(names) - 1 - i) for i, name in enumerate(names) if name not in columns)
        return sets.get(bits, [])

    return {
        "events": totals["events"], "articles": articles,
        "first": _iso(totals["first"]), "last": _iso(totals["last"]),
        "goldstein_sum": _round(totals["goldstein_sum"]), "goldstein_mean": _round(totals["goldstein_mean"]),
        "store": {table: store.count(table) for table in ("articles", "events", "failures")}
                 | {"actors": _actor_count(store)},
        "by_event": [{"event": r["event"], "events": r["events"]}
                     for r in sorted(grouped("event"), key=lambda r: (-r["events"], str(r["event"])))],
        "by_quad_class": [{"quad_class": r["quad_class"], "events": r["events"],
                           "name": QUAD_CLASS_NAMES.get(r["quad_class"])}
                          for r in sorted(grouped("quad_class"), key=lambda r: (r["quad_class"] is None,
                                                                                r["quad_class"] or 0))],
        "by_modality": [{"modality": r["modality"], "events": r["events"]}
                        for r in sorted(grouped("modality"), key=lambda r: (-r["events"], str(r["modality"])))],
        "top_actor_countries": [{"country": r["actor_country"], "events": r["events"]} for r in sorted(
            (r for r in grouped("actor_country") if r["actor_country"]),
            key=lambda r: (-r["events"], r["actor_country"]))[:20]],
        "top_dyads": [{"actor": r["actor_country"], "recipient": r["recipient_country"], "events": r["events"],
                       "goldstein_mean": r["goldstein_mean"]} for r in dyads],
        "monthly": [{"month": _iso(r["month"]), "quad_class": r["quad_class"], "events": r["events"]}
                    for r in sorted(grouped("month", "quad_class"),
                                    key=lambda r: (r["month"] is None, r["month"] or dt.date.min,
                                                   r["quad_class"] or 0))],
    }


_TRUNCATE = {"week": "week", "month": "month"}  # whitelist: the interval is SQL text


def dyad_series(store: Store, params: DyadParams) -> dict[str, Any]:
    """Events between two countries per week or month: counts by QuadClass, type and direction; Goldstein sums."""
    where, values = params.where()
    a, b = params.a, params.b
    dyad, dyad_values = {"both": (EITHER_WAY, [a, b, b, a]), "a_to_b": (PAIR, [a, b]),
                         "b_to_a": (PAIR, [b, a])}[params.direction]
    clause = and_also(where, dyad)
    part = _TRUNCATE[params.interval]
    rows = rollups.dyad_rows(store, params, dyad, dyad_values)
    if rows is None:
        narrow, narrow_values = rollups.date_window(store, params)
        rows = store.rows(f"SELECT date_trunc('{part}', {EVENT_DATE}) AS period, e.actor_country = ? AS forward, "
                          f"e.quad_class, e.event, count(*) AS n, sum({GOLDSTEIN}) AS g {params.source()}"
                          f"{and_also(clause, *narrow) if narrow else clause} GROUP BY ALL "
                          "ORDER BY period, forward, e.quad_class, e.event",
                          [a, *values, *dyad_values, *narrow_values])
    periods = sorted({r["period"] for r in rows})
    index = {p: i for i, p in enumerate(periods)}
    size = len(periods)
    events, goldstein = [0] * size, [Decimal(0)] * size  # exact sums (see herald.store.aggregates.GOLDSTEIN)
    quads = {str(q): [0] * size for q in QUAD_CLASS_NAMES}
    types: dict[str, list[int]] = defaultdict(lambda: [0] * size)
    directions = {"a_to_b": [0] * size, "b_to_a": [0] * size}
    for r in rows:
        i = index[r["period"]]
        events[i] += r["n"]
        goldstein[i] += r["g"] or 0
        if r["quad_class"] in QUAD_CLASS_NAMES:
            quads[str(r["quad_class"])][i] += r["n"]
        types[r["event"]][i] += r["n"]
        directions["a_to_b" if r["forward"] else "b_to_a"][i] += r["n"]
    return {
        "a": params.a, "b": params.b, "interval": params.interval, "direction": params.direction,
        "total": sum(events), "periods": [_iso(p) for p in periods],
        "period_ends": [_iso(_period_end(p, params.interval)) for p in periods],
        "events": events, "goldstein_sum": [round(float(g), 2) for g in goldstein],
        "goldstein_mean": [round(float(g) / n, 2) if n else None for g, n in zip(goldstein, events)],
        "quad_class": quads, "event_types": dict(sorted(types.items())), "directions": directions,
    }


def network(store: Store, params: NetworkParams) -> dict[str, Any]:
    """Who acts on whom: directed, weighted edges (event counts, mean Goldstein) and nodes placed by a spring
    layout (networkx), so the dashboard only draws."""
    if params.level == "country":
        edges = rollups.country_edges(store, params)
    else:
        edges = _actor_edges(store, params)
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(edge[side], {"id": edge[side], "country": edge[f"{side}_country"],
                                                 "events": 0, "acts": 0, "receives": 0})
            node["events"] += edge["weight"]
            node["acts" if side == "source" else "receives"] += edge["weight"]
    positions = network_layout(list(nodes), edges)
    for key, node in nodes.items():
        node["x"], node["y"] = positions[key]
    for edge in edges:
        del edge["source_country"], edge["target_country"]
    return {"level": params.level, "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": edges}


def _actor_edges(store: Store, params: NetworkParams) -> list[dict[str, Any]]:
    """The edges between named actors (their countries: the most frequent of each side)."""
    where, values = params.where()
    narrow, narrow_values = rollups.date_window(store, params)
    values = [*values, *narrow_values]
    source, target = "e.actor_name", "e.recipient_name"
    source_country, target_country = "mode(e.actor_country)", "mode(e.recipient_country)"
    conditions = [f"{source} IS NOT NULL", f"{target} IS NOT NULL", *narrow]
    if not params.include_self:
        conditions.append(f"{source} <> {target}")
    clause = and_also(where, *conditions)
    # two steps: the heaviest pairs by a bare count, then the details of those pairs only (at millions of events
    # there are far more pairs than edges shown)
    return store.rows(
        f"WITH top AS (SELECT {source} AS source, {target} AS target, count(*) AS weight {params.source()}{clause} "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?) "
        f"SELECT top.source, top.target, {source_country} AS source_country, {target_country} AS target_country, "
        "top.weight, round(avg(e.goldstein), 2) AS goldstein_mean, round(sum(e.goldstein), 2) AS goldstein_sum, "
        f"mode(e.event) AS top_event, {_QUAD_COUNTS} FROM top JOIN (SELECT e.* {params.source()}{clause}) e "
        f"ON {source} = top.source AND {target} = top.target GROUP BY top.source, top.target, top.weight "
        "ORDER BY top.weight DESC, top.source, top.target",
        [*values, params.min_weight, params.max_edges, *values])


def places(store: Store, params: PlaceParams) -> dict[str, Any]:
    """One point per place, with counts, mean Goldstein, top type and QuadClass counts. A GeoNames place is one
    point, grouped by its id alone (one id is one name, country and pair of coordinates in the gazetteer); a place
    without an id by its name, country and coordinates. Two steps: the places with most events by a bare count
    (ids and unnamed places apart: one expression per key column costs more than the count), then the details of
    those places only."""
    where, values = params.where()
    narrow, narrow_values = rollups.date_window(store, params)  # lets a dated view skip row groups
    located = and_also(where, "e.location_lat IS NOT NULL", "e.location_lon IS NOT NULL", *narrow)
    scan = [*values, *narrow_values]
    source = params.source()
    with_id, without_id = and_also(located, _HAS_ID), and_also(located, f"NOT {_HAS_ID}")
    unnamed = "e.location_name, e.location_country, e.location_lat, e.location_lon"
    # the ids that can be among the `limit` places with most events: those counting at least as many events as the
    # limit-th id (ties included; the places without an id can only push ids out)
    rows = store.rows(
        f"WITH counts AS (SELECT e.location_geonames_id AS gid, count(*) AS n {source}{with_id} GROUP BY 1), "
        "cut AS (SELECT n FROM counts ORDER BY n DESC LIMIT 1 OFFSET ?) "
        f"SELECT e.location_geonames_id AS geonames_id, {_PLACE_DETAILS} {source}{with_id} "
        "AND e.location_geonames_id IN (SELECT gid FROM counts WHERE n >= coalesce((SELECT n FROM cut), 0)) "
        "GROUP BY e.location_geonames_id "
        f"UNION ALL SELECT NULL AS geonames_id, {_PLACE_DETAILS} {source}{without_id} GROUP BY {unnamed} "
        "ORDER BY events DESC, name, geonames_id, country, lat, lon LIMIT ?",
        [*scan, params.limit - 1, *scan, *scan, params.limit])
    return {"total": len(rows), "items": rows}


_HAS_ID = "e.location_geonames_id IS NOT NULL"
_PLACE_DETAILS = ("min(e.location_name) AS name, min(e.location_country) AS country, "
                  "any_value(e.location_admin1) AS admin1, any_value(e.location_feature) AS feature, "
                  "min(e.location_lat) AS lat, min(e.location_lon) AS lon, count(*) AS events, "
                  f"round(avg(e.goldstein), 2) AS goldstein_mean, mode(e.event) AS top_event, {_QUAD_COUNTS}")


def _summary_rows(store: Store, source: str, where: str, values: list) -> tuple[dict, list[dict], list[dict]]:
    """The totals; one scan for every breakdown (GROUPING SETS, split by which columns are set); the dyads."""
    totals = store.rows(f"SELECT count(*) AS events, min({EVENT_DATE}) AS first, max({EVENT_DATE}) AS last, "
                        f"sum({GOLDSTEIN})::DOUBLE AS goldstein_sum, {_MEAN} AS goldstein_mean {source}{where}",
                        values)[0]
    groups = store.rows(
        f"SELECT e.event, e.quad_class, e.modality, e.actor_country, date_trunc('month', {EVENT_DATE}) AS month, "
        f"grouping(e.event, e.quad_class, e.modality, e.actor_country, month) AS g, count(*) AS events "
        f"{source}{where} GROUP BY GROUPING SETS ((e.event), (e.quad_class), (e.modality), (e.actor_country), "
        "(month, e.quad_class))", values)
    dyad_where = and_also(where, "e.actor_country IS NOT NULL", "e.recipient_country IS NOT NULL",
                          "e.actor_country <> e.recipient_country")
    dyads = store.rows(f"SELECT e.actor_country, e.recipient_country, count(*) AS events, "
                       f"round({_MEAN}, 2) AS goldstein_mean {source}{dyad_where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 "
                       "LIMIT 20", values)
    return totals, groups, dyads


def _actor_count(store: Store) -> int:
    return store.count("actors") if has_table(store, "actors") else 0


def _period_end(start: dt.date | dt.datetime, interval: str) -> dt.date:
    day = start.date() if isinstance(start, dt.datetime) else start
    if interval == "week":
        return day + dt.timedelta(days=6)
    next_month = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return next_month - dt.timedelta(days=1)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else value
