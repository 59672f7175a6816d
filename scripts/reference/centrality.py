#!/usr/bin/env python3
"""Reference values for ActorGraph's centrality measures, computed by networkx (and igraph as a
second opinion for betweenness and closeness).

Writes Tests/ActorGraphAnalysisTests/Fixtures/centrality-<graph>.json in the ReferenceFixture
shape: {"tool": {...}, "graph": {...}, "results": {...}}. Node maps are keyed by node name;
edge maps (edge betweenness) by the edge's index in graph.edges, which is its EdgeID when the
test rebuilds the graph in that order.

Run from the package root:  python3 scripts/reference/centrality.py
Never edit the fixtures by hand; re-run this script.
"""
import json
import math
import os
import platform
import random
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import scipy

try:
    import igraph
except ImportError:  # pip install igraph
    igraph = None

OUT = Path(__file__).resolve().parents[2] / "Tests" / "ActorGraphAnalysisTests" / "Fixtures"


def tools():
    t = {"networkx": nx.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
         "python": platform.python_version()}
    if igraph is not None:
        t["igraph"] = igraph.__version__
    return t


def name(v):
    return str(v)


def node_map(d):
    return {name(k): (None if (isinstance(v, float) and math.isnan(v)) else float(v)) for k, v in d.items()}


def edge_map(G, edges, d):
    out = {}
    for i, (u, v) in enumerate(edges):
        if (u, v) in d:
            out[str(i)] = float(d[(u, v)])
        elif not G.is_directed() and (v, u) in d:
            out[str(i)] = float(d[(v, u)])
        else:
            raise KeyError((u, v))
    return out


def with_inverse(G):
    """Copy of G with `inverse` = 1/weight, the cost ActorGraph's strength->cost `inverse` rule gives."""
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d["inverse"] = 1.0 / d["weight"]
    return H


