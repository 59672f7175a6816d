#!/usr/bin/env python3
"""Adversarial shapes through the actorgraph CLI: time and peak memory of whole commands on inputs
built to provoke super-linear work (a many-party event, a hub meeting many actors one by one, a
clique, a long chain, many parallel events between two actors).

    swift build -c release --product actorgraph
    python3 Benchmarks/adversarial.py [--bin PATH] [--quick] [--timeout S] [--memory-gb G]

Every shape is generated here as a dataset (YAML), seeded and deterministic, in
Benchmarks/.data/adversarial/. Each command runs once under /usr/bin/time -v with a time limit and
an address-space cap (ulimit -v), so a blow-up shows as "timeout" or "out of memory" instead of
taking the machine down. Prints a Markdown table: shape, size, command, exit, wall seconds, CPU
seconds (user + system: the fair figure on a loaded machine), peak MB.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, ".data", "adversarial")


def dataset(path, actors, events):
    """Writes a dataset: actors as ids, events as (date, [participants])."""
    if os.path.exists(path):
        return path
    with open(path + ".tmp", "w") as f:
        f.write("sources: [{id: s, title: Generated}]\nactors:\n")
        for a in actors:
            f.write(f"  - {{id: {a}, name: {a}, kind: person}}\n")
        f.write("events:\n")
        for i, (date, parties) in enumerate(events):
            f.write(f"  - {{id: e{i}, date: {date}, kind: meeting, participants: [{', '.join(parties)}], "
                    f"citations: [{{source: s, quote: q}}]}}\n")
    os.replace(path + ".tmp", path)
    return path


def day(i):
    """The i-th day from 2000-01-01 (as YYYY-MM-DD), without datetime's locale concerns."""
    import datetime
    return (datetime.date(2000, 1, 1) + datetime.timedelta(days=i)).isoformat()


def shapes(quick):
    os.makedirs(DATA, exist_ok=True)
    out = []
    for p in ([1000] if quick else [1000, 3000, 20000]):
        actors = [f"a{i}" for i in range(p)]
        out.append(("many-party event", f"{p} parties", dataset(f"{DATA}/party-{p}.yaml", actors, [(day(0), actors)]),
                    ["centrality --measure degree --top 3", "edges --format json", "brokers"]))
    for n in ([400] if quick else [400, 800, 3000]):
        actors = ["hub"] + [f"a{i}" for i in range(n)]
        events = [(day(i), ["hub", f"a{i}"]) for i in range(n)]
        out.append(("hub, one contact a day", f"{n} contacts", dataset(f"{DATA}/hub-{n}.yaml", actors, events),
                    ["brokers", "brokers --candidates", "centrality --measure betweenness --top 3"]))
    for k in ([100] if quick else [100, 300]):
        actors = [f"a{i}" for i in range(k)]
        events = [(day(i * k + j), [actors[i], actors[j]]) for i in range(k) for j in range(i + 1, k)]
        out.append(("clique, pairwise meetings", f"{k} actors", dataset(f"{DATA}/clique-{k}.yaml", actors, events),
                    ["brokers", "centrality --measure betweenness --top 3", "communities --format csv"]))
    for n in ([2000] if quick else [2000, 20000]):
        actors = [f"a{i}" for i in range(n)]
        events = [(day(i), [actors[i], actors[i + 1]]) for i in range(n - 1)]
        out.append(("chain", f"{n} actors", dataset(f"{DATA}/chain-{n}.yaml", actors, events),
                    ["brokers", f"path a0 a{n - 1}", "centrality --measure closeness --top 3"]))
    for e in ([10000] if quick else [10000, 100000]):
        events = [(day(i % 7000), ["a", "b"]) for i in range(e)]
        out.append(("parallel events, one pair", f"{e} events", dataset(f"{DATA}/parallel-{e}.yaml", ["a", "b", "c"], events + [(day(7001), ["b", "c"])]),
                    ["brokers", "edges --format json", "render -o OUT.svg"]))
    return out


def run(binary, command, path, timeout, memory_gb):
    words = command.split()
    args = [binary, words[0], path] + words[1:]
    if words[0] == "render":
        args = [binary, "render", path, "-o", os.path.join(DATA, "out.svg")]
    limit = int(memory_gb * 1024 * 1024)
    shell = f"ulimit -v {limit}; exec /usr/bin/time -v " + " ".join(f"'{a}'" for a in args) + " > /dev/null"
    try:
        p = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", f">{timeout}", "-", "-"
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    cpu = f"{float(user.group(1)) + float(system.group(1)):.2f}" if user and system else "-"
    seconds = "-"
    if wall:
        h, m, s = wall.groups()
        seconds = f"{(int(h or 0) * 3600 + int(m) * 60 + float(s)):.2f}"
    status = re.search(r"Exit status: (\d+)", p.stderr)
    code = status.group(1) if status else str(p.returncode)
    if "failed to allocate" in p.stderr or "Cannot allocate" in p.stderr:
        code += " (out of memory)"
    return code, seconds, cpu, f"{int(rss.group(1)) / 1024:.0f}" if rss else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "actorgraph"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--memory-gb", type=float, default=6)
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"no actorgraph binary at {args.bin}: swift build -c release --product actorgraph")
    print("| shape | size | command | exit | seconds | CPU s | peak MB |")
    print("|---|---|---|---|---|---|---|")
    for shape, size, path, commands in shapes(args.quick):
        for command in commands:
            code, seconds, cpu, peak = run(args.bin, command, path, args.timeout, args.memory_gb)
            print(f"| {shape} | {size} | `{command}` | {code} | {seconds} | {cpu} | {peak} |", flush=True)


if __name__ == "__main__":
    main()
