#!/usr/bin/env bash
# Installs the system packages ActorGraph needs on Debian/Ubuntu: the Graphviz C library and
# headers (libgraphviz-dev, found through pkg-config), and fonts for Korean, Japanese and Chinese
# names in diagrams. Idempotent and non-interactive: installs only what is missing.
#
#   scripts/setup.sh              what building, testing and rendering need
#   scripts/setup.sh --reference  also the reference tools that regenerate fixtures and run the
#                                 peer benchmarks: R's sna (Debian), networkx, igraph, networkit (pip)
#   scripts/setup.sh --browser    also what the browser tests of the HTML page need (Tests/browser/):
#                                 Debian's chromium-headless-shell and Playwright from pip, which
#                                 drives that browser by its path (`playwright install` is never run)
set -euo pipefail

packages=(libgraphviz-dev pkg-config fonts-noto-cjk fontconfig)
reference=false
browser=false
for arg in "$@"; do
  case "$arg" in
    --reference) reference=true ;;
    --browser) browser=true ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
$reference && packages+=(r-cran-sna python3-pip)
$browser && packages+=(chromium-headless-shell)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq </dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

# Graphviz finds its plugins through a config file written by `libgvc6-config-update -c`; a
# machine where that step never ran says "Layout type not recognized". Write it if it is missing.
plugindir=$(pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
if [[ -d "$plugindir" ]] && ! ls "$plugindir"/config* >/dev/null 2>&1; then
  if command -v libgvc6-config-update >/dev/null; then
    ${sudo:-} libgvc6-config-update -c || true
  fi
fi

if $reference; then
  python3 -m pip install --quiet networkx igraph networkit pathpy==2.2.0 </dev/null
fi

if $browser; then
  python3 -c 'import playwright' 2>/dev/null && [[ $(python3 -m pip show playwright 2>/dev/null | sed -n 's/^Version: //p') == 1.65.* ]] \
    || python3 -m pip install --quiet 'playwright==1.65.*' </dev/null
  dpkg -L chromium-headless-shell | grep -qE '/bin/chromium-headless-shell$' \
    || { echo "setup.sh: chromium-headless-shell has no bin/chromium-headless-shell" >&2; exit 1; }
fi

pkg-config --exists libgvc || { echo "setup.sh: libgvc is still not visible to pkg-config" >&2; exit 1; }
echo "setup.sh: ready (graphviz $(pkg-config --modversion libgvc))" >&2
