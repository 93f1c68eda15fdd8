"""Build `static/world_110m.json`, the base map of the dashboard's event map, so plotly.js never fetches one.

plotly.js draws `scattergeo` base layers (land, countries, coastlines...) from a TopoJSON file named
`{scope}_{resolution}m.json` that it downloads from its CDN unless the `topojsonURL` config points elsewhere. The
plotly PyPI package does not ship those files, so Herald ships its own, made by this module from the public-domain
Natural Earth 1:110m Admin-0 countries (the `naturalearth_lowres` shapefile inside the geopandas 0.14.4 wheel):

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/naturalearth_lowres/*'
    python -m herald.web.worldmap geopandas/datasets/naturalearth_lowres/naturalearth_lowres src/herald/web/static/world_110m.json

It is a development tool: nothing imports it at run time. The TopoJSON it writes is quantized and delta-encoded;
every ring is its own arc (no shared-border topology, which plotly does not need). Ring winding is kept as in the
shapefile (exterior rings clockwise), which is what d3-geo, inside plotly.js, expects.
"""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

QUANTIZATION = 100_000
# Layers plotly.js may look up in a world topology; those Natural Earth lowres has no data for stay empty.
EMPTY_LAYERS = ("coastlines", "ocean", "lakes", "rivers", "subunits")


def read_polygons(shp: Path) -> list[list[list[tuple[float, float]]]]:
    """ESRI shapefile of Polygon records -> per record, its rings as (lon, lat) lists."""
    data = shp.read_bytes()
    records: list[list[list[tuple[float, float]]]] = []
    offset = 100  # the file header
    while offset < len(data):
        _, words = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:
            records.append([])
            continue
        if shape_type != 5:
            raise ValueError(f"{shp}: shape type {shape_type} is not Polygon (5)")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts]))
        coords = struct.unpack(f"<{2 * n_points}d", content[44 + 4 * n_parts:44 + 4 * n_parts + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2]))
        bounds = parts[1:] + [n_points]
        records.append([points[start:end] for start, end in zip(parts, bounds)])
    return records


def read_table(dbf: Path) -> list[dict[str, str]]:
    """A dBASE III table -> rows of stripped strings."""
    data = dbf.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\x00", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        start = header_len + i * record_len + 1  # skip the deletion flag
        row, cursor = {}, start
        for name, length in fields:
            row[name] = data[cursor:cursor + length].decode("utf-8", "replace").strip()
            cursor += length
        rows.append(row)
    return rows


def _signed_area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def build_topology(records: list[list[list[tuple[float, float]]]], rows: list[dict[str, str]]) -> dict:
    """Countries (id = ISO3 when known) and land as TopoJSON; plotly's other layer names as empty collections."""
    xs = [x for rings in records for ring in rings for x, _ in ring]
    ys = [y for rings in records for ring in rings for _, y in ring]
    x0, y0 = min(xs), min(ys)
    kx = (max(xs) - x0) / (QUANTIZATION - 1)
    ky = (max(ys) - y0) / (QUANTIZATION - 1)
    arcs: list[list[list[int]]] = []

    def arc_of(ring: list[tuple[float, float]]) -> int:
        encoded, px, py = [], 0, 0
        for x, y in ring:
            qx, qy = round((x - x0) / kx), round((y - y0) / ky)
            if encoded and (qx, qy) == (px, py):
                continue
            encoded.append([qx - px, qy - py] if encoded else [qx, qy])
            px, py = qx, qy
        arcs.append(encoded)
        return len(arcs) - 1

    countries = []
    for rings, row in zip(records, rows):
        polygons: list[list[list[int]]] = []
        for ring in rings:
            if _signed_area(ring) < 0 or not polygons:  # clockwise: an exterior ring starts a polygon
                polygons.append([[arc_of(ring)]])
            else:  # counter-clockwise: a hole of the polygon before it
                polygons[-1].append([arc_of(ring)])
        if not polygons:
            continue
        geometry: dict = ({"type": "Polygon", "arcs": polygons[0]} if len(polygons) == 1
                          else {"type": "MultiPolygon", "arcs": polygons})
        iso3 = row.get("iso_a3", "")
        if len(iso3) == 3 and iso3.isalpha():
            geometry["id"] = iso3
        geometry["properties"] = {"name": row.get("name", "")}
        countries.append(geometry)
    land = {"type": "GeometryCollection",
            "geometries": [{k: v for k, v in g.items() if k in ("type", "arcs")} for g in countries]}
    objects = {"countries": {"type": "GeometryCollection", "geometries": countries}, "land": land}
    objects.update({name: {"type": "GeometryCollection", "geometries": []} for name in EMPTY_LAYERS})
    return {"type": "Topology", "bbox": [x0, y0, max(xs), max(ys)],
            "transform": {"scale": [kx, ky], "translate": [x0, y0]}, "objects": objects, "arcs": arcs}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    stem, out = Path(argv[0]), Path(argv[1])
    topology = build_topology(read_polygons(stem.with_suffix(".shp")), read_table(stem.with_suffix(".dbf")))
    out.write_text(json.dumps(topology, separators=(",", ":")), encoding="utf-8")
    print(f"{out}: {len(topology['objects']['countries']['geometries'])} countries, "
          f"{len(topology['arcs'])} arcs, {out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
