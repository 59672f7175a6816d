#!/usr/bin/env python3
"""Reference fixtures for Burt's structural holes, computed by networkx.

Usage (from the repository root):
    python3 scripts/reference/structural_holes.py

Writes Tests/ActorGraphAnalysisTests/Fixtures/structural-holes-*.json in the ReferenceFixture
shape: {"tool", "graph": {"name", "directed", "nodes", "edges", "node_attributes"}, "results"}.
results = {"unweighted": {"constraint", "effective_size", "efficiency"},
           "weighted": {... with weight="weight"}}, each a map node -> number; NaN -> null.
efficiency = effective_size / G.degree(n), as networkx's effective_size docstring derives it.
networkx uses its scipy code path here (nodes=None and scipy installed), as users get by default.
"""

import json
import math
import random
import sys

import networkx as nx
import scipy

OUT = "Tests/ActorGraphAnalysisTests/Fixtures"


def clean(x):
    return None if isinstance(x, float) and not math.isfinite(x) else x


def measures(G, weight):
    constraint = nx.constraint(G, weight=weight)
    esize = nx.effective_size(G, weight=weight)
    efficiency = {}
    for n, v in esize.items():
        degree = G.degree(n)
        efficiency[n] = v / degree if degree > 0 else float("nan")
    return {
        "constraint": {str(n): clean(constraint[n]) for n in G},
        "effective_size": {str(n): clean(esize[n]) for n in G},
        "efficiency": {str(n): clean(efficiency[n]) for n in G},
    }


def write(name, G, description):
    edges = []
    for u, v, data in G.edges(data=True):
        edge = {"source": str(u), "target": str(v)}
        if "weight" in data:
            edge["weight"] = data["weight"]
        edges.append(edge)
    fixture = {
        "tool": {"networkx": nx.__version__, "scipy": scipy.__version__,
                 "python": sys.version.split()[0]},
        "description": description,
        "graph": {"name": name, "directed": G.is_directed(), "nodes": [str(n) for n in G],
                  "edges": edges, "node_attributes": {}},
        "results": {"unweighted": measures(G, None), "weighted": measures(G, "weight")},
    }
    path = f"{OUT}/structural-holes-{name}.json"
    with open(path, "w") as f:
        json.dump(fixture, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", path)


# 1. Zachary's karate club with networkx's interaction counts as `weight`, plus one isolate
#    so that the NaN case (undefined for isolated nodes) is in the fixture.
karate = nx.karate_club_graph()
karate.add_node(34)
write("karate", karate, "Zachary's karate club (networkx karate_club_graph, weights = interaction counts) plus isolate 34")

# 2. A seeded random weighted directed graph with some reciprocated ties and an isolate.
rng = random.Random(20261126)
D = nx.DiGraph()
D.add_nodes_from(range(12))
for u in range(11):
    for v in range(11):
        if u != v and rng.random() < 0.25:
            D.add_edge(u, v, weight=rng.choice([1, 2, 3, 4, 5]) / 2)
write("directed", D, "Seeded random weighted directed graph (random.Random(20261126), p = 0.25, weights in {0.5 .. 2.5}), node 11 isolated")
