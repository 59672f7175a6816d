#!/usr/bin/env bash
# Fuzz the readers and the diagram writer with libFuzzer, AddressSanitizer and LeakSanitizer
# (issue 22; Fuzz/README.md).
#
#   scripts/fuzz.sh --list                 the targets, one per line, with what each reads
#   scripts/fuzz.sh TARGET N [FLAGS...]    build (incrementally) and run TARGET for N inputs
#   scripts/fuzz.sh all N [FLAGS...]       every target in turn, N inputs each
#   scripts/fuzz.sh --seconds S TARGET|all [FLAGS...]   run for S seconds each instead (CI)
#   scripts/fuzz.sh --build                build every target, run none
#
# FLAGS go to libFuzzer after ours (e.g. -max_len=65536). The library modules and their
# dependencies are built with fuzzer and address instrumentation into .build/fuzz (release
# mode: coverage without -Onone's 10x slowdown); each Fuzz/<target>.swift is linked with them
# by swiftc -sanitize=fuzzer,address. A target's corpus lives in .build/fuzz/work/<target>/corpus
# (git-ignored), seeded on every run from the test fixtures, Fuzz/seeds/<target>/ and
# Fuzz/regressions/<target>/; crash, leak, timeout and out-of-memory inputs are saved in
# .build/fuzz/work/<target>/artifacts/. Prints per target: inputs run, exec/s, cov and ft
# (libFuzzer's edge and feature coverage), crashes; exits 1 when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=.build/fuzz
config=release
bin=$scratch/bin
work=$scratch/work

targets=(dataset-yaml dataset-json graphml csv nodelink gdelt render)
declare -A about=(
  [dataset-yaml]="DatasetReader on YAML text (fuzz.yaml): a dataset or a located InputError"
  [dataset-json]="DatasetReader on JSON text (fuzz.json), then the canonical JSON and YAML read back"
  [graphml]="GraphMLReader.readDocument (fuzz.graphml): a document or a located InputError"
  [csv]="CSVEdgeListReader, or CSVGraphReader with a nodes file after a NUL byte"
  [nodelink]="NodeLinkReader and isNodeLink (fuzz.json): a graph or a located InputError"
  [gdelt]="GDELTImporter on a plain or zipped export file, strict or not, by code or by name"
  [render]="a dataset's diagram (whole, ego, timeline, brokerage) as DOT, drawn to SVG by Graphviz in process"
)
# Inputs longer than this are cut (libFuzzer's -max_len); the render target draws, so it is kept small.
declare -A maxlen=([dataset-yaml]=2048 [dataset-json]=2048 [graphml]=2048 [csv]=2048 [nodelink]=2048 [gdelt]=2048 [render]=2048)
# Flags of one target. graphml: Foundation's XMLParser leaks 72 bytes on every libxml2 error
# (Fuzz/lsan.supp), so libFuzzer's leak check after each such input (a full LeakSanitizer scan)
# cut the rate from 3,400 to 90 inputs a second; leaks are then checked once, at exit.
# render: Graphviz leaks a few bytes in every drawing (Fuzz/lsan.supp), the same trade.
# gdelt: Foundation leaks a path string each time ZIPFoundation opens a zip input (Fuzz/lsan.supp),
# which cut the rate from 1,753 to 171 inputs a second (15-20 s runs on the CI corpus).
declare -A flags=([graphml]="-detect_leaks=0" [render]="-detect_leaks=0" [gdelt]="-detect_leaks=0")
# Seeds: the fixtures under Tests/ (valid and malformed) that each reader reads.
fx=Tests/ActorGraphIOTests/Fixtures
declare -A seeds=(
  [dataset-yaml]="$fx/datasets/small.yaml $fx/datasets/bad.yaml Tests/browser/hostile-names.yaml Tests/ActorGraphAnalysisTests/Fixtures/temporal/temporal-a.yaml"
  [dataset-json]=""
  [graphml]="$fx/graphml/*.graphml $fx/interop/seed-all.graphml $fx/interop/seed-all.nx.graphml"
  [csv]="$fx/csv/*.csv $fx/interop/seed-all.csv"
  [nodelink]="$fx/interop/nx-multi.edges.json $fx/interop/nx-multi.links.json $fx/interop/seed-all.nx-node-link.json"
  [gdelt]="$fx/gdelt/malformed.tsv $fx/gdelt/sample-v2.export.CSV $fx/gdelt/sample-v2.export.CSV.zip"
  [render]="$fx/datasets/small.yaml Tests/browser/hostile-names.yaml"
)

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

list() { for t in "${targets[@]}"; do printf '%-13s %s\n' "$t" "${about[$t]}"; done; }

