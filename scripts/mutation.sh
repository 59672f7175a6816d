#!/usr/bin/env bash
# Mutation check (issue 14): applies the small mutations listed in scripts/mutation/mutants.tsv
# (comparisons, off-by-one, dropped options, swapped roles, skipped writes) to the CLI, brokerage,
# paths, I/O readers and writing code, one at a time, in a scratch copy of the tree, runs the
# suites each mutant names (`swift test --filter`), and prints a table and, as its last line,
# `N of M mutants killed`.
#
#   scripts/mutation.sh                 run every mutant
#   scripts/mutation.sh --only B01,C01  run these (repeatable)
#   scripts/mutation.sh --list          list the mutants and check their snippets; no build
#   scripts/mutation.sh --timeout 300   seconds for one mutant's tests (default 300; a timeout kills)
#   scripts/mutation.sh --report FILE   also write the table as Markdown, with the date and commit
#
# How: the tree (tracked and untracked files, not ignored ones) is copied to .build-mutation/tree,
# rewriting only files that differ, so its own .build stays incremental between mutants and runs.
# Each mutant replaces one snippet that must occur exactly once in its file (otherwise the mutant
# is an ERROR, never a kill), the copy is built with `swift build --build-tests`, and the suites
# run with `swift test --skip-build --filter`. A mutant that does not compile is reported as
# "invalid (compile error)", apart from kills. A test run past the timeout counts as a kill
# (reported as such). The file is restored after each mutant and on SIGINT/SIGTERM; your own
# tree is never written to. Before the mutants, the unmutated copy is built and every filter
# must match at least one test and pass, so no kill comes from a test that already fails.
#
# A mutant that cannot be killed is marked equivalent in the TSV's seventh column, with why; it
# still runs, and is reported as "survived (equivalent)".
#
# Exit status: 0 when every mutant was killed or is a marked equivalent survivor; 1 otherwise
# (an ERROR, a compile failure, an unmarked survivor, or a baseline failure).
#
# Runtime here (2 cores shared with other builds, debug): the first run builds the copy from
# scratch (about 10 minutes); then each mutant costs one incremental build and its suites,
# 16-76 s (median about 30 s; the alias-bomb test makes R01/R02 the slowest). The whole list
# of 51 took 38 minutes on 2026-12-02, 10 of them one mutant (P08) that loops forever and ran
# into the then 600 s timeout; with the 300 s default it takes about 33 minutes.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
list="$repo/scripts/mutation/mutants.tsv"
helper="$repo/scripts/mutation/tree.py"
work="${MUTATION_WORKDIR:-$repo/.build-mutation}"
tree="$work/tree"
timeout_s=300
only=()
list_only=false
report=""

