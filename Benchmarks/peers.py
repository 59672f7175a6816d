#!/usr/bin/env python3
"""Runs the same graphs through ActorGraph and its peers (igraph, NetworKit, networkx) and prints
the time of each operation and the ratio peer / ActorGraph (above 1: ActorGraph is faster).

    scripts/setup.sh --reference                       # once: networkx, igraph, networkit
    swift build -c release --product actorgraph-bench
    python3 Benchmarks/peers.py [--quick] [--only OP]

Graphs are generated here, seeded, and written to Benchmarks/.data/ as "u v w" lines, so every
tool reads the very same edges. Times are the median of several runs of the operation alone,
after the graph is in memory (reading files is not timed), measured inside each process with a
monotonic clock. Peers that would take far too long at a size are skipped and say so.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, ".data")
BENCH = os.path.join(ROOT, ".build", "release", "actorgraph-bench")

# name -> (nodes, edges, seed). Undirected G(n, m) graphs with uniform weights in [1, 10).
GRAPHS = {
    "gnm-1k-5k": (1_000, 5_000, 1),
    "gnm-5k-25k": (5_000, 25_000, 2),
    "gnm-100k-1m": (100_000, 1_000_000, 3),
    "gnm-2k-6k": (2_000, 6_000, 4),
    "gnm-10k-50k": (10_000, 50_000, 5),
}

# op -> graphs it runs on (quick mode uses the first only).
OPS = {
    "build": ["gnm-100k-1m"],
    "bfs": ["gnm-100k-1m"],
    "dijkstra": ["gnm-100k-1m"],
    "components": ["gnm-100k-1m"],
    "pagerank": ["gnm-100k-1m"],
    "core": ["gnm-100k-1m"],
    "betweenness": ["gnm-1k-5k", "gnm-10k-50k"],
    "closeness": ["gnm-1k-5k", "gnm-10k-50k"],
    "harmonic": ["gnm-1k-5k", "gnm-10k-50k"],
    "louvain": ["gnm-5k-25k", "gnm-100k-1m"],
    "clustering": ["gnm-100k-1m"],
}

# Peers skipped where they need minutes (networkx is pure Python).
TOO_SLOW = {
    ("networkx", "betweenness", "gnm-10k-50k"), ("networkx", "closeness", "gnm-10k-50k"),
    ("networkx", "harmonic", "gnm-10k-50k"),
    ("networkx", "louvain", "gnm-100k-1m"),
}


def graph_file(name):
    n, m, seed = GRAPHS[name]
    path = os.path.join(DATA, name + ".txt")
    if os.path.exists(path):
        return path
    os.makedirs(DATA, exist_ok=True)
    rng = random.Random(seed)
    edges = set()
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            edges.add((min(u, v), max(u, v)))
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{n}\n")
        for u, v in sorted(edges):
            f.write(f"{u} {v} {rng.uniform(1, 10):.6f}\n")
    os.replace(tmp, path)
    return path


def read_edges(path):
    with open(path) as f:
        n = int(f.readline())
        edges, weights = [], []
        for line in f:
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    return n, edges, weights


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run_igraph(op, n, edges, weights, repeat):
    import igraph as ig
    if op == "build":
        return median_time(lambda: ig.Graph(n=n, edges=edges), repeat)
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    ops = {
        "bfs": lambda: g.bfs(0),
        "dijkstra": lambda: g.distances(source=[0], weights="weight"),
        "components": lambda: g.connected_components(),
        "pagerank": lambda: g.pagerank(damping=0.85),
        "core": lambda: g.coreness(),
        "betweenness": lambda: g.betweenness(),
        "closeness": lambda: g.closeness(),
        "harmonic": lambda: g.harmonic_centrality(normalized=False),
        "louvain": lambda: g.community_multilevel(),
        "clustering": lambda: g.transitivity_local_undirected(),
    }
    return median_time(ops[op], repeat)


def run_networkit(op, n, edges, weights, repeat):
    import networkit as nk
    nk.engineering.setNumberOfThreads(2)

    def build():
        g = nk.Graph(n, weighted=True)
        for (u, v), w in zip(edges, weights):
            g.addEdge(u, v, w)
        return g
    if op == "build":
        return median_time(build, repeat)
    g = build()
    ops = {
        "bfs": lambda: nk.distance.BFS(g, 0).run(),
        "dijkstra": lambda: nk.distance.Dijkstra(g, 0).run(),
        "components": lambda: nk.components.ConnectedComponents(g).run(),
        "pagerank": lambda: nk.centrality.PageRank(g, damp=0.85).run(),
        "core": lambda: nk.centrality.CoreDecomposition(g).run(),
        "betweenness": lambda: nk.centrality.Betweenness(nk.graphtools.toUnweighted(g), normalized=True).run(),
        "closeness": lambda: nk.centrality.Closeness(nk.graphtools.toUnweighted(g), True, nk.centrality.ClosenessVariant.GENERALIZED).run(),
        "harmonic": lambda: nk.centrality.HarmonicCloseness(nk.graphtools.toUnweighted(g), False).run(),
        "louvain": lambda: nk.community.PLM(g, refine=False).run(),
        "clustering": lambda: nk.centrality.LocalClusteringCoefficient(g).run(),
    }
    return median_time(ops[op], repeat)


def run_networkx(op, n, edges, weights, repeat):
    import networkx as nx

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))
        return g
    if op == "build":
        return median_time(build, repeat)
    g = build()
    ops = {
        "bfs": lambda: nx.single_source_shortest_path_length(g, 0),
        "dijkstra": lambda: nx.single_source_dijkstra_path_length(g, 0),
        "components": lambda: list(nx.connected_components(g)),
        "pagerank": lambda: nx.pagerank(g, weight=None),
        "core": lambda: nx.core_number(g),
        "betweenness": lambda: nx.betweenness_centrality(g),
        "closeness": lambda: nx.closeness_centrality(g),
        "harmonic": lambda: nx.harmonic_centrality(g),
        "louvain": lambda: nx.community.louvain_communities(g, seed=1),
        "clustering": lambda: nx.clustering(g),
    }
    return median_time(ops[op], repeat)


def run_actorgraph(op, path, repeat):
    out = subprocess.run([BENCH, op, path, "--repeat", str(repeat)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["seconds"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smallest graph per op, fewer repeats")
    parser.add_argument("--only", help="run this op only")
    parser.add_argument("--peers", default="igraph,networkit,networkx")
    args = parser.parse_args()
    if not os.path.exists(BENCH):
        sys.exit(f"build the benchmark first: swift build -c release --product actorgraph-bench ({BENCH} is missing)")
    peers = [p for p in args.peers.split(",") if p]
    runners = {"igraph": run_igraph, "networkit": run_networkit, "networkx": run_networkx}
    versions = {}
    for p in peers:
        try:
            versions[p] = __import__(p).__version__
        except ImportError:
            print(f"{p} is not installed: scripts/setup.sh --reference", file=sys.stderr)
            peers.remove(p)
    print("peers: " + ", ".join(f"{p} {v}" for p, v in versions.items()) + f"; python {sys.version.split()[0]}")
    header = f"{'op':<12} {'graph':<13} {'actorgraph':>11}" + "".join(f" {p:>10} {'ratio':>7}" for p in peers)
    print(header)
    print("-" * len(header))
    for op, graphs in OPS.items():
        if args.only and op != args.only:
            continue
        for name in graphs[:1] if args.quick else graphs:
            repeat = 1 if args.quick else 3
            path = graph_file(name)
            ours = run_actorgraph(op, path, repeat)
            row = f"{op:<12} {name:<13} {ours:>10.4f}s"
            n, edges, weights = read_edges(path)
            for p in peers:
                if (p, op, name) in TOO_SLOW:
                    row += f" {'skipped':>10} {'':>7}"
                    continue
                t = runners[p](op, n, edges, weights, repeat)
                row += f" {t:>9.4f}s {t / ours:>6.1f}x"
            print(row, flush=True)

    # ActorGraph alone, against the targets its issues set (no peer draws diagrams or builds CSR).
    if not args.only or args.only in ("render-dataset", "render-svg", "build"):
        print("\nActorGraph alone, against its targets")
        targets = [("build", graph_file("gnm-100k-1m"), "1,000,000 edges to CSR", 1.0),
                   ("render-dataset", os.path.join(ROOT, "Graphs", "korea-japan-2020.yaml"), "seed dataset to SVG + PNG", 0.5),
                   ("render-svg", graph_file("gnm-2k-6k"), "2,000 nodes / 6,000 edges to SVG, engine auto", 5.0)]
        for op, path, what, limit in targets:
            t = run_actorgraph(op, path, 1 if args.quick else 3)
            print(f"{what:<48} {t:>8.3f}s  (target < {limit} s: {'met' if t < limit else 'MISSED'})", flush=True)


if __name__ == "__main__":
    main()
