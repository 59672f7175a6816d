#!/usr/bin/env python3
"""Runs the same graphs through ActorGraph and its peers (igraph, NetworKit, networkx) and prints
the time of each operation and the ratio peer / ActorGraph (above 1: ActorGraph is faster).

    python3 Benchmarks/peers.py [--quick] [--only OP] [--write-docs]

It installs what it lacks itself: the peers through `scripts/setup.sh --reference`, and the
release builds of `actorgraph` and `actorgraph-bench`.

Two parts:
- **Operations in memory.** Graphs are generated here, seeded, and written to Benchmarks/.data/
  as "u v w" lines, so every tool reads the very same edges. Times are the median of several
  runs of the operation alone, after the graph is in memory (reading files is not timed),
  measured inside each process with a monotonic clock. Peers that would take far too long at a
  size are skipped and say so.
- **From the file, one process per tool.** PageRank on a Barabasi-Albert graph of 1M nodes / 5M
  edges read from one CSV file (66 MB): each tool in a process of its own, which reports its
  load time (reading the file into a graph) and its compute time; the peak memory is the
  process's maximum resident set, from the operating system (wait4). ActorGraph is its command
  line, `actorgraph centrality FILE --measure pagerank --top 10 --time`.
  Then ActorGraph's GDELT import rate (no peer imports GDELT).

`--write-docs` writes the tables to docs/benchmarks.md with the machine's cores and every
tool's version.
"""
import argparse
import datetime
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, ".data")
BENCH = os.path.join(ROOT, ".build", "release", "actorgraph-bench")
CLI = os.path.join(ROOT, ".build", "release", "actorgraph")
GDELT_SAMPLE = os.path.join(ROOT, "Tests", "ActorGraphIOTests", "Fixtures", "gdelt", "gdelt-georgia-2013-04.tsv")

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
        "louvain": lambda: nk.community.PLM(nk.graphtools.toUnweighted(g), refine=False).run(),  # unweighted, as ours and igraph
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


def ba_csv(nodes=1_000_000, per_node=5, seed=7):
    """The Barabasi-Albert graph as a CSV edge list (source,target), generated once by igraph in a
    process of its own (so this one stays small: see run_file_tool)."""
    path = os.path.join(DATA, f"ba-{nodes // 1_000_000}m-{nodes * per_node // 1_000_000}m.csv")
    if os.path.exists(path):
        return path
    os.makedirs(DATA, exist_ok=True)
    program = f"""
import os, random
import igraph as ig
random.seed({seed})
ig.set_random_number_generator(random)
g = ig.Graph.Barabasi({nodes}, {per_node}, directed=False)
with open({path + ".tmp"!r}, "w") as f:
    f.write("source,target\\n")
    f.write("".join(f"{{u}},{{v}}\\n" for u, v in g.get_edgelist()))
os.replace({path + ".tmp"!r}, {path!r})
"""
    subprocess.run([sys.executable, "-c", program], check=True)
    return path


# Each peer's program for the file benchmark: read the CSV, run PageRank, print load and compute
# seconds as JSON. The ids are integers 0..n-1, which both peers' fast paths require.
FILE_PROGRAMS = {
    "networkit": """
import json, sys, time
import networkit as nk
nk.engineering.setNumberOfThreads(int(sys.argv[2]))
t = time.perf_counter()
# The native reader; the header line starts with 's', read as a comment.
g = nk.graphio.EdgeListReader(',', 0, commentPrefix='s', continuous=True, directed=False).read(sys.argv[1])
load = time.perf_counter() - t
t = time.perf_counter()
nk.centrality.PageRank(g, damp=0.85).run()
print(json.dumps({"load": load, "compute": time.perf_counter() - t}))
""",
    "igraph": """
import json, sys, time
import igraph as ig
import numpy as np
t = time.perf_counter()
# igraph reads no CSV with a header: the ids through numpy, as its users do.
data = open(sys.argv[1], "rb").read()
ids = np.array(data[data.index(b"\\n") + 1:].replace(b",", b" ").split(), dtype=np.int64).reshape(-1, 2)
g = ig.Graph(n=int(ids.max()) + 1, edges=ids, directed=False)
load = time.perf_counter() - t
t = time.perf_counter()
g.pagerank(damping=0.85)
print(json.dumps({"load": load, "compute": time.perf_counter() - t}))
""",
}