while [ $# -gt 0 ]; do
  case "$1" in
    --only) shift; IFS=, read -r -a ids <<<"${1:?--only needs an id}"; only+=("${ids[@]}") ;;
    --only=*) IFS=, read -r -a ids <<<"${1#--only=}"; only+=("${ids[@]}") ;;
    --list) list_only=true ;;
    --timeout) shift; timeout_s=${1:?--timeout needs seconds} ;;
    --report) shift; report=${1:?--report needs a file}; case "$report" in /*) ;; *) report="$PWD/$report" ;; esac ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "mutation.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# The mutants: arrays indexed alike.
m_id=(); m_file=(); m_old=(); m_new=(); m_desc=(); m_filter=(); m_equiv=()
while IFS=$'\t' read -r id file old new desc filter equiv; do
  case "$id" in ''|'#'*) continue ;; esac
  if [ ${#only[@]} -gt 0 ]; then
    keep=false
    for o in "${only[@]}"; do [ "$o" = "$id" ] && keep=true; done
    $keep || continue
  fi
  m_id+=("$id"); m_file+=("$file"); m_old+=("$old"); m_new+=("$new"); m_desc+=("$desc")
  m_filter+=("$filter"); m_equiv+=("${equiv:-}")
done <"$list"
if [ ${#m_id[@]} -eq 0 ]; then echo "mutation.sh: no mutants selected" >&2; exit 2; fi

if $list_only; then
  status=0
  for i in "${!m_id[@]}"; do
    n=$(python3 "$helper" count "$repo/${m_file[$i]}" "${m_old[$i]}" 2>/dev/null || echo 0)
    mark="ok"; [ "$n" = 1 ] || { mark="ERROR: snippet found $n times"; status=1; }
    printf '%-4s %-60s %s%s\n     %s\n' "${m_id[$i]}" "${m_file[$i]}" "$mark" \
      "${m_equiv[$i]:+ (equivalent)}" "${m_desc[$i]}"
  done
  echo "${#m_id[@]} mutants"
  exit $status
fi

started=$(date +%s)
commit="$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- Sources Tests scripts || echo ' with uncommitted changes')"
mkdir -p "$tree" "$work/logs"
# The seed articles sit in ../shared beside a checkout; give the copy the same neighbour.
if [ -d "$repo/../shared" ] && [ ! -e "$work/shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"; fi
python3 "$helper" sync "$repo" "$tree" || exit 1

# Restore the mutated file whatever happens.
current_file=""
current_backup=""
restore() {
  if [ -n "$current_file" ] && [ -f "$current_backup" ]; then
    cat "$current_backup" >"$tree/$current_file"
    rm -f "$current_backup"
  fi
  current_file=""
}
trap '[ -n "${test_group:-}" ] && kill -KILL -- "-$test_group" 2>/dev/null; restore; echo; echo "mutation.sh: interrupted; the copy is restored" >&2; exit 130' INT TERM
trap 'restore' EXIT

export ACTORGRAPH_SLOW_TESTS=1   # MutationKillReaderTests walks an alias bomb
build() { (cd "$tree" && timeout 1800 swift build --build-tests) >"$1" 2>&1; }
# The tests run in their own process group, so a timeout ends the test runner that
# `swift test` starts as well (timeout(1) would end only swift test itself).
test_group=""
run_tests() {   # filter log
  (cd "$tree" && exec setsid swift test --skip-build --filter "$1") >"$2" 2>&1 &
  test_group=$!
  local waited=0
  while kill -0 "$test_group" 2>/dev/null && [ $waited -lt "$timeout_s" ]; do sleep 1; waited=$((waited + 1)); done
  if kill -0 "$test_group" 2>/dev/null; then
    kill -TERM -- "-$test_group" 2>/dev/null; sleep 2; kill -KILL -- "-$test_group" 2>/dev/null
    wait "$test_group" 2>/dev/null; test_group=""
    return 124
  fi
  wait "$test_group"; local rc=$?
  test_group=""
  return $rc
}

# Baseline: the unmutated copy builds, every filter matches tests, and they pass.
echo "baseline: building the unmutated copy in $tree"
if ! build "$work/logs/baseline-build.log"; then
  tail -30 "$work/logs/baseline-build.log"; echo "mutation.sh: the unmutated tree does not build" >&2; exit 1
fi
(cd "$tree" && swift test --skip-build --list-tests) >"$work/logs/tests.txt" 2>/dev/null
filters=$(printf '%s\n' "${m_filter[@]}" | tr '|' '\n' | sort -u)
missing=$(python3 - "$work/logs/tests.txt" $filters <<'EOF'
import re, sys
tests = open(sys.argv[1]).read().splitlines()
print(" ".join(f for f in sys.argv[2:] if not any(re.search(f, t) for t in tests)))
EOF
)
if [ -n "$missing" ]; then echo "mutation.sh: these filters match no test: $missing" >&2; exit 1; fi
all_filters=$(printf '%s\n' $filters | paste -sd'|')
echo "baseline: running $all_filters"
if ! run_tests "$all_filters" "$work/logs/baseline-tests.log"; then
  grep -E "failed|error" "$work/logs/baseline-tests.log" | head -20
  echo "mutation.sh: the suites fail on the unmutated tree; fix that first" >&2; exit 1
fi

# The suites that failed, from Swift Testing's output: "Suite X failed", else the tests.
killers() {
  local s
  s=$(grep -oE 'Suite "?[A-Za-z0-9_: -]+"? failed' "$1" | sed -E 's/^Suite "?//; s/"? failed$//' | sort -u | sed 's/$/;/' | paste -sd' ' - | sed 's/;$//')
  [ -n "$s" ] || s=$(grep -oE 'Test [A-Za-z0-9_]+\([^)]*\) failed' "$1" | sed -E 's/^Test //; s/ failed$//' | sort -u | head -3 | sed 's/$/;/' | paste -sd' ' - | sed 's/;$//')
  echo "${s:-(exit status only)}"
}

r_status=(); r_by=(); r_secs=()
for i in "${!m_id[@]}"; do
  id=${m_id[$i]}; file=${m_file[$i]}
  t0=$(date +%s)
  log="$work/logs/$id"
  current_backup="$work/logs/$id.orig"
  cp "$tree/$file" "$current_backup"
  current_file=$file
  python3 "$helper" apply "$tree/$file" "${m_old[$i]}" "${m_new[$i]}"
  applied=$?
  if [ $applied -ne 0 ]; then
    restore
    r_status[$i]="ERROR"; r_by[$i]="snippet not found exactly once"; r_secs[$i]=0
  elif ! build "$log.build.log"; then
    r_status[$i]="invalid"; r_by[$i]="compile error: $(grep -m1 -E 'error:' "$log.build.log" | sed -E 's/.*error: //' | cut -c1-60)"
  else
    run_tests "${m_filter[$i]}" "$log.test.log"
    rc=$?
    if [ $rc -eq 124 ]; then r_status[$i]="killed"; r_by[$i]="timeout after ${timeout_s} s"
    elif [ $rc -ne 0 ]; then r_status[$i]="killed"; r_by[$i]=$(killers "$log.test.log")
    elif [ -n "${m_equiv[$i]}" ]; then r_status[$i]="equivalent"; r_by[$i]="${m_equiv[$i]}"
    else r_status[$i]="survived"; r_by[$i]="-"
    fi
  fi
  restore
  r_secs[$i]=$(( $(date +%s) - t0 ))
  printf '%-4s %-10s %4ss  %s  [%s]\n' "$id" "${r_status[$i]}" "${r_secs[$i]}" "${m_desc[$i]}" "${r_by[$i]}"
done

killed=0; survived=0; equivalent=0; errors=0; invalid=0
for s in "${r_status[@]}"; do
  case "$s" in
    killed) killed=$((killed + 1)) ;; survived) survived=$((survived + 1)) ;;
    equivalent) equivalent=$((equivalent + 1)) ;; ERROR) errors=$((errors + 1)) ;; invalid) invalid=$((invalid + 1)) ;;
  esac
done
ran=$((killed + survived + equivalent))
elapsed=$(( $(date +%s) - started ))

table() {   # markdown?
  local md=$1
  if [ "$md" = yes ]; then
    echo "| id | file | description | result | killing suite (or why not) |"
    echo "|----|------|-------------|--------|-----------------------------|"
  else
    printf '\n%-4s  %-58s  %-10s  %s\n' id file result "killing suite / description"
  fi
  for i in "${!m_id[@]}"; do
    if [ "$md" = yes ]; then
      printf '| %s | `%s` | %s | %s | %s |\n' "${m_id[$i]}" "${m_file[$i]#Sources/}" "${m_desc[$i]//|/\\|}" \
        "${r_status[$i]}" "${r_by[$i]//|/\\|}"
    else
      printf '%-4s  %-58s  %-10s  %s\n      %s\n' "${m_id[$i]}" "${m_file[$i]#Sources/}" "${r_status[$i]}" \
        "${r_by[$i]}" "${m_desc[$i]}"
    fi
  done
}
summary="killed $killed, survived $survived, equivalent (survived, explained) $equivalent, invalid (compile error) $invalid, errors $errors; $((elapsed / 60)) min $((elapsed % 60)) s"

if [ -n "$report" ]; then
  {
    echo "# Mutation report"
    echo
    echo "Generated by \`scripts/mutation.sh --report\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
      "\`${commit%% *}\`${commit#"${commit%% *}"} (as copied when the run started)," \
      "$(swift --version 2>/dev/null | head -1 | sed -E 's/ \(.*//')."
    echo "The list and the suites each mutant runs are in \`scripts/mutation/mutants.tsv\`."
    echo
    echo "$summary."
    echo
    table yes
    echo
    echo "**$killed of $ran mutants killed**"
  } >"$report"
fi

table no
echo
echo "$summary"
status=0
[ $errors -eq 0 ] && [ $invalid -eq 0 ] && [ $survived -eq 0 ] || status=1
trap - EXIT
echo "$killed of $ran mutants killed"
exit $status
