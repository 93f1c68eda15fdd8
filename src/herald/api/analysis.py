"""Aggregates behind the dashboard: summary statistics, dyad time series, the actor network, event places."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from herald.api.filters import EVENT_DATE, FROM_EVENTS, QUAD_CLASS_NAMES, EventFilters
from herald.api.layout import network_layout
from herald.api.params import DyadParams, NetworkParams, PlaceParams
from herald.store import Store

_QUAD_COUNTS = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS q{q}" for q in QUAD_CLASS_NAMES)


def summary(store: Store, filters: EventFilters) -> dict[str, Any]:
    where, values = filters.where()

    def pairs(sql: str) -> list[dict[str, Any]]:
        return store.rows(sql.format(src=FROM_EVENTS, where=where, date=EVENT_DATE), values)

    totals = pairs("SELECT count(*) AS events, count(DISTINCT e.article_id) AS articles, min({date}) AS first, "
                   "max({date}) AS last, sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
                   "{src}{where}")[0]
    monthly = pairs("SELECT date_trunc('month', {date}) AS month, e.quad_class, count(*) AS events {src}{where} "
                    "GROUP BY ALL ORDER BY month, e.quad_class")
    dyad_where = f"{where} {'AND' if where else 'WHERE'} e.actor_country IS NOT NULL AND " \
                 "e.recipient_country IS NOT NULL AND e.actor_country <> e.recipient_country"
    return {
        "events": totals["events"], "articles": totals["articles"],
        "first": _iso(totals["first"]), "last": _iso(totals["last"]),
        "goldstein_sum": _round(totals["goldstein_sum"]), "goldstein_mean": _round(totals["goldstein_mean"]),
        "store": {table: store.count(table) for table in ("articles", "events", "failures")}
                 | {"actors": _actor_count(store)},
        "by_event": pairs("SELECT e.event, count(*) AS events {src}{where} GROUP BY 1 ORDER BY 2 DESC, 1"),
        "by_quad_class": [dict(r, name=QUAD_CLASS_NAMES.get(r["quad_class"])) for r in pairs(
            "SELECT e.quad_class, count(*) AS events {src}{where} GROUP BY 1 ORDER BY 1")],
        "by_modality": pairs("SELECT e.modality, count(*) AS events {src}{where} GROUP BY 1 ORDER BY 2 DESC, 1"),
        "top_actor_countries": pairs("SELECT e.actor_country AS country, count(*) AS events {src}{where} "
                                     f"{'AND' if where else 'WHERE'} e.actor_country IS NOT NULL "
                                     "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"),
        "top_dyads": store.rows(f"SELECT e.actor_country AS actor, e.recipient_country AS recipient, count(*) AS "
                                f"events, round(avg(e.goldstein), 2) AS goldstein_mean {FROM_EVENTS}{dyad_where} "
                                "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 20", values),
        "monthly": [dict(r, month=_iso(r["month"])) for r in monthly],
    }


_TRUNCATE = {"week": "week", "month": "month"}  # whitelist: the interval is SQL text


def dyad_series(store: Store, params: DyadParams) -> dict[str, Any]:
    """Events between two countries per week or month: counts by QuadClass, type and direction; Goldstein sums."""
    where, values = params.where()
    a_to_b, b_to_a = "(e.actor_country = ? AND e.recipient_country = ?)", "(e.actor_country = ? AND " \
                                                                          "e.recipient_country = ?)"
    dyad = {"both": (f"({a_to_b} OR {b_to_a})", [params.a, params.b, params.b, params.a]),
            "a_to_b": (a_to_b, [params.a, params.b]), "b_to_a": (b_to_a, [params.b, params.a])}[params.direction]
    clause = f"{where} {'AND' if where else 'WHERE'} {dyad[0]}"
    part = _TRUNCATE[params.interval]
    rows = store.rows(f"SELECT date_trunc('{part}', {EVENT_DATE}) AS period, e.actor_country = ? AS forward, "
                      f"e.quad_class, e.event, count(*) AS n, sum(e.goldstein) AS g {FROM_EVENTS}{clause} "
                      "GROUP BY ALL ORDER BY period", [params.a, *values, *dyad[1]])
    periods = sorted({r["period"] for r in rows})
    index = {p: i for i, p in enumerate(periods)}
    size = len(periods)
    events, goldstein = [0] * size, [0.0] * size
    quads = {str(q): [0] * size for q in QUAD_CLASS_NAMES}
    types: dict[str, list[int]] = defaultdict(lambda: [0] * size)
    directions = {"a_to_b": [0] * size, "b_to_a": [0] * size}
    for r in rows:
        i = index[r["period"]]
        events[i] += r["n"]
        goldstein[i] += r["g"] or 0.0
        if r["quad_class"] in QUAD_CLASS_NAMES:
            quads[str(r["quad_class"])][i] += r["n"]
        types[r["event"]][i] += r["n"]
        directions["a_to_b" if r["forward"] else "b_to_a"][i] += r["n"]
    return {
        "a": params.a, "b": params.b, "interval": params.interval, "direction": params.direction,
        "total": sum(events), "periods": [_iso(p) for p in periods],
        "period_ends": [_iso(_period_end(p, params.interval)) for p in periods],
        "events": events, "goldstein_sum": [round(g, 2) for g in goldstein],
        "goldstein_mean": [round(g / n, 2) if n else None for g, n in zip(goldstein, events)],
        "quad_class": quads, "event_types": dict(sorted(types.items())), "directions": directions,
    }


def network(store: Store, params: NetworkParams) -> dict[str, Any]:
    """Who acts on whom: directed, weighted edges (event counts, mean Goldstein) and nodes placed by a spring
    layout (networkx), so the dashboard only draws."""
    where, values = params.where()
    if params.level == "country":
        source, target, source_country, target_country = ("e.actor_country", "e.recipient_country",
                                                          "e.actor_country", "e.recipient_country")
    else:
        source, target, source_country, target_country = ("e.actor_name", "e.recipient_name",
                                                          "mode(e.actor_country)", "mode(e.recipient_country)")
    conditions = [f"{source} IS NOT NULL", f"{target} IS NOT NULL"]
    if not params.include_self:
        conditions.append(f"{source} <> {target}")
    clause = f"{where} {'AND' if where else 'WHERE'} " + " AND ".join(conditions)
    edges = store.rows(
        f"SELECT {source} AS source, {target} AS target, {source_country} AS source_country, "
        f"{target_country} AS target_country, count(*) AS weight, round(avg(e.goldstein), 2) AS goldstein_mean, "
        f"round(sum(e.goldstein), 2) AS goldstein_sum, mode(e.event) AS top_event, {_QUAD_COUNTS} "
        f"{FROM_EVENTS}{clause} GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?",
        [*values, params.min_weight, params.max_edges])
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


def places(store: Store, params: PlaceParams) -> dict[str, Any]:
    where, values = params.where()
    clause = f"{where} {'AND' if where else 'WHERE'} e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    rows = store.rows(
        "SELECT e.location_geonames_id AS geonames_id, e.location_name AS name, e.location_country AS country, "
        "any_value(e.location_admin1) AS admin1, any_value(e.location_feature) AS feature, "
        "e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
        f"round(avg(e.goldstein), 2) AS goldstein_mean, mode(e.event) AS top_event, {_QUAD_COUNTS} "
        f"{FROM_EVENTS}{clause} GROUP BY e.location_geonames_id, e.location_name, e.location_country, "
        "e.location_lat, e.location_lon ORDER BY events DESC, name LIMIT ?", [*values, params.limit])
    return {"total": len(rows), "items": rows}


def _actor_count(store: Store) -> int:
    found = store.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'actors'")[1][0][0]
    return store.count("actors") if found else 0


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
