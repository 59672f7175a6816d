#!/usr/bin/env python3
"""Independent counts of GDELT event files, for the importer's tests: reads the raw tab-separated
columns with Python's csv module (not the Swift code) and writes, per file, the rows, the events
per kind (by EventRootCode: 04 meeting; 01, 02, 03, 05 statement; 06-09 cooperation; 10-20
dispute, GDELT's QuadClass families), the events per QuadClass, the events with one actor, and
the sorted distinct actor codes (Actor1Code and Actor2Code, empty ones left out).

Usage: scripts/reference/gdelt_counts.py FILE... > Tests/ActorGraphIOTests/Fixtures/gdelt/gdelt-georgia-counts.json
"""
import csv
import json
import os
import sys

csv.field_size_limit(1 << 24)


def kind(root):
    r = int(root)
    if r == 4:
        return "meeting"
    if r in (1, 2, 3, 5):
        return "statement"
    if 6 <= r <= 9:
        return "cooperation"
    return "dispute"


def counts(path):
    kinds, quads, codes = {}, {}, set()
    rows = one_actor = 0
    with open(path, newline="", encoding="utf-8") as f:
        for fields in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not fields:
                continue
            rows += 1
            assert len(fields) in (57, 58, 61), (path, rows, len(fields))
            a1, a2 = fields[5], fields[15]
            k = kind(fields[28])
            kinds[k] = kinds.get(k, 0) + 1
            quads[fields[29]] = quads.get(fields[29], 0) + 1
            codes.update(c for c in (a1, a2) if c)
            if bool(a1) != bool(a2) or (a1 and a1 == a2):
                one_actor += 1
    return {"rows": rows, "kinds": kinds, "quadClasses": quads, "oneActorEvents": one_actor,
            "actorCodes": sorted(codes)}


if __name__ == "__main__":
    out = {os.path.basename(p): counts(p) for p in sys.argv[1:]}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
