#!/usr/bin/env bash
# The main job on the bundled dataset: set up, build, validate, draw the relationship diagram
# (SVG and PNG in out/), and print who brokered which contacts.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product actorgraph
bin=.build/release/actorgraph
data=Graphs/korea-japan-2020.yaml

"$bin" validate --check-quotes "$data"
mkdir -p out
"$bin" render "$data" -o out/korea-japan-2020.svg --highlight-brokers
"$bin" render "$data" -o out/korea-japan-2020.png --highlight-brokers
echo "wrote out/korea-japan-2020.svg and out/korea-japan-2020.png"
echo
"$bin" brokers "$data"
