#!/usr/bin/env python3
"""Helpers for scripts/mutation.sh: copy the tree, apply one mutant, check snippets.

  tree.py sync REPO DEST        copy REPO's files (tracked and untracked, not ignored) to DEST,
                                rewriting only files whose bytes differ (so DEST/.build stays
                                incremental) and deleting files REPO no longer has.
  tree.py apply FILE OLD NEW    replace OLD by NEW in FILE; exit 3 unless OLD occurs exactly once.
  tree.py count FILE OLD        print how often OLD occurs in FILE.

Snippets come from scripts/mutation/mutants.tsv, where \\t, \\n and \\\\ are escapes.
"""
import os
import shutil
import subprocess
import sys


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "tn\\":
            out.append({"t": "\t", "n": "\n", "\\": "\\"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def sync(repo, dest):
    listed = subprocess.run(["git", "-C", repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            check=True, capture_output=True).stdout.split(b"\0")
    wanted = set()
    changed = 0
    for raw in listed:
        if not raw:
            continue
        rel = raw.decode()
        src = os.path.join(repo, rel)
        if not os.path.isfile(src) or os.path.islink(src):
            continue
        wanted.add(rel)
        dst = os.path.join(dest, rel)
        with open(src, "rb") as f:
            data = f.read()
        try:
            with open(dst, "rb") as f:
                if f.read() == data:
                    continue
        except FileNotFoundError:
            pass
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        shutil.copymode(src, dst)
        changed += 1
    removed = 0
    for top in ("Sources", "Tests", "Examples", "Benchmarks", "Graphs", "scripts", "docs"):
        for root, dirs, files in os.walk(os.path.join(dest, top)):
            dirs[:] = [d for d in dirs if d != ".build"]
            for name in files:
                rel = os.path.relpath(os.path.join(root, name), dest)
                if rel not in wanted:
                    os.remove(os.path.join(root, name))
                    removed += 1
    print(f"synced: {changed} files rewritten, {removed} removed")


def main(argv):
    if argv[1] == "sync":
        sync(argv[2], argv[3])
        return 0
    path = argv[2]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    old = unescape(argv[3])
    if argv[1] == "count":
        print(text.count(old))
        return 0
    if argv[1] == "apply":
        if text.count(old) != 1:
            return 3
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, unescape(argv[4]), 1))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
