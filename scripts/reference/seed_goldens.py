#!/usr/bin/env python3
"""Reference values for the CLI goldens of the seed dataset, computed by networkx.

Reads the seed's contact view as ActorGraph exports it (`actorgraph convert
Graphs/korea-japan-2020.yaml --kind meeting --kind cooperation --format node-link`: meetings and
cooperation plus the principal ties, the view every analysis of a dataset runs on) and computes
what networkx knows how to compute on it: the twelve centrality measures with the defaults the
CLI mirrors (`actorgraph centrality --help`), Burt's constraint, effective size and efficiency,
connected components, shortest path lengths and all shortest paths of the golden path pairs, the
three cheapest simple paths, and the modularity of the partition in the communities golden.

Writes Tests/ActorGraphCLITests/Fixtures/seed-reference.json with the tool versions;
GoldenReferenceTests checks the goldens under Tests/ActorGraphCLITests/Goldens/ against it, so a
golden recorded from a wrong program fails. Brokers and their sentences have no reference tool:
those goldens are read against the articles (README, Correctness).

Run from the package root after `swift build` (or set ACTORGRAPH to the binary):

    python3 scripts/reference/seed_goldens.py

Never edit the fixture by hand; re-run this script.
"""
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
import scipy

ROOT = Path(__file__).resolve().parents[2]
SEED = "Graphs/korea-japan-2020.yaml"
OUT = ROOT / "Tests" / "ActorGraphCLITests" / "Fixtures" / "seed-reference.json"
GOLDENS = ROOT / "Tests" / "ActorGraphCLITests" / "Goldens"
# The path pairs of the goldens (GoldenTests.swift).
PAIRS = [("moon-jae-in", "shigeru-kitamura"), ("netflix", "takeo-kawamura")]


def contact_view():
    binary = os.environ.get("ACTORGRAPH", str(ROOT / ".build" / "debug" / "actorgraph"))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "contact.json")
        subprocess.run([binary, "convert", SEED, "--kind", "meeting", "--kind", "cooperation",
                        "--format", "node-link", "-o", out], cwd=ROOT, check=True, capture_output=True)
        with open(out) as f:
            data = json.load(f)
    return nx.node_link_graph(data, edges="edges"), data


def floats(d):
    """A node map with NaN (undefined, e.g. an isolated node's constraint) as null, as the CLI writes it."""
    return {str(k): (None if v != v else float(v)) for k, v in d.items()}


def main():
    G, data = contact_view()
    assert not G.is_directed() and not G.is_multigraph()
    degree = nx.degree_centrality(G)
    centrality = {
        "degree": floats(degree),
        # On an undirected graph in- and out-degree are the degree (networkx's in_degree_centrality
        # refuses undirected graphs; ActorGraph counts each undirected edge both ways).
        "in-degree": floats(degree),
        "out-degree": floats(degree),
        "strength": floats(dict(G.degree(weight="weight"))),
        "betweenness": floats(nx.betweenness_centrality(G)),
        "closeness": floats(nx.closeness_centrality(G)),
        "harmonic": floats(nx.harmonic_centrality(G)),
        "eigenvector": floats(nx.eigenvector_centrality(G, max_iter=100, tol=1e-6)),
        "pagerank": floats(nx.pagerank(G, alpha=0.85)),
        "katz": floats(nx.katz_centrality(G, alpha=0.1, beta=1.0)),
        "clustering": floats(nx.clustering(G)),
        "core": floats(nx.core_number(G)),
    }
    # Examples/strongest-tie-of-broker: betweenness with meeting counts read as strengths and
    # converted to costs 1/count (ActorGraph's --weight weight --weight-as strength).
    for u, v, d in G.edges(data=True):
        d["inverse_cost"] = 1 / d["weight"]
    centrality["betweenness-strength-inverse"] = floats(nx.betweenness_centrality(G, weight="inverse_cost"))
    holes = {
        "constraint": floats(nx.constraint(G)),
        "effective_size": floats(nx.effective_size(G)),
    }
    # networkx has no node efficiency function: Burt's efficiency is effective size / degree
    # (networkx documents it so in effective_size's notes); isolated nodes have none.
    holes["efficiency"] = {n: (None if G.degree(n) == 0 else holes["effective_size"][n] / G.degree(n))
                           for n in holes["effective_size"]}
    components = sorted(sorted(c) for c in nx.connected_components(G))
    paths = {}
    for a, b in PAIRS:
        simple = nx.shortest_simple_paths(G, a, b)
        paths[f"{a} {b}"] = {
            "length": nx.shortest_path_length(G, a, b),
            "all_shortest": sorted(nx.all_shortest_paths(G, a, b)),
            "k3_lengths": [len(next(simple)) - 1 for _ in range(3)],
        }
    with open(GOLDENS / "communities-seed7.json") as f:
        partition = [set(c) for c in json.load(f)["communities"]]
    communities = {
        "partition_of": "Goldens/communities-seed7.json",
        "modularity": nx.community.modularity(G, partition, weight=None),
        "is_partition": nx.community.is_partition(G, partition),
    }
    fixture = {
        "tool": {"networkx": nx.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                 "python": platform.python_version()},
        "graph": {"source": f"actorgraph convert {SEED} --kind meeting --kind cooperation --format node-link",
                  "nodes": G.number_of_nodes(), "edges": G.number_of_edges()},
        "results": {"centrality": centrality, "structural_holes": holes, "components": components,
                    "paths": paths, "communities": communities},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print("wrote", OUT.relative_to(ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