def run_file_tool(tool, csv, threads):
    """(load s, compute s, total wall s, peak MB) for one tool on the CSV."""
    if tool == "actorgraph":
        argv = [CLI, "centrality", csv, "--measure", "pagerank", "--top", "10", "--time", "--threads", str(threads)]
    else:
        argv = [sys.executable, "-c", FILE_PROGRAMS[tool], csv, str(threads)]
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda s, k: chunks[k].append(s.read()), args=(stream, key))
               for stream, key in ((proc.stdout, "out"), (proc.stderr, "err"))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for r in readers:
        r.join()
    wall = time.perf_counter() - t
    out, err = b"".join(chunks["out"]).decode(), b"".join(chunks["err"]).decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{tool} failed: {err.strip()[-400:]}")
    # Linux counts into a child's peak the resident memory of the process it was forked from,
    # which is why the file benchmark runs first, while this script is small (see its floor).
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    if tool == "actorgraph":
        m = re.search(r"time: read ([0-9.]+) s, build ([0-9.]+) s, compute ([0-9.]+) s", err)
        if not m:
            sys.exit(f"actorgraph printed no --time line: {err[-400:]}")
        load, compute = float(m.group(1)) + float(m.group(2)), float(m.group(3))
    else:
        figures = json.loads(out.strip().splitlines()[-1])
        load, compute = figures["load"], figures["compute"]
    return load, compute, wall, peak


def file_benchmark(peers, repeat):
    """PageRank on BA 1M / 5M from its CSV: load, compute, whole process and peak memory."""
    import resource
    csv = ba_csv()
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = os.path.getsize(csv) / 1e6
    threads = os.cpu_count() or 1
    rows = []
    for tool in ["actorgraph"] + [p for p in peers if p in FILE_PROGRAMS]:
        runs = [run_file_tool(tool, csv, threads) for _ in range(repeat)]
        load, compute, wall, peak = (statistics.median(r[i] for r in runs) for i in range(4))
        rows.append((tool, load, compute, wall, peak, size_mb / load))
    return csv, size_mb, rows, floor


