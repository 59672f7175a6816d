#!/usr/bin/env python3
"""Reference fixtures for paths, communities and components, computed by networkx.

Writes Tests/ActorGraphAnalysisTests/Fixtures/{paths,communities,components}-<graph>.json in the
ReferenceFixture shape ({"tool", "graph", "results"}). Run from the repository root:

    python3 scripts/reference/paths.py

Every expected number in the tests comes from here; none is typed by hand.
"""
import json
import os
import random
import sys

import networkx as nx
from networkx.algorithms import community as nxc

OUT = os.path.join("Tests", "ActorGraphAnalysisTests", "Fixtures")
TOOL = {"networkx": nx.__version__, "python": sys.version.split()[0]}


def graph_json(name, G):
    nodes = [str(n) for n in G.nodes()]
    edges = []
    for u, v, data in G.edges(data=True):
        e = {"source": str(u), "target": str(v)}
        if "weight" in data:
            e["weight"] = float(data["weight"])
        edges.append(e)
    attrs = {}
    for n, data in G.nodes(data=True):
        kept = {k: v for k, v in data.items() if isinstance(v, (str, int, float))}
        if kept:
            attrs[str(n)] = kept
    return {"name": name, "directed": G.is_directed(), "nodes": nodes, "edges": edges,
            "node_attributes": attrs}


def write(prefix, name, G, results):
    path = os.path.join(OUT, f"{prefix}-{name}.json")
    with open(path, "w") as f:
        json.dump({"tool": TOOL, "graph": graph_json(name, G), "results": results}, f, indent=1,
                  sort_keys=False)
        f.write("\n")
    print("wrote", path)


def relabel(G):
    return nx.relabel_nodes(G, {n: str(n) for n in G.nodes()})


def karate():
    return relabel(nx.karate_club_graph())


def florentine():
    return relabel(nx.florentine_families_graph())


def florentine_weighted():
    G = florentine()
    rng = random.Random(7)
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([1.0, 2.0, 3.0, 0.5, 1.5])
    return G


def random_directed(n=30, p=0.09, seed=11):
    rng = random.Random(seed)
    G = nx.DiGraph()
    G.add_nodes_from(f"n{i}" for i in range(n))
    for i in range(n):
        for j in range(n):
            if i != j and rng.random() < p:
                G.add_edge(f"n{i}", f"n{j}", weight=float(rng.randint(1, 9)))
    return G


def random_undirected(n=40, p=0.04, seed=5):
    rng = random.Random(seed)
    G = nx.Graph()
    G.add_nodes_from(f"u{i}" for i in range(n))
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p:
                G.add_edge(f"u{i}", f"u{j}", weight=float(rng.randint(1, 5)))
    return G


def lengths(G, weight):
    out = {}
    if weight:
        gen = nx.all_pairs_dijkstra_path_length(G, weight="weight")
    else:
        gen = nx.all_pairs_shortest_path_length(G)
    for s, d in gen:
        out[s] = {t: float(v) for t, v in d.items()}
    return out


def pairs(G, count, seed):
    rng = random.Random(seed)
    nodes = list(G.nodes())
    chosen = []
    while len(chosen) < count:
        s, t = rng.sample(nodes, 2)
        if nx.has_path(G, s, t) and (s, t) not in chosen:
            chosen.append((s, t))
    return chosen


def path_cost(G, path, weight):
    if not weight:
        return float(len(path) - 1)
    return float(sum(G[u][v]["weight"] for u, v in zip(path, path[1:])))


def path_results(G, weighted, k=8):
    res = {"distances_unweighted": lengths(G, False)}
    if weighted:
        res["distances_weighted"] = lengths(G, True)
    allsp, simple = [], []
    for s, t in pairs(G, 8, 3):
        for w in ([False, True] if weighted else [False]):
            wt = "weight" if w else None
            paths = [list(p) for p in nx.all_shortest_paths(G, s, t, weight=wt)]
            allsp.append({"source": s, "target": t, "weighted": w, "paths": sorted(paths)})
            first = []
            for p in nx.shortest_simple_paths(G, s, t, weight=wt):
                first.append(list(p))
                if len(first) == k:
                    break
            simple.append({"source": s, "target": t, "weighted": w, "k": k, "paths": first,
                           "costs": [path_cost(G, p, w) for p in first]})
    res["all_shortest_paths"] = allsp
    res["shortest_simple_paths"] = simple
    return res


def community_results(G, weighted, seeds=range(10)):
    res = {}
    for w in ([None, "weight"] if weighted else [None]):
        key = "weighted" if w else "unweighted"
        runs = []
        for seed in seeds:
            comms = nxc.louvain_communities(G, weight=w, seed=seed)
            runs.append({"seed": seed, "communities": sorted(sorted(c) for c in comms),
                         "modularity": nxc.modularity(G, comms, weight=w)})
        res[f"louvain_{key}"] = runs
    return res


def main():
    os.makedirs(OUT, exist_ok=True)

    K = karate()
    write("paths", "karate", K, path_results(K, True))
    F = florentine()
    write("paths", "florentine", F, path_results(F, False))
    FW = florentine_weighted()
    write("paths", "florentine-weighted", FW, path_results(FW, True))
    D = random_directed()
    write("paths", "random-directed", D, path_results(D, True))

    res = community_results(K, True)
    club = {}
    for n, data in K.nodes(data=True):
        club.setdefault(data["club"], []).append(n)
    parts = [sorted(v) for _, v in sorted(club.items())]
    res["club_partition"] = parts
    res["club_modularity_unweighted"] = nxc.modularity(K, parts, weight=None)
    res["club_modularity_weighted"] = nxc.modularity(K, parts, weight="weight")
    for r in (0.5, 2.0):
        res[f"club_modularity_weighted_resolution_{r}"] = nxc.modularity(K, parts, weight="weight", resolution=r)
    write("communities", "karate", K, res)
    write("communities", "florentine", F, community_results(F, False))
    res = community_results(D, True)
    halves = [[f"n{i}" for i in range(15)], [f"n{i}" for i in range(15, 30)]]
    res["halves_partition"] = halves
    res["halves_modularity_unweighted"] = nxc.modularity(D, halves, weight=None)
    res["halves_modularity_weighted"] = nxc.modularity(D, halves, weight="weight")
    write("communities", "random-directed", D, res)

    def sorted_components(cs):
        cs = [sorted(c, key=lambda n: list(G.nodes()).index(n)) for c in cs]
        return sorted(cs, key=lambda c: (-len(c), list(G.nodes()).index(c[0])))

    for name, G in [("random-directed", random_directed(40, 0.04, 13)),
                    ("random-directed-dense", random_directed(40, 0.05, 13)),
                    ("random-undirected", random_undirected())]:
        res = {}
        if G.is_directed():
            res["weakly_connected_components"] = sorted_components(nx.weakly_connected_components(G))
            res["strongly_connected_components"] = sorted_components(nx.strongly_connected_components(G))
        else:
            res["connected_components"] = sorted_components(nx.connected_components(G))
        write("components", name, G, res)


if __name__ == "__main__":
    main()
