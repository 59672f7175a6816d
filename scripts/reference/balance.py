#!/usr/bin/env python3
"""Reference fixtures for structural balance (Cartwright & Harary 1956) by brute force.

Usage (from the repository root):
    python3 scripts/reference/balance.py

No graph library has signed balance, so this script is the reference: an independent, deliberately
naive implementation that tests every triple of nodes (O(n^3)), written from the definition in
docs and DocC, not from the Swift code.

Writes to Tests/ActorGraphAnalysisTests/Fixtures/:
- balance-random-*.json: seeded random signed graphs in the ReferenceFixture shape (edges carry a
  numeric `sign` column: a signed value, 0 for neutral; some pairs have parallel edges or arcs both
  ways, whose values add up). results = counts by number of negative sides, the triangles with a
  neutral side, the balanced share, and the unbalanced triangles as sorted node triples.
- balance-seed.json: the seed dataset (Graphs/korea-japan-2020.yaml, read with PyYAML) in the
  signed view: every event kind; an undirected event signs every pair of its participants (events
  of more than 10 parties form no pairs: co-attendance), a directed event (source and target) only
  its source-target pair, an envoy event also its principal-envoy pair; a pair's value is the mean (and, separately, the sum) of the tones of
  the events that sign it; sign = sign of the value, 0 neutral. results per rule: counts, share,
  unbalanced triangles with the event ids of each side.
"""

import itertools
import json
import random
import sys

import yaml

OUT = "Tests/ActorGraphAnalysisTests/Fixtures"
MAX_PARTIES = 10


def sign(v):
    return 0 if v is None or v == 0 else (1 if v > 0 else -1)


def brute_force(nodes, pair_value):
    """pair_value: {frozenset({a, b}): value or None}. Every triple, in sorted node order."""
    by_neg = [0, 0, 0, 0]
    neutral_side = 0
    unbalanced = []
    for a, b, c in itertools.combinations(sorted(nodes), 3):
        sides = [frozenset((a, b)), frozenset((a, c)), frozenset((b, c))]
        if not all(s in pair_value for s in sides):
            continue
        signs = [sign(pair_value[s]) for s in sides]
        if 0 in signs:
            neutral_side += 1
            continue
        negatives = signs.count(-1)
        by_neg[negatives] += 1
        if negatives % 2 == 1:
            unbalanced.append([a, b, c])
    total = sum(by_neg)
    share = (by_neg[0] + by_neg[2]) / total if total else None
    return {"by_negatives": by_neg, "with_neutral_side": neutral_side, "balanced_share": share,
            "unbalanced": unbalanced}


def random_fixture(name, n, p, seed):
    rng = random.Random(seed)
    nodes = [f"v{i:02d}" for i in range(n)]
    edges = []
    for a, b in itertools.combinations(nodes, 2):
        if rng.random() < p:
            value = rng.choice([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 4.0])
            src, dst = (a, b) if rng.random() < 0.5 else (b, a)
            edges.append({"source": src, "target": dst, "sign": value})
            if rng.random() < 0.15:  # a second edge between the pair: values add up
                edges.append({"source": dst, "target": src, "sign": rng.choice([-2.0, 1.0, 3.0])})
    pair_value = {}
    for e in edges:
        key = frozenset((e["source"], e["target"]))
        pair_value[key] = pair_value.get(key, 0.0) + e["sign"]
    return {
        "tool": {"python": sys.version.split()[0], "method": "brute force over all node triples"},
        "description": f"random signed graph G({n}, {p}), seed {seed}; sign values from -3 to 4, 0 neutral; "
                       "15% of pairs with a second edge (values add)",
        "graph": {"name": name, "directed": False, "nodes": nodes, "edges": edges, "node_attributes": {}},
        "results": brute_force(nodes, pair_value),
    }


def seed_fixture(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    events = data["events"]
    signing = {}  # pair -> [(event id, tone)]
    pairs = set()
    for e in events:
        parties = list(dict.fromkeys(e["participants"]))
        if len(parties) > MAX_PARTIES:
            continue
        directed = "source" in e and "target" in e
        # An envoy event (a broker acting for a principal) also ties principal and envoy, carrying
        # the event, as the projection's principal ties do (docs/dataset-format.md).
        if e.get("principal") and e.get("broker") and e["principal"] != e["broker"]:
            key = frozenset((e["principal"], e["broker"]))
            pairs.add(key)
            if e.get("tone") is not None and not directed:
                signing.setdefault(key, []).append((e["id"], float(e["tone"])))
        for a, b in itertools.combinations(parties, 2):
            if a == b:
                continue
            key = frozenset((a, b))
            pairs.add(key)
            if e.get("tone") is None:
                continue
            if directed and key != frozenset((e["source"], e["target"])):
                continue
            signing.setdefault(key, []).append((e["id"], float(e["tone"])))
    nodes = sorted({a for p in pairs for a in p})
    results = {}
    for rule in ("mean", "sum"):
        value = {}
        for key in pairs:
            tones = [t for _, t in signing.get(key, [])]
            value[key] = None if not tones else (sum(tones) / len(tones) if rule == "mean" else sum(tones))
        r = brute_force(nodes, value)
        r["unbalanced_sides"] = [
            [sorted(ev for ev, _ in signing.get(frozenset(s), [])) for s in ((a, b), (a, c), (b, c))]
            for a, b, c in r["unbalanced"]]
        r["pairs"] = {"positive": sum(1 for v in value.values() if sign(v) > 0),
                      "negative": sum(1 for v in value.values() if sign(v) < 0),
                      "neutral": sum(1 for v in value.values() if sign(v) == 0)}
        results[rule] = r
    return {
        "tool": {"python": sys.version.split()[0], "pyyaml": yaml.__version__,
                 "method": "brute force over all node triples of the seed's signed view"},
        "description": "Graphs/korea-japan-2020.yaml, all event kinds, no roll-up, principal-envoy ties carrying "
                       "the envoy's events",
        # The graph is the dataset's projection, built by the test itself; none is stored here.
        "graph": {"name": "korea-japan-2020", "directed": False, "nodes": [], "edges": [], "node_attributes": {}},
        "results": results,
    }


def main():
    for name, n, p, seed in [("balance-random-sparse", 40, 0.15, 7), ("balance-random-dense", 18, 0.6, 11)]:
        with open(f"{OUT}/{name}.json", "w") as f:
            json.dump(random_fixture(name, n, p, seed), f, indent=1, sort_keys=True)
            f.write("\n")
    with open(f"{OUT}/balance-seed.json", "w") as f:
        json.dump(seed_fixture("Graphs/korea-japan-2020.yaml"), f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
