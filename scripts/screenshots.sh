#!/usr/bin/env bash
# Refreshes docs/page.png, the picture of the explorer page the README shows: runs the browser
# tests (Tests/browser/test_page.py), which take their screenshots at 1280 x 800 into a temporary
# folder, and copies the one with a tie chosen (its events, sources and quotes in the side panel).
# Needs `scripts/setup.sh --browser`; uses ACTORGRAPH_BIN, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${ACTORGRAPH_BIN:-}" ]]; then
  swift build -c release --product actorgraph
  export ACTORGRAPH_BIN="$PWD/.build/release/actorgraph"
fi
shots=$(mktemp -d /tmp/actorgraph-screenshots.XXXXXX)
trap 'rm -rf "$shots"' EXIT
status=0
python3 Tests/browser/test_page.py --screenshots "$shots" || status=$?
mkdir -p docs
cp "$shots/seed-tie.png" docs/page.png
echo "wrote docs/page.png (the other screenshots were: $(cd "$shots" && ls | tr '\n' ' '))"
((status == 0)) || echo "screenshots.sh: some browser checks failed (above); the picture was refreshed all the same" >&2
exit "$status"
