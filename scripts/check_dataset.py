#!/usr/bin/env python3
"""Check an ActorGraph dataset YAML file against docs/dataset-format.md.

Usage: python3 scripts/check_dataset.py [Graphs/korea-japan-2020.yaml]

Checks: only schema keys; ids unique and well formed; every actor/source reference
resolves; affiliations follow person -> institution|state, institution -> state; dates
parse (YYYY, YYYY-MM, YYYY-MM-DD or START/END with START <= END); every quote occurs
verbatim in its source's file (resolved relative to the repository root); no name or
alias names two actors (case-insensitive, ignoring spaces, hyphens, dots, underscores,
tabs); every event has a citation; source/target both or neither; cameo codes exist and
tone equals the code's Goldstein value. Prints one line per problem and exits 1 if any.
"""
import calendar
import os
import re
import sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAMEO_DIR = os.path.join(os.path.dirname(REPO), "shared", "data", "cameo")

TOP_KEYS = {"title", "description", "sources", "actors", "events"}
SOURCE_KEYS = {"id", "title", "publisher", "date", "url", "file"}
SOURCE_REQ = {"id", "title"}
ACTOR_KEYS = {"id", "name", "kind", "aliases", "affiliation", "description", "roles"}
ACTOR_REQ = {"id", "name", "kind"}
ROLE_KEYS = {"title", "of", "from", "to"}
EVENT_KEYS = {"id", "date", "kind", "subtype", "participants", "source", "target",
              "broker", "tone", "cameo", "summary", "citations"}
