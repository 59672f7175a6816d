#!/usr/bin/env python3
"""Writes the GraphML and CSV fixtures of ActorGraphIOTests, and what networkx reads from each.

Run from the repository root:  python3 scripts/reference/make_io_fixtures.py

For every fixture file F this writes F itself (GraphML by ``nx.write_graphml``, except yed.graphml,
a yEd-style file kept below as text; CSV by Python's ``csv`` module) and ``F.json``: what networkx reports after reading F back (``nx.read_graphml`` for
GraphML; for CSV the rows through ``csv.DictReader`` into a networkx multigraph, numbers converted
the way the Swift reader documents). The Swift tests compare their reading with these JSON files,
never with hand-typed numbers.

JSON shape:
  {"tool": {"networkx": "3.6.1", "python": "3.11.7"}, "file": "karate.graphml",
   "directed": false, "multigraph": false, "node_count": 34, "edge_count": 78,
   "nodes": ["0", "1", ...],                  # networkx's node order
   "node_attributes": {"0": {"club": "Mr. Hi"}, ...},
   "edges": [{"source": "0", "target": "1", "data": {"weight": 4}}, ...],
   "column_sums": {"weight": 231.0},          # sum over edges of each numeric edge attribute, nan skipped
   "node_default": {...}, "edge_default": {...},   # GraphML <default> values as networkx reads them
   "graph": {"name": "..."}}                  # graph-level data
Non-finite floats are written as the strings "nan", "inf", "-inf" (JSON has no such numbers).
"""
import csv
import json
import math
import os
import platform
import random

import networkx as nx

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FIXTURES = os.path.join(ROOT, "Tests", "ActorGraphIOTests", "Fixtures")
GRAPHML_DIR = os.path.join(FIXTURES, "graphml")
CSV_DIR = os.path.join(FIXTURES, "csv")
TOOL = {"networkx": nx.__version__, "python": platform.python_version()}


def jsonable(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def describe(G, file_name):
    """What networkx reports about the graph it read."""
    edges = []
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            data = {name: jsonable(x) for name, x in d.items()}
            # read_graphml turns a multigraph edge's GraphML id into its key.
            data.setdefault("id", str(k))
            edges.append({"source": str(u), "target": str(v), "data": data})
    else:
        for u, v, d in G.edges(data=True):
            edges.append({"source": str(u), "target": str(v),
                          "data": {name: jsonable(x) for name, x in d.items()}})
    sums = {}  # over the values networkx read (not their JSON forms), nan skipped
    for d in (d for *_, d in G.edges(data=True)):
        for name, x in d.items():
            if isinstance(x, (bool, int, float)) and not (isinstance(x, float) and math.isnan(x)):
                sums[name] = sums.get(name, 0.0) + float(x)
    return {
        "tool": TOOL,
        "file": file_name,
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "node_count": G.number_of_nodes(),
        "edge_count": G.number_of_edges(),
        "nodes": [str(n) for n in G.nodes()],
        "node_attributes": {str(n): {k: jsonable(x) for k, x in d.items()} for n, d in G.nodes(data=True) if d},
        "edges": edges,
        "column_sums": {k: jsonable(v) for k, v in sums.items()},
        "node_default": {k: jsonable(v) for k, v in G.graph.get("node_default", {}).items()},
        "edge_default": {k: jsonable(v) for k, v in G.graph.get("edge_default", {}).items()},
        "graph": {k: jsonable(v) for k, v in G.graph.items() if k not in ("node_default", "edge_default")},
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False, sort_keys=False)
        f.write("\n")


def graphml_fixture(G, name):
    path = os.path.join(GRAPHML_DIR, name + ".graphml")
    nx.write_graphml(G, path)
    H = nx.read_graphml(path)
    write_json(path + ".json", describe(H, name + ".graphml"))


# ---- graphs -----------------------------------------------------------------------------------

def karate():
    return nx.karate_club_graph()


def florentine():
    return nx.florentine_families_graph()


def multi_directed():
    """A directed multigraph: parallel edges with int and float weights, a self-loop, labels."""
    G = nx.MultiDiGraph(name="parallel arcs")
    G.add_edge("Seoul", "Tokyo", weight=3, label="summit")
    G.add_edge("Seoul", "Tokyo", weight=1.5, label="call")
    G.add_edge("Tokyo", "Seoul", weight=2)
    G.add_edge("Tokyo", "Tokyo", weight=4, label="self")
    G.add_edge("Beijing", "Seoul", weight=0.25)
    G.add_node("Pyongyang", region="north")
    return G


def typed():
    """Attributes of every GraphML type, defaults, non-finite floats and characters XML escapes."""
    G = nx.Graph(name="typed")
    G.graph["node_default"] = {"color": "red", "size": 1}
    G.graph["edge_default"] = {"capacity": 1.0}
    G.add_node("a", count=7, score=2.5, active=True, note="x < y & \"z\"", color="blue")
    G.add_node("b", count=-3, score=-0.125, active=False, size=3)
    G.add_node("c")
    G.add_node("모", note="유니코드 ü")
    G.add_edge("a", "b", hops=5, share=0.5, secret=False, kind="alliance", capacity=2.0)
    G.add_edge("b", "c", hops=2, share=float("nan"), secret=True, kind="trade")
    G.add_edge("c", "c", share=float("inf"), kind="self <loop>")
    G.add_edge("a", "모", hops=9, kind="  spaced  ")
    return G


def random_weighted(n=60, m=240, seed=7):
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed, directed=True)
    for u, v in G.edges():
        G[u][v]["weight"] = rng.randint(1, 20)
        G[u][v]["tone"] = round(rng.uniform(-1, 1), 3)
    return G

