#!/usr/bin/env bash
# The main job on the bundled dataset: set up, build, validate, draw the relationship diagram
# (SVG, PNG and an explorable HTML page in out/), and print who brokered which contacts.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product actorgraph
bin=.build/release/actorgraph
data=Graphs/korea-japan-2020.yaml

# The quotes are checked against the five seed articles when they are present beside the clone
# (the sources' `file:` paths, relative to the dataset); a clone alone validates everything else.
missing=()
while read -r file; do
  [[ -e "$(dirname "$data")/$file" ]] || missing+=("$file")
done < <(sed -n 's/^ *file: *//p' "$data")
if ((${#missing[@]} == 0)); then
  "$bin" validate --check-quotes "$data"
else
  "$bin" validate "$data"
  echo "quotes not checked: the seed articles (${#missing[@]} source files, e.g. ${missing[0]}) are not present beside this clone"
fi
mkdir -p out
"$bin" render "$data" -o out/korea-japan-2020.svg --highlight-brokers
"$bin" render "$data" -o out/korea-japan-2020.png --highlight-brokers
"$bin" render "$data" -o out/korea-japan-2020.html --highlight-brokers
echo "wrote out/korea-japan-2020.svg, out/korea-japan-2020.png and out/korea-japan-2020.html (open it in a browser)"
echo
"$bin" brokers "$data"