EVENT_REQ = {"id", "date", "kind", "participants", "citations"}
CITATION_KEYS = {"source", "quote"}
ACTOR_KINDS = {"person", "institution", "state"}
EVENT_KINDS = {"meeting", "statement", "dispute", "cooperation"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

problems = []


def problem(msg):
    problems.append(msg)


def name_key(name):
    return "".join(c for c in name.lower() if c not in " -._\t")


def parse_single(text):
    """Returns (start, end) as (y, m, d) tuples, or None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return (y, 1, 1), (y, 12, 31)
    mo = int(m.group(2))
    if not 1 <= mo <= 12:
        return None
    last = calendar.monthrange(y, mo)[1]
    if m.group(3) is None:
        return (y, mo, 1), (y, mo, last)
    d = int(m.group(3))
    if not 1 <= d <= last:
        return None
    return (y, mo, d), (y, mo, d)


def parse_date(text):
    if not isinstance(text, str):
        return None
    text = text.strip()
    parts = text.split("/")
    if len(parts) == 1:
        return parse_single(parts[0])
    if len(parts) == 2:
        a, b = parse_single(parts[0]), parse_single(parts[1])
        if a is None or b is None or a[0] > b[1]:
            return None
        return a[0], b[1]
    return None


def check_keys(obj, allowed, required, where):
    if not isinstance(obj, dict):
        problem(f"{where}: expected a mapping")
        return False
    for k in obj:
        if k not in allowed:
            problem(f"{where}: unknown key '{k}'")
    for k in required:
        if k not in obj or obj[k] in (None, ""):
            problem(f"{where}: missing required key '{k}'")
    return True


class TypedLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings (so bad dates are reported, not raised)."""


TypedLoader.add_constructor("tag:yaml.org,2002:timestamp", TypedLoader.construct_yaml_str)


def load_goldstein():
    table = {}
    path = os.path.join(CAMEO_DIR, "CAMEO.goldsteinscale.txt")
    try:
        with open(path, encoding="latin-1") as f:
            next(f)
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    table[parts[0]] = float(parts[1])
    except OSError as e:
        problem(f"cannot read CAMEO Goldstein table {path}: {e}")
    return table


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "Graphs", "korea-japan-2020.yaml")
    try:
        with open(path, encoding="utf-8") as f:
            # BaseLoader keeps every scalar a string, as the Swift reader sees them.
            data = yaml.load(f, Loader=yaml.BaseLoader)
        # Also load with a typing loader to see which scalars YAML would type (cameo codes
        # must be quoted strings so leading zeros survive).
        with open(path, encoding="utf-8") as f:
            typed = yaml.load(f, Loader=TypedLoader)
    except (OSError, yaml.YAMLError) as e:
        print(f"{path}: error: cannot load: {e}")
        return 1
    if not isinstance(data, dict):
        print(f"{path}: error: top level must be a mapping")
        return 1

    check_keys(data, TOP_KEYS, {"sources", "actors", "events"}, "top level")
    goldstein = load_goldstein()

    # Sources
    source_text = {}
    source_ids = set()
    for i, s in enumerate(data.get("sources") or []):
        where = f"sources[{i}]"
        if not check_keys(s, SOURCE_KEYS, SOURCE_REQ, where):
            continue
        sid = s.get("id", "")
        where = f"source '{sid}'"
        if not ID_RE.match(sid):
            problem(f"{where}: id is not lowercase letters, digits and '-'")
        if sid in source_ids:
            problem(f"{where}: duplicate source id")
        source_ids.add(sid)
        if "date" in s and parse_date(s["date"]) is None:
            problem(f"{where}: bad date '{s['date']}'")
        if "file" in s:
            fp = os.path.normpath(os.path.join(REPO, s["file"]))
            try:
                with open(fp, encoding="utf-8") as f:
                    source_text[sid] = f.read()
            except OSError as e:
                problem(f"{where}: cannot read file {fp}: {e}")

    # Actors
    actors = {}
    for i, a in enumerate(data.get("actors") or []):
        where = f"actors[{i}]"
        if not check_keys(a, ACTOR_KEYS, ACTOR_REQ, where):
            continue
        aid = a.get("id", "")
        where = f"actor '{aid}'"
        if not ID_RE.match(aid):
            problem(f"{where}: id is not lowercase letters, digits and '-'")
        if aid in actors:
            problem(f"{where}: duplicate actor id")
        actors[aid] = a
        if a.get("kind") not in ACTOR_KINDS:
            problem(f"{where}: bad kind '{a.get('kind')}'")
        aliases = a.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(x, str) and x for x in aliases):
            problem(f"{where}: aliases must be a list of non-empty strings")
        roles = a.get("roles", [])
        if not isinstance(roles, list):
            problem(f"{where}: roles must be a list")
            roles = []
        for j, r in enumerate(roles):
            rw = f"{where} roles[{j}]"
            if not check_keys(r, ROLE_KEYS, {"title"}, rw):
                continue
            for k in ("from", "to"):
                if k in r and parse_date(r[k]) is None:
                    problem(f"{rw}: bad {k} date '{r[k]}'")
            if "from" in r and "to" in r:
                f_, t_ = parse_date(r["from"]), parse_date(r["to"])
                if f_ and t_ and f_[0] > t_[1]:
                    problem(f"{rw}: ends before it starts")

    names = {}
    for aid, a in actors.items():
        for n in set([a.get("name", "")] + list(a.get("aliases", []) or [])):
            key = name_key(n)
            if not key:
                continue
            other = names.get(key)
            if other is not None and other != aid:
                problem(f"name/alias '{n}' names both '{other}' and '{aid}'")
            names[key] = aid

    for aid, a in actors.items():
        where = f"actor '{aid}'"
        aff = a.get("affiliation")
        kind = a.get("kind")
        if aff is not None:
            if aff not in actors:
                problem(f"{where}: affiliation '{aff}' is not an actor")
            else:
                ak = actors[aff].get("kind")
                if kind == "state":
                    problem(f"{where}: a state has no affiliation")
                elif kind == "institution" and ak != "state":
                    problem(f"{where}: an institution's affiliation must be a state, '{aff}' is {ak}")
                elif kind == "person" and ak not in ("institution", "state"):
                    problem(f"{where}: a person's affiliation must be an institution or state")
        for j, r in enumerate(a.get("roles", []) or []):
            if isinstance(r, dict) and "of" in r and r["of"] not in actors:
                problem(f"{where} roles[{j}]: 'of' names unknown actor '{r['of']}'")

    # Events
    event_ids = set()
    typed_events = (typed or {}).get("events") or []
    for i, e in enumerate(data.get("events") or []):
        where = f"events[{i}]"
        if not check_keys(e, EVENT_KEYS, EVENT_REQ, where):
            continue
        eid = e.get("id", "")
        where = f"event '{eid}'"
        if not ID_RE.match(eid):
            problem(f"{where}: id is not lowercase letters, digits and '-'")
        if eid in event_ids:
            problem(f"{where}: duplicate event id")
        event_ids.add(eid)
        if parse_date(e.get("date")) is None:
            problem(f"{where}: bad date '{e.get('date')}'")
        if e.get("kind") not in EVENT_KINDS:
            problem(f"{where}: bad kind '{e.get('kind')}'")
        parts = e.get("participants")
        if not isinstance(parts, list) or not parts:
            problem(f"{where}: participants must be a non-empty list")
            parts = []
        if len(set(parts)) != len(parts):
            problem(f"{where}: participant listed twice")
        for p in parts:
            if p not in actors:
                problem(f"{where}: participant '{p}' is not an actor")
        for k in ("source", "target", "broker"):
            if k in e and e[k] not in actors:
                problem(f"{where}: {k} '{e[k]}' is not an actor")
        if ("source" in e) != ("target" in e):
            problem(f"{where}: source and target must be given together")
        if "source" in e and e.get("source") == e.get("target"):
            problem(f"{where}: source and target are the same actor")
        if "tone" in e:
            try:
                tone = float(e["tone"])
                if not -10 <= tone <= 10:
                    problem(f"{where}: tone {tone} outside -10..10")
            except ValueError:
                problem(f"{where}: tone '{e['tone']}' is not a number")
                tone = None
        else:
            tone = None
        if "cameo" in e:
            code = e["cameo"]
            raw = typed_events[i].get("cameo") if i < len(typed_events) else None
            if not isinstance(raw, str):
                problem(f"{where}: cameo must be a quoted string, got {raw!r}")
            if code not in goldstein:
                problem(f"{where}: unknown CAMEO code '{code}'")
            elif tone is not None and abs(goldstein[code] - tone) > 1e-9:
                problem(f"{where}: tone {tone} differs from Goldstein {goldstein[code]} for {code}")
        cits = e.get("citations")
        if not isinstance(cits, list) or not cits:
            problem(f"{where}: needs at least one citation")
            cits = []
        for j, c in enumerate(cits):
            cw = f"{where} citations[{j}]"
            if not check_keys(c, CITATION_KEYS, CITATION_KEYS, cw):
                continue
            src = c.get("source")
            if src not in source_ids:
                problem(f"{cw}: unknown source '{src}'")
                continue
            text = source_text.get(src)
            if text is None:
                problem(f"{cw}: source '{src}' has no readable file to check the quote")
                continue
            q = c.get("quote", "")
            if "\n" in q:
                problem(f"{cw}: quote spans lines")
            if q not in text:
                problem(f"{cw}: quote not found verbatim in {src}: {q!r}")

    for p in problems:
        print(f"{os.path.relpath(path)}: error: {p}")
    counts = {}
    for a in actors.values():
        counts[a.get("kind")] = counts.get(a.get("kind"), 0) + 1
    ecounts = {}
    for e in data.get("events") or []:
        ecounts[e.get("kind")] = ecounts.get(e.get("kind"), 0) + 1
    print(f"sources: {len(source_ids)}; actors: {len(actors)} {dict(sorted(counts.items()))}; "
          f"events: {len(event_ids)} {dict(sorted(ecounts.items()))}")
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
