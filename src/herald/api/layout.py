"""Node positions for the actor network: a spring layout (networkx) per connected component, the largest in the
middle and the smaller ones in rows below it, so a pair off on its own does not squeeze everyone else."""
from __future__ import annotations

import math
from typing import Any


def network_layout(keys: list[str], edges: list[dict[str, Any]], seed: int = 7) -> dict[str, tuple[float, float]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(keys)
    for edge in edges:
        if edge["source"] == edge["target"]:
            continue
        previous = graph.get_edge_data(edge["source"], edge["target"], {}).get("weight", 0)
        graph.add_edge(edge["source"], edge["target"], weight=previous + edge["weight"])
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    positions: dict[str, tuple[float, float]] = {}
    row_y, row_x, row_height = -1.25, -1.0, 0.0
    for number, members in enumerate(components):
        sub = graph.subgraph(members)
        if len(members) == 1:
            local = {members[0]: (0.0, 0.0)}
        elif len(members) == 2:  # a pair needs no layout
            local = {members[0]: (-0.6, 0.0), members[1]: (0.6, 0.0)}
        else:
            k = 1.6 / math.sqrt(len(members))  # more room than networkx's default 1/sqrt(n): labels need it
            # fewer iterations for big components: the layout is O(n^2) per iteration and converges well before
            iterations = 200 if len(members) <= 60 else max(40, 12000 // len(members))
            local = {n: (float(x), float(y)) for n, (x, y) in
                     nx.spring_layout(sub, seed=seed, weight="weight", k=k, iterations=iterations).items()}
        if number == 0:  # the largest component fills [-1, 1]
            positions.update(local)
            continue
        size = 0.12 + 0.05 * math.sqrt(len(members))  # the half-width given to a small component
        if row_x + 2 * size > 1.0:
            row_x, row_y, row_height = -1.0, row_y - row_height - 0.1, 0.0
        for node, (x, y) in local.items():
            positions[node] = (row_x + size + x * size, row_y - size + y * size)
        row_x += 2 * size + 0.1
        row_height = max(row_height, 2 * size)
    return {node: (round(x, 4), round(y, 4)) for node, (x, y) in positions.items()}