def compute(G, weighted):
    r = {}
    directed = G.is_directed()
    # Degree family.
    r["degree"] = node_map(nx.degree_centrality(G))
    r["degree_raw"] = node_map(dict(G.degree()))
    if directed:
        r["in_degree"] = node_map(nx.in_degree_centrality(G))
        r["out_degree"] = node_map(nx.out_degree_centrality(G))
        r["in_degree_raw"] = node_map(dict(G.in_degree()))
        r["out_degree_raw"] = node_map(dict(G.out_degree()))
    if weighted:
        r["strength"] = node_map(dict(G.degree(weight="weight")))
        if directed:
            r["in_strength"] = node_map(dict(G.in_degree(weight="weight")))
            r["out_strength"] = node_map(dict(G.out_degree(weight="weight")))

    # Betweenness (nodes and edges).
    r["betweenness"] = node_map(nx.betweenness_centrality(G))
    r["betweenness_endpoints"] = node_map(nx.betweenness_centrality(G, endpoints=True))
    r["betweenness_raw"] = node_map(nx.betweenness_centrality(G, normalized=False))
    r["betweenness_raw_endpoints"] = node_map(nx.betweenness_centrality(G, normalized=False, endpoints=True))
    edges = list(G.edges())
    r["edge_betweenness"] = edge_map(G, edges, nx.edge_betweenness_centrality(G))
    r["edge_betweenness_raw"] = edge_map(G, edges, nx.edge_betweenness_centrality(G, normalized=False))
    if weighted:
        H = with_inverse(G)
        r["betweenness_cost"] = node_map(nx.betweenness_centrality(G, weight="weight"))
        r["betweenness_cost_raw_endpoints"] = node_map(
            nx.betweenness_centrality(G, weight="weight", normalized=False, endpoints=True))
        r["betweenness_inverse"] = node_map(nx.betweenness_centrality(H, weight="inverse"))
        r["edge_betweenness_cost"] = edge_map(G, edges, nx.edge_betweenness_centrality(G, weight="weight"))
        r["edge_betweenness_inverse_raw"] = edge_map(
            G, edges, nx.edge_betweenness_centrality(H, weight="inverse", normalized=False))

    # Closeness and harmonic (networkx: incoming distance for directed graphs).
    r["closeness"] = node_map(nx.closeness_centrality(G))
    r["closeness_no_wf"] = node_map(nx.closeness_centrality(G, wf_improved=False))
    r["harmonic"] = node_map(nx.harmonic_centrality(G))
    if directed:
        r["closeness_out"] = node_map(nx.closeness_centrality(G.reverse()))
        r["harmonic_out"] = node_map(nx.harmonic_centrality(G.reverse()))
    if weighted:
        H = with_inverse(G)
        r["closeness_cost"] = node_map(nx.closeness_centrality(G, distance="weight"))
        r["closeness_inverse"] = node_map(nx.closeness_centrality(H, distance="inverse"))
        r["harmonic_cost"] = node_map(nx.harmonic_centrality(G, distance="weight"))
        if directed:
            r["closeness_cost_out"] = node_map(nx.closeness_centrality(G.reverse(), distance="weight"))

    # Spectral measures. Where networkx's power iteration fails, `<key>_not_converged` records
    # its iteration limit: ActorGraph must fail the same way.
    def attempt(key, compute, max_iter):
        try:
            r[key] = node_map(compute())
        except nx.PowerIterationFailedConvergence:
            r[key + "_not_converged"] = max_iter

    attempt("eigenvector", lambda: nx.eigenvector_centrality(G), 100)
    if weighted:
        attempt("eigenvector_weighted", lambda: nx.eigenvector_centrality(G, weight="weight"), 100)
    attempt("pagerank", lambda: nx.pagerank(G), 100)  # weight="weight" when present
    attempt("pagerank_unweighted", lambda: nx.pagerank(G, weight=None), 100)
    nodes = list(G)
    personalization = {nodes[0]: 1.0, nodes[1]: 2.0, nodes[2]: 3.0}
    attempt("pagerank_personalized", lambda: nx.pagerank(G, personalization=personalization), 100)
    r["pagerank_personalized_nodes"] = {name(k): v for k, v in personalization.items()}
    dangling = {nodes[-1]: 1.0, nodes[-2]: 1.0}
    attempt("pagerank_dangling", lambda: nx.pagerank(G, alpha=0.9, dangling=dangling), 100)
    r["pagerank_dangling_nodes"] = {name(k): v for k, v in dangling.items()}
    attempt("katz", lambda: nx.katz_centrality(G), 1000)
    attempt("katz_raw", lambda: nx.katz_centrality(G, normalized=False), 1000)
    if weighted:
        A = nx.to_numpy_array(G, weight="weight")
        lam = max(abs(np.linalg.eigvals(A)))
        alpha = float(round(0.5 / lam, 6))
        r["katz_weighted_alpha"] = alpha
        attempt("katz_weighted", lambda: nx.katz_centrality(G, alpha=alpha, weight="weight"), 1000)

    # Clustering and cores.
    r["clustering"] = node_map(nx.clustering(G))
    if weighted:
        r["clustering_weighted"] = node_map(nx.clustering(G, weight="weight"))
    if not directed:
        r["transitivity"] = float(nx.transitivity(G))
    if nx.number_of_selfloops(G) == 0:  # networkx raises on self-loops (so does ActorGraph)
        r["core"] = node_map(nx.core_number(G))

    # igraph as a second opinion (vertex order = G's node order).
    if igraph is not None:
        ig = igraph.Graph(n=len(nodes), edges=[(nodes.index(u), nodes.index(v)) for u, v in edges], directed=directed)
        r["igraph_betweenness_raw"] = {name(nodes[i]): float(b) for i, b in enumerate(ig.betweenness(directed=directed))}
        # igraph's closeness with mode="in" on directed graphs is networkx's incoming convention,
        # computed over reachable nodes only (networkx wf_improved=False).
        mode = "in" if directed else "all"
        r["igraph_closeness"] = {name(nodes[i]): (0.0 if math.isnan(c) else float(c))
                                 for i, c in enumerate(ig.closeness(mode=mode))}
    return r