def gdelt_rate(copies):
    out = subprocess.run([BENCH, "gdelt-import", GDELT_SAMPLE, "--copies", str(copies)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ensure_ready(peers):
    """Installs the peers and builds the release binaries when they are missing."""
    missing = []
    for p in peers:
        try:
            __import__(p)
        except ImportError:
            missing.append(p)
    if missing:
        print(f"installing {', '.join(missing)}: scripts/setup.sh --reference", file=sys.stderr, flush=True)
        subprocess.run([os.path.join(ROOT, "scripts", "setup.sh"), "--reference"], check=True, stdin=subprocess.DEVNULL)
    for product, path in (("actorgraph-bench", BENCH), ("actorgraph", CLI)):
        if not os.path.exists(path):
            print(f"building {product} (release)", file=sys.stderr, flush=True)
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True, stdin=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smallest graph per op, fewer repeats")
    parser.add_argument("--only", help="run this op only (or 'file' for the file benchmark, 'gdelt' for the import rate)")
    parser.add_argument("--peers", default="igraph,networkit,networkx")
    parser.add_argument("--write-docs", action="store_true", help="write the tables to docs/benchmarks.md")
    args = parser.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    ensure_ready(peers)
    runners = {"igraph": run_igraph, "networkit": run_networkit, "networkx": run_networkx}
    versions = {p: __import__(p).__version__ for p in peers}
    ours = subprocess.run([CLI, "--version"], capture_output=True, text=True).stdout.strip()
    machine = f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}"
    tools = f"actorgraph {ours}; " + ", ".join(f"{p} {v}" for p, v in versions.items()) + f"; python {sys.version.split()[0]}"
    print(f"machine: {machine}\ntools: {tools}")
    doc = [f"# Benchmarks\n", f"Written by `python3 Benchmarks/peers.py --write-docs` on {datetime.date.today()}.\n",
           f"- machine: {machine}", f"- tools: {tools}", "- ratio = peer time / ActorGraph time (above 1: ActorGraph is faster)\n"]

    if not args.only or args.only == "file":
        repeat = 1 if args.quick else 3
        csv, size_mb, rows, floor = file_benchmark(peers, repeat)
        print(f"\nPageRank from the file: {os.path.basename(csv)} ({size_mb:.0f} MB, BA 1M nodes / 5M edges), median of {repeat}")
        print(f"{'tool':<11} {'load':>8} {'MB/s':>7} {'compute':>8} {'total':>8} {'peak MB':>8} {'total ratio':>11} {'peak ratio':>10}")
        doc += ["", f"## PageRank from a CSV file: BA 1M nodes / 5M edges ({size_mb:.0f} MB), median of {repeat}\n",
                "Each tool in its own process: load (file to graph), compute (PageRank), total (the whole process, "
                "interpreter start included), peak resident memory. Ratios: peer / ActorGraph. networkx is left out "
                "(minutes and gigabytes at this size). Each tool runs with its defaults, which differ: PageRank stops at "
                "a tolerance of its own (ActorGraph at networkx's, 1e-6 summed over the nodes), so compare load and "
                f"memory first. A peak below {floor:.0f} MB would read as {floor:.0f} MB (this script's own size when it "
                "started them, which Linux counts into a child's peak).\n",
                "| tool | load | load MB/s | compute | total | peak memory | total ratio | peak ratio |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        base = rows[0]
        for tool, load, compute, wall, peak, rate in rows:
            print(f"{tool:<11} {load:>7.3f}s {rate:>7.0f} {compute:>7.3f}s {wall:>7.3f}s {peak:>8.0f} {wall / base[3]:>10.2f}x {peak / base[4]:>9.2f}x", flush=True)
            doc.append(f"| {tool} | {load:.3f} s | {rate:.0f} | {compute:.3f} s | {wall:.3f} s | {peak:.0f} MB | {wall / base[3]:.2f}x | {peak / base[4]:.2f}x |")

    selected = [op for op in OPS if not args.only or op == args.only]
    if selected:
        header = f"{'op':<12} {'graph':<13} {'actorgraph':>11}" + "".join(f" {p:>10} {'ratio':>7}" for p in peers)
        print(header)
        print("-" * len(header))
        doc += ["", "## Operations on a graph in memory (median of 3; reading not timed)\n",
                "| op | graph | ActorGraph | " + " | ".join(f"{p} | ratio" for p in peers) + " |",
                "| --- | --- | ---: | " + " | ".join("---: | ---:" for _ in peers) + " |"]
    for op in selected:
        for name in OPS[op][:1] if args.quick else OPS[op]:
            repeat = 1 if args.quick else 3
            path = graph_file(name)
            ours_t = run_actorgraph(op, path, repeat)
            row = f"{op:<12} {name:<13} {ours_t:>10.4f}s"
            cells = [op, name, f"{ours_t:.4f} s"]
            n, edges, weights = read_edges(path)
            for p in peers:
                if (p, op, name) in TOO_SLOW:
                    row += f" {'skipped':>10} {'':>7}"
                    cells += ["skipped", ""]
                    continue
                t = runners[p](op, n, edges, weights, repeat)
                row += f" {t:>9.4f}s {t / ours_t:>6.1f}x"
                cells += [f"{t:.4f} s", f"{t / ours_t:.2f}x"]
            print(row, flush=True)
            doc.append("| " + " | ".join(cells) + " |")

    if not args.only or args.only == "gdelt":
        figures = gdelt_rate(20 if args.quick else 200)
        line = (f"GDELT import: {figures['rows']:,} rows ({os.path.basename(GDELT_SAMPLE)} repeated), "
                f"{figures['rows_per_second']:,.0f} rows/s")
        print("\n" + line, flush=True)
        doc += ["", "## GDELT import (ActorGraph alone)\n", line.replace("GDELT import: ", "- ") + " (`actorgraph-bench gdelt-import`)"]

    # ActorGraph alone, against the targets its issues set (no peer draws diagrams or builds CSR).
    if not args.only or args.only in ("render-dataset", "render-svg", "build"):
        print("\nActorGraph alone, against its targets")
        doc += ["", "## ActorGraph alone, against its targets\n"]
        targets = [("build", graph_file("gnm-100k-1m"), "1,000,000 edges to CSR", 1.0),
                   ("render-dataset", os.path.join(ROOT, "Graphs", "korea-japan-2020.yaml"), "seed dataset to SVG + PNG", 0.5),
                   ("render-svg", graph_file("gnm-2k-6k"), "2,000 nodes / 6,000 edges to SVG, engine auto", 5.0)]
        for op, path, what, limit in targets:
            t = run_actorgraph(op, path, 1 if args.quick else 3)
            line = f"{what:<48} {t:>8.3f}s  (target < {limit} s: {'met' if t < limit else 'MISSED'})"
            print(line, flush=True)
            doc.append(f"- {what}: {t:.3f} s (target < {limit} s: {'met' if t < limit else 'missed'})")

    if args.write_docs:
        path = os.path.join(ROOT, "docs", "benchmarks.md")
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write("\n".join(doc) + "\n")
        os.replace(tmp, path)
        print(f"\nwrote {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