# Builds the instrumented library (incremental) and links every target whose binary is older
# than its sources or the library's objects.
build() {
  echo "fuzz: building the instrumented library in $scratch ($config)" >&2
  mkdir -p "$scratch"
  if ! swift build -c "$config" --scratch-path "$scratch" --target ActorGraph \
      -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address > "$scratch/build.log" 2>&1; then
    grep -E "error" "$scratch/build.log" >&2 || tail -20 "$scratch/build.log" >&2
    echo "fuzz: the instrumented library did not build (log $scratch/build.log)" >&2
    exit 1
  fi
  grep -E "^Build of" "$scratch/build.log" >&2 || true
  local out=$scratch/$config
  # Every module the ActorGraph target needs, ours and the dependencies' (only its closure is
  # built in this folder; after a module is renamed, rm -rf .build/fuzz once). A Swift file
  # moved to another module leaves its old object behind, so a Swift module's objects are
  # taken only for the sources it lists now.
  local objects=() d o
  for d in "$out"/*.build; do
    while IFS= read -r -d '' o; do
      if [[ -f $d/sources && $o == *.swift.o ]] && ! grep -qF "/$(basename "${o%.o}")" "$d/sources"; then continue; fi
      objects+=("$o")
    done < <(find "$d" -name '*.o' -print0)
  done
  # The C modules the Swift modules import: ours and the dependencies' module maps.
  local maps=(-Xcc -fmodule-map-file=Sources/CGraphviz/module.modulemap) m
  while IFS= read -r -d '' m; do maps+=(-Xcc "-fmodule-map-file=$m"); done \
    < <(find "$scratch/checkouts" -path '*/Sources/*' -name module.modulemap -not -path '*/Benchmarks/*' -not -path '*/Tests/*' -print0)
  mkdir -p "$bin"
  local t
  for t in "$@"; do
    local exe=$bin/$t
    if [[ -x $exe ]] && [[ -z $(find Fuzz/$t.swift Fuzz/Support "${objects[@]}" -newer "$exe" -print -quit) ]]; then
      continue
    fi
    echo "fuzz: linking $exe" >&2
    swiftc -O -sanitize=fuzzer,address -parse-as-library Fuzz/$t.swift Fuzz/Support/*.swift \
      -I "$out/Modules" "${maps[@]}" \
      "${objects[@]}" $(pkg-config --libs libgvc) -lz -o "$exe.partial" 2>&1 \
      | { grep -v "ld.gold: warning: Cannot export local symbol '__asan" || true; } >&2
    test "${PIPESTATUS[0]}" -eq 0 || { echo "fuzz: linking $t failed" >&2; exit 1; }
    mv -f "$exe.partial" "$exe"   # a running fuzzer keeps its own copy
  done
}

# Copies the seeds of $1 into its corpus (existing files are kept).
seed() {
  local t=$1 corpus=$work/$1/corpus f
  mkdir -p "$corpus" "$work/$t/artifacts"
  for f in ${seeds[$t]} Fuzz/seeds/$t/* Fuzz/regressions/$t/*; do
    [[ -f $f ]] && cp -n "$f" "$corpus/$(basename "$f")"
  done
  return 0
}

# Runs $1 with the libFuzzer flags in the rest; prints the summary line; returns 1 on a crash.
run() {
  local t=$1; shift
  local log=$work/$t/last-run.log artifacts=$work/$t/artifacts
  seed "$t"
  local before; before=$(find "$artifacts" -type f | wc -l)
  local dict=()
  [[ -f Fuzz/dicts/$t.dict ]] && dict=(-dict=Fuzz/dicts/$t.dict)
  local start=$SECONDS status=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/Fuzz/lsan.supp:print_suppressions=0} \
    nice -n 10 "$bin/$t" -max_len="${maxlen[$t]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" ${flags[$t]:-} "${dict[@]}" "$@" "$work/$t/corpus" > "$log" 2>&1 || status=$?
  local after; after=$(find "$artifacts" -type f | wc -l)
  local runs eps cov ft
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  local crashes=$((after - before))
  # Leaks found by LeakSanitizer at exit (targets run with -detect_leaks=0) save no input.
  if (( crashes == 0 )) && grep -q "ERROR: LeakSanitizer" "$log"; then crashes=1; fi
  printf 'fuzz: %-13s inputs %s, exec/s %s, cov %s, ft %s, crashes %d, %ds (log %s)\n' \
    "$t" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$crashes" $((SECONDS - start)) "$log"
  if (( status != 0 || crashes > 0 )); then
    grep -E "ERROR: |SUMMARY: |Fatal error|contract: |Test unit written|==[0-9]+==" "$log" | head -20 >&2
    return 1
  fi
}

seconds=""
case "${1:-}" in
  --list) list; exit 0 ;;
  --build) build "${targets[@]}"; exit 0 ;;
  --seconds) seconds=${2:?--seconds S}; shift 2 ;;
  ""|-h|--help) usage ;;
esac
target=${1:?$(usage)}; shift
if [[ -z $seconds ]]; then
  n=${1:?give the number of inputs N}; shift
  limit=(-runs="$n")
else
  limit=(-max_total_time="$seconds")
fi
if [[ $target == all ]]; then
  chosen=("${targets[@]}")
elif [[ -n ${about[$target]:-} ]]; then
  chosen=("$target")
else
  echo "fuzz: no target '$target'; the targets:" >&2; list >&2; exit 2
fi
build "${chosen[@]}"
failed=()
for t in "${chosen[@]}"; do
  run "$t" "${limit[@]}" "$@" || failed+=("$t")
done
if (( ${#failed[@]} )); then
  echo "fuzz: crashes in ${failed[*]} (inputs in $work/<target>/artifacts/)" >&2
  exit 1
fi