# A file as yEd writes it (abridged by hand from yEd 3.x output): keys with yfiles.type, graphics
# in the y: namespace, labels inside y:NodeLabel/y:EdgeLabel, CDATA, a comment, graphml-level data.
YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0"/>
    <node id="n0">
      <data key="d5"><![CDATA[Head of state & party leader]]></data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="100.0" y="200.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:NodeLabel alignment="center" fontSize="12" visible="true" xml:space="preserve">Moon Jae-in<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1">
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="300.0" y="200.0"/>
          <y:NodeLabel>Yoshihide Suga</y:NodeLabel>
          <y:Shape type="ellipse"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n2">
      <data key="d4">https://example.org/x</data>
    </node>
    <edge id="e0" source="n0" target="n1">
      <data key="d9">summit</data>
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:EdgeLabel alignment="center" distance="2.0">met twice</y:EdgeLabel>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e1" source="n1" target="n2"/>
  </graph>
  <data key="d7">
    <y:Resources/>
  </data>
</graphml>
"""


def yed_fixture():
    path = os.path.join(GRAPHML_DIR, "yed.graphml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(YED)
    write_json(path + ".json", describe(nx.read_graphml(path), "yed.graphml"))


# ---- CSV --------------------------------------------------------------------------------------

def csv_fixture(name, header, rows, directed, encoding="utf-8", lineterminator="\r\n"):
    """Writes rows with csv.writer (RFC 4180 quoting) and what networkx builds from reading them."""
    path = os.path.join(CSV_DIR, name + ".csv")
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator=lineterminator)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    with open(path, encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f))
    source = next(h for h in header if h.lower() in ("source", "from"))
    target = next(h for h in header if h.lower() in ("target", "to"))
    others = [h for h in header if h not in (source, target)]

    def number(text):
        try:
            return float(text.strip())
        except ValueError:
            return None

    numeric = {h for h in others if all(number(r[h]) is not None for r in records if r[h] != "")}
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    for r in records:
        data = {}
        for h in others:
            if r[h] == "":
                continue
            data[h] = number(r[h]) if h in numeric else r[h]
        G.add_edge(r[source], r[target], **data)
    d = describe(G, name + ".csv")
    for e in d["edges"]:
        e["data"].pop("id", None)  # CSV edges have no ids; the keys above are networkx's own
    d["numeric_columns"] = sorted(numeric)
    d["text_columns"] = sorted(set(others) - numeric)
    write_json(path + ".json", d)


def main():
    os.makedirs(GRAPHML_DIR, exist_ok=True)
    os.makedirs(CSV_DIR, exist_ok=True)
    graphml_fixture(karate(), "karate")
    graphml_fixture(florentine(), "florentine")
    graphml_fixture(multi_directed(), "multidigraph")
    graphml_fixture(typed(), "typed")
    graphml_fixture(random_weighted(), "random_directed")
    yed_fixture()

    K = karate()
    csv_fixture("karate", ["source", "target", "weight"],
                [[u, v, d["weight"]] for u, v, d in K.edges(data=True)], directed=False)
    M = multi_directed()
    csv_fixture("multidigraph", ["From", "To", "weight", "label"],
                [[u, v, d["weight"], d.get("label", "")] for u, v, d in M.edges(data=True)], directed=True)
    # Quoting: commas, doubled quotes, a newline inside quotes, non-ASCII; UTF-8 BOM; CRLF.
    tricky = [
        ["Smith, John", "O'Brien \"Bull\"", 1, "met, twice"],
        ["Line\nBreak", "Smith, John", 2.5, ""],
        ["서울", "Tōkyō", "", "summit"],
        ["Smith, John", "Smith, John", -4, "self"],
        ["a", "b", 1e-3, "\"quoted\""],
    ]
    csv_fixture("tricky", ["Source", "Target", "weight", "note"], tricky, directed=False, encoding="utf-8-sig")
    # Unix line endings, a text column that looks numeric except for one value.
    mixed = [["x", "y", "1", "10"], ["y", "z", "2", "n/a"], ["z", "x", "3", "30"]]
    csv_fixture("mixed", ["source", "target", "rank", "code"], mixed, directed=False, lineterminator="\n")


if __name__ == "__main__":
    main()
