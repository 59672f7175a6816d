#!/usr/bin/env python3
"""networkx interop fixtures for ActorGraph's file formats, both ways.

Run from the repository root after `swift build`:  python3 scripts/reference/formats_interop.py

1. ActorGraph -> networkx. For each view of the seed dataset in VIEWS, the built `actorgraph convert`
   writes GraphML, GEXF 1.3, node-link JSON (edges and links) and CSV into
   Tests/ActorGraphIOTests/Fixtures/interop/ (as seed-VIEW.*). networkx reads each file back
   (read_graphml, read_gexf, node_link_graph, and pandas-free csv.DictReader for CSV) and this script
   stores what it read as seed-VIEW.FORMAT.nx.json: nodes with attributes, edges with data (GEXF
   spells as [start, end] pairs), directed/multigraph. The GEXF file is also validated with
   `xmllint --noout --schema scripts/reference/gexf-1.3/gexf.xsd` and the result recorded.
   The Swift tests compare these readings with ActorGraph's own graph of the same view, and check
   that the writers still write the stored files byte for byte. networkx also writes back what it
   read from the GraphML and node-link files (seed-VIEW.nx.graphml with write_graphml,
   seed-VIEW.nx-node-link.json with node_link_data), and the Swift tests read those: round trips
   through networkx both ways.
2. networkx -> ActorGraph. A small multigraph with typed attributes, integer node ids, parallel
   edges, a self-loop and event lists is written by networkx 3.6 as node-link JSON twice
   (edges="edges", the 3.6 default, and edges="links", the 3.4/3.5 key) and described in
   nx-multi.expected.json; the Swift tests read both files and compare.

Every JSON written records the tool versions.
"""
import csv
import json
import math
import os
import platform
import subprocess
import sys

import networkx as nx

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "ActorGraphIOTests", "Fixtures", "interop")
XSD = os.path.join(ROOT, "scripts", "reference", "gexf-1.3", "gexf.xsd")
BINARY = os.path.join(ROOT, ".build", "debug", "actorgraph")
SEED = os.path.join(ROOT, "Graphs", "korea-japan-2020.yaml")


def xmllint_version():
    try:
        r = subprocess.run(["xmllint", "--version"], capture_output=True, text=True)
        return (r.stderr or r.stdout).splitlines()[0].strip()
    except FileNotFoundError:
        return None


TOOL = {"networkx": nx.__version__, "python": platform.python_version(), "xmllint": xmllint_version()}
# View name -> extra `convert` options (the options of `edges`).
VIEWS = {"all": [], "layers": ["--layers"]}


def plain(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def describe(G, file_name, extra=None):
    edges = []
    if G.is_multigraph():
        items = ((u, v, d) for u, v, _k, d in G.edges(keys=True, data=True))
    else:
        items = G.edges(data=True)
    for u, v, d in items:
        edges.append({"source": str(u), "target": str(v), "data": plain(dict(d))})
    result = {
        "tool": TOOL,
        "file": file_name,
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "node_count": G.number_of_nodes(),
        "edge_count": G.number_of_edges(),
        "nodes": {str(n): plain(dict(d)) for n, d in G.nodes(data=True)},
        "edges": edges,
    }
    result.update(extra or {})
    return result


def dump(obj, name):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def convert(view, options, file_name, *more):
    path = os.path.join(OUT, file_name)
    subprocess.run([BINARY, "convert", SEED, "-o", path, *options, *more], check=True, capture_output=True)
    return path


def actorgraph_to_networkx():
    for view, options in VIEWS.items():
        stem = f"seed-{view}"
        p = convert(view, options, stem + ".graphml")
        G = nx.read_graphml(p)
        dump(describe(G, stem + ".graphml"), stem + ".graphml.nx.json")
        # And back: networkx writes what it read, for ActorGraph to read.
        nx.write_graphml(G, os.path.join(OUT, stem + ".nx.graphml"))

        p = convert(view, options, stem + ".gexf")
        lint = subprocess.run(["xmllint", "--noout", "--schema", XSD, p], capture_output=True, text=True)
        G = nx.read_gexf(p, version="1.3")
        dump(describe(G, stem + ".gexf", {"xsd_valid": lint.returncode == 0,
                                          "xmllint_message": lint.stderr.strip().replace(OUT + os.sep, ""),
                                          "graph": plain({k: v for k, v in G.graph.items()
                                                          if k not in ("node_default", "edge_default")})}),
             stem + ".gexf.nx.json")

        p = convert(view, options, stem + ".json", "--format", "node-link")
        with open(p, encoding="utf-8") as f:
            G = nx.node_link_graph(json.load(f), edges="edges")
        dump(describe(G, stem + ".json"), stem + ".json.nx.json")
        with open(os.path.join(OUT, stem + ".nx-node-link.json"), "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(G, edges="edges"), f, indent=1, ensure_ascii=False)
            f.write("\n")

        p = convert(view, options, stem + ".links.json", "--format", "node-link", "--edges-key", "links")
        with open(p, encoding="utf-8") as f:
            G = nx.node_link_graph(json.load(f), edges="links")
        dump(describe(G, stem + ".links.json"), stem + ".links.json.nx.json")

        p = convert(view, options, stem + ".csv")
        # CSV: the node table and edge list read with csv.DictReader into a MultiGraph, numbers
        # converted where every value of a column is a number (the reader's documented rule).
        G = nx.MultiGraph()
        with open(p[:-4] + ".nodes.csv", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                G.add_node(row.pop("id"), **{k: v for k, v in row.items() if v != ""})
        with open(p, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                u, v = row.pop("source"), row.pop("target")
                data = {}
                for k, x in row.items():
                    if x == "":
                        continue
                    if k == "events":
                        data[k] = x.split(";")
                    else:
                        try:
                            data[k] = float(x)
                        except ValueError:
                            data[k] = x
                G.add_edge(u, v, **data)
        dump(describe(G, stem + ".csv"), stem + ".csv.nx.json")


def networkx_to_actorgraph():
    G = nx.MultiGraph()
    G.add_node(0, name="Zero", kind="person", rank=1, score=0.5, active=True)
    G.add_node(1, name="-One", kind="state", rank=2, score=1.25, active=False)
    G.add_node("two", name="Two, with a comma", kind="institution")
    G.add_node("lonely")
    G.add_edge(0, 1, weight=3, tone=-2.5, note="=SUM(A1)", events=["e1", "e2", "e3"])
    G.add_edge(0, 1, weight=1, tone=4.0, events=["e4"])
    G.add_edge(1, "two", weight=2.5, layer="dispute", events=["e5"])
    G.add_edge("two", "two", weight=1, events=["e6"])
    for key in ("edges", "links"):
        data = nx.node_link_data(G, edges=key)
        with open(os.path.join(OUT, f"nx-multi.{key}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
    dump(describe(G, "nx-multi.*.json"), "nx-multi.expected.json")


if __name__ == "__main__":
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build (needs .build/debug/actorgraph)")
    os.makedirs(OUT, exist_ok=True)
    actorgraph_to_networkx()
    networkx_to_actorgraph()
    print("wrote fixtures to", OUT, "with", TOOL)