def graph_json(G, gname, weighted):
    edges = []
    for u, v, d in G.edges(data=True):
        e = {"source": name(u), "target": name(v)}
        if weighted:
            e["weight"] = float(d["weight"])
        edges.append(e)
    node_attributes = {}
    for v, d in G.nodes(data=True):
        attrs = {k: x for k, x in d.items() if isinstance(x, (str, int, float))}
        if attrs:
            node_attributes[name(v)] = attrs
    out = {"name": gname, "directed": G.is_directed(), "nodes": [name(v) for v in G], "edges": edges}
    if node_attributes:
        out["node_attributes"] = node_attributes
    return out


def karate():
    return nx.karate_club_graph()


def florentine():
    return nx.florentine_families_graph()


def florentine_weighted():
    G = nx.florentine_families_graph()
    rng = random.Random(1469)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.randint(1, 5))
    return G


def karate_directed():
    """Karate oriented from the lower to the higher member id, reciprocated when (u + v) % 3 == 0."""
    K = nx.karate_club_graph()
    D = nx.DiGraph()
    D.add_nodes_from(K.nodes(data=True))
    for u, v, d in K.edges(data=True):
        a, b = min(u, v), max(u, v)
        D.add_edge(a, b, weight=float(d["weight"]))
        if (a + b) % 3 == 0:
            D.add_edge(b, a, weight=float(d["weight"]))
    return D


def random_directed():
    """A seeded G(n, p) digraph with integer weights 1..9 (integer costs tie exactly)."""
    G = nx.gnp_random_graph(40, 0.08, seed=20261126, directed=True)
    rng = random.Random(7)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.randint(1, 9))
    return G


def karate_loops():
    """Karate with weighted self-loops on three members: loops count twice in degree and strength,
    once in the spectral measures, never on shortest paths or in triangles."""
    G = nx.karate_club_graph()
    for v, w in [(0, 2.0), (5, 3.0), (33, 9.0)]:
        G.add_edge(v, v, weight=w)
    return G


def random_directed_loops():
    """random_directed() plus self-loops on every fifth node."""
    G = random_directed()
    for v in range(0, len(G), 5):
        G.add_edge(v, v, weight=float(1 + v % 4))
    return G


def float_ties():
    """Costs whose sums tie mathematically but not in floating point (0.1 + 0.2 != 0.3), next to
    sums that tie exactly (0.25 + 0.25 == 0.5): networkx compares with ==, and so must we."""
    G = nx.Graph()
    for u, v, w in [("s", "a", 0.1), ("a", "t", 0.2),      # 0.1 + 0.2 = 0.30000000000000004
                    ("s", "d", 0.2), ("d", "t", 0.1),      # the same sum: ties with s-a-t
                    ("s", "c", 0.15), ("c", "t", 0.15),    # 0.3 exactly: strictly shorter
                    ("t", "u", 0.25), ("u", "x", 0.25),    # 0.5 exactly ...
                    ("t", "y", 0.125), ("y", "x", 0.375),  # ... ties exactly with 0.125 + 0.375
                    ("x", "z", 1.0)]:
        G.add_edge(u, v, weight=w)
    return G


GRAPHS = [
    ("karate", karate, True),
    ("florentine", florentine, False),
    ("florentine-weighted", florentine_weighted, True),
    ("karate-directed", karate_directed, True),
    ("random-directed", random_directed, True),
    ("karate-loops", karate_loops, True),
    ("random-directed-loops", random_directed_loops, True),
    ("float-ties", float_ties, True),
]


def main():
    # harmonic_centrality iterates Python sets of node names, whose order (and so the last bits
    # of its sums) depends on string hashing: pin the hash seed so fixtures are reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    OUT.mkdir(parents=True, exist_ok=True)
    for gname, make, weighted in GRAPHS:
        G = make()
        fixture = {"tool": tools(), "graph": graph_json(G, gname, weighted), "results": compute(G, weighted)}
        path = OUT / f"centrality-{gname}.json"
        path.write_text(json.dumps(fixture, indent=1, sort_keys=False) + "\n")
        print(f"wrote {path.relative_to(OUT.parents[2])}: {len(G)} nodes, {G.number_of_edges()} edges, "
              f"{len(fixture['results'])} results", file=sys.stderr)


if __name__ == "__main__":
    main()
