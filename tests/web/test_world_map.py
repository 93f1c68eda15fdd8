"""The world outline the map draws: our TopoJSON (Natural Earth 1:110m) in the shape plotly.js asks for."""
from __future__ import annotations

import json

from herald.web import package_dir

PLOTLY_LAYERS = {"countries", "land", "coastlines", "ocean", "lakes", "rivers", "subunits"}


def test_world_topology_is_complete_and_consistent():
    topology = json.loads((package_dir("static") / "world_110m.json").read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and PLOTLY_LAYERS <= set(topology["objects"])
    countries = topology["objects"]["countries"]["geometries"]
    ids = {g.get("id") for g in countries}
    assert len(countries) >= 170 and {"USA", "CHN", "KEN", "NOR", "KAZ", "BRA"} <= ids
    n_arcs = len(topology["arcs"])
    used = set()

    def walk(arcs):
        for item in arcs:
            if isinstance(item, list):
                walk(item)
            else:
                used.add(item)

    for geometry in countries:
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        walk(geometry["arcs"])
    assert used == set(range(n_arcs))  # every arc is used and every index exists
    scale_x, scale_y = topology["transform"]["scale"]
    x0, y0 = topology["transform"]["translate"]
    for arc in topology["arcs"]:
        x, y = 0, 0
        for dx, dy in arc:
            x, y = x + dx, y + dy
        assert -180.01 <= x0 + x * scale_x <= 180.01 and -90.01 <= y0 + y * scale_y <= 90.01
