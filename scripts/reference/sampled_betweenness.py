#!/usr/bin/env python3
"""Reference values for sampled betweenness (networkx's k and seed), with the pivots networkx
drew, so ActorGraph can be checked on the same sources: networkx picks them with Python's
random.Random(seed).sample(list(G), k), which ActorGraph does not reproduce (it draws its own
with SplitMix64); the test hands these pivots to the internal entry point and compares the
scaled sums (networkx 3.6's _rescale with sampled_nodes).

Writes Tests/ActorGraphAnalysisTests/Fixtures/betweenness-sampled.json:
{"tool": {...}, "graphs": {name: {...}}, "cases": [{"graph": name, "k": K, "seed": S, "endpoints": bool,
"normalized": bool, "pivots": [node names], "scores": {node: value}}, ...]}

Run from the package root:  python3 scripts/reference/sampled_betweenness.py
Never edit the fixture by hand; re-run this script.
"""
import json
import platform
import random
from pathlib import Path

import networkx as nx

OUT = Path(__file__).resolve().parents[2] / "Tests" / "ActorGraphAnalysisTests" / "Fixtures"


def shape(g):
    return {"name": g.name, "directed": g.is_directed(), "nodes": [str(v) for v in g.nodes()],
            "edges": [{"source": str(u), "target": str(v)} for u, v in g.edges()]}


def main():
    karate = nx.karate_club_graph()
    karate.name = "karate"
    directed = nx.gnp_random_graph(40, 0.08, seed=7, directed=True)
    directed.name = "gnp-40-directed"
    cases = []
    for g in (karate, directed):
        for k in (1, 5, 17):
            for seed in (1, 2):
                for endpoints in (False, True):
                    for normalized in (True, False):
                        pivots = random.Random(seed).sample(list(g.nodes()), k)
                        scores = nx.betweenness_centrality(g, k=k, seed=seed, endpoints=endpoints, normalized=normalized)
                        cases.append({"graph": g.name, "k": k, "seed": seed, "endpoints": endpoints,
                                      "normalized": normalized, "pivots": [str(p) for p in pivots],
                                      "scores": {str(v): (None if x != x else x) for v, x in scores.items()}})
    doc = {"tool": {"networkx": nx.__version__, "python": platform.python_version()},
           "graphs": {g.name: shape(g) for g in (karate, directed)}, "cases": cases}
    (OUT / "betweenness-sampled.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
