#!/usr/bin/env python3
"""Reference fixtures for Burt's structural holes, computed by networkx.

Usage (from the repository root):
    python3 scripts/reference/structural_holes.py

Writes Tests/ActorGraphAnalysisTests/Fixtures/structural-holes-*.json in the ReferenceFixture
shape: {"tool", "graph": {"name", "directed", "nodes", "edges", "node_attributes"}, "results"}.
results = {"unweighted": {"constraint", "effective_size", "efficiency"},
           "weighted": {... with weight="weight"}}, each a map node -> number; NaN -> null.
efficiency = effective_size / G.degree(n), as networkx's effective_size docstring derives it.
constraint uses networkx's default (scipy) code path. effective_size is networkx's sparse code with
the fix of networkx PR #8906 (the default path is wrong for weighted or directed graphs), checked
against networkx's per-node path; the unfixed default output is stored as
effective_size_sparse_path_buggy, for the record only.
"""

import json
import math
import random
import sys

import networkx as nx
import numpy as np
import scipy

OUT = "Tests/ActorGraphAnalysisTests/Fixtures"


def clean(x):
    return None if isinstance(x, float) and not math.isfinite(x) else x


def fixed_sparse_effective_size(G, weight):
    """networkx 3.6.1's sparse effective_size with the row-max broadcast fixed (PR #8906)."""
    P = nx.adjacency_matrix(G, weight=weight)
    mutual_weights1 = P + P.T
    mutual_weights2 = mutual_weights1.copy()
    with np.errstate(divide="ignore"):
        mutual_weights1 /= mutual_weights1.sum(axis=1)[:, np.newaxis]
        mutual_weights2 /= mutual_weights2.max(axis=1).toarray()[:, np.newaxis]
    r = 1 - (mutual_weights1 @ mutual_weights2.T).toarray()
    effective_size = ((mutual_weights1 > 0) * r).sum(axis=1)
    sum_mutual_weights = mutual_weights1.sum(axis=1) - mutual_weights1.diagonal()
    effective_size[sum_mutual_weights == 0] = float("nan")
    return dict(zip(G, effective_size.tolist()))


def measures(G, weight):
    constraint = nx.constraint(G, weight=weight)
    # networkx 3.6.1's default (sparse) effective_size divides by the row maxima along the wrong
    # axis, which is wrong for weighted or directed graphs (networkx PR #8906). Its per-node path
    # (nodes=list(G)) follows the documented formula but, for a directed graph, calls a node with
    # predecessors and no successors isolated (it tests G[v], the successors) and returns NaN.
    # So the reference is networkx's own sparse code with PR #8906's one-line fix, checked
    # against the per-node path on every node that path treats as connected.
    esize = fixed_sparse_effective_size(G, weight)
    per_node = nx.effective_size(G, nodes=list(G), weight=weight)
    for n in G:
        if not math.isnan(per_node[n]):
            assert abs(per_node[n] - esize[n]) <= 1e-12 * max(1, abs(esize[n])), (n, per_node[n], esize[n])
    sparse_esize = nx.effective_size(G, weight=weight)
    efficiency = {}
    for n, v in esize.items():
        degree = G.degree(n)
        efficiency[n] = v / degree if degree > 0 else float("nan")
    return {
        "constraint": {str(n): clean(constraint[n]) for n in G},
        "effective_size": {str(n): clean(esize[n]) for n in G},
        "efficiency": {str(n): clean(efficiency[n]) for n in G},
        "effective_size_sparse_path_buggy": {str(n): clean(sparse_esize[n]) for n in G},
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
