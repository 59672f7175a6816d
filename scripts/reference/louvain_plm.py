#!/usr/bin/env python3
"""Reference fixture for Louvain's quality against NetworKit's parallel Louvain (PLM, Staudt &
Meyerhenke 2016), computed by NetworKit, with networkx's modularity of each PLM partition.

Writes Tests/ActorGraphAnalysisTests/Fixtures/communities-plm-<graph>.json for the karate club
and Les Miserables (networkx's copies): the graph, and for unit and 'weight' weights the
modularity of PLM (refine=False, as Benchmarks/peers.py runs it, 2 threads) over 20 runs.

    pip install networkx networkit; python3 scripts/reference/louvain_plm.py
"""
import json
import os
import sys

import networkit as nk
import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ActorGraphAnalysisTests", "Fixtures")


def plm_runs(G, weighted, runs=20):
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    h = nk.Graph(len(nodes), weighted=weighted)
    for u, v, d in G.edges(data=True):
        h.addEdge(index[u], index[v], float(d["weight"]) if weighted else 1.0)
    result = []
    for _ in range(runs):
        plm = nk.community.PLM(h, refine=False)
        plm.run()
        p = plm.getPartition()
        groups = {}
        for v in nodes:
            groups.setdefault(p[index[v]], set()).add(v)
        q = nx.community.modularity(G, list(groups.values()), weight="weight" if weighted else None)
        result.append(q)
    return result


def main():
    nk.engineering.setNumberOfThreads(2)
    graphs = {"karate": nx.karate_club_graph(), "lesmis": nx.les_miserables_graph()}
    for name, G in graphs.items():
        runs = {key: plm_runs(G, weighted) for key, weighted in (("plm_unweighted", False), ("plm_weighted", True))}
        fixture = {
            "tool": {"networkit": nk.__version__, "networkx": nx.__version__, "python": sys.version.split()[0]},
            "graph": {"name": name, "directed": False, "nodes": [str(v) for v in G.nodes()],
                      "edges": [{"source": str(u), "target": str(v), "weight": float(d["weight"])} for u, v, d in G.edges(data=True)]},
            "results": {key: {"modularity_runs": qs, "modularity_max": max(qs)} for key, qs in runs.items()},
        }
        path = os.path.join(OUT, f"communities-plm-{name}.json")
        with open(path, "w") as f:
            json.dump(fixture, f, indent=1)
        print(path, {k: v["modularity_max"] for k, v in fixture["results"].items()})


if __name__ == "__main__":
    main()
