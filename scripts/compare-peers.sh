#!/usr/bin/env bash
# Measures unclutter side by side with its peers over one folder of pages, in one run:
# the same pages, the same metric, one page at a time on one core. Dev-only; not in CI.
#
#   scripts/compare-peers.sh [HTML_DIR [GROUND_TRUTH_JSON]]
#
# HTML_DIR defaults to ../shared/datasets/scrapinghub/html (relative to the repo root),
# GROUND_TRUTH_JSON to HTML_DIR/../ground-truth.json (scrapinghub layout: {id: {articleBody}}).
# Peers: trafilatura, readability-lxml and resiliparse (Python, in a throw-away venv under
# $TMPDIR) and dom_smoothie (Rust, in a throw-away cargo project under $TMPDIR that never
# touches the unclutter crate; dom_smoothie is run with its default TextMode::Raw and
# with TextMode::Formatted). A peer that fails to install or build is skipped with a
# message. Environment: CARGO_TARGET_DIR (default /work/target-peers), PYTHON (default
# python3), KEEP=1 keeps the scratch directory (outputs and per-page times).
# Last recorded output: docs/peers.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HTML_DIR=$(cd "${1:-$ROOT/../shared/datasets/scrapinghub/html}" && pwd)
TRUTH=${2:-$(dirname "$HTML_DIR")/ground-truth.json}
PYTHON=${PYTHON:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-peers}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-peers.XXXXXX")
OUT=$WORK/out
if [[ "${KEEP:-0}" == 1 ]]; then
    echo "compare-peers: scratch directory kept: $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
say() { echo "compare-peers: $*" >&2; }

# One page at a time on one core: pin every timed process to the last CPU.
PIN=()
if command -v taskset >/dev/null; then
    PIN=(taskset -c "$(($(nproc) - 1))")
fi

# --- Python peers -----------------------------------------------------------------
PY_TOOLS=()
if "$PYTHON" -m venv "$WORK/venv"; then
    VPY=$WORK/venv/bin/python
    # Old pips (23.x) trip over readability-lxml's lxml[html_clean] extra: upgrade first.
    "$VPY" -m pip install -q -U pip >&2 || say "could not upgrade pip; going on"
    for pkg in trafilatura readability-lxml resiliparse; do
        if "$VPY" -m pip install -q "$pkg" >&2; then
            PY_TOOLS+=("$pkg")
        else
            say "$pkg did not install; skipped"
        fi
    done
    # resiliparse's HTML parser ships with it, but older releases wanted fastwarc too.
    if [[ " ${PY_TOOLS[*]:-} " == *" resiliparse "* ]] &&
        ! "$VPY" -c 'import resiliparse.extract.html2text' 2>/dev/null; then
        "$VPY" -m pip install -q fastwarc >&2 || true
        "$VPY" -c 'import resiliparse.extract.html2text' 2>/dev/null || {
            say "resiliparse does not import; skipped"
            PY_TOOLS=("${PY_TOOLS[@]/resiliparse/}")
        }
    fi
else
    say "no Python venv ($PYTHON -m venv failed); Python peers skipped"
fi

# --- Rust: dom_smoothie and unclutter ---------------------------------------------
RUST_TOOLS=()
mkdir -p "$WORK/rust-bench"
cp -r "$ROOT/scripts/peers/rust-bench/." "$WORK/rust-bench/"
sed -i "s#path = \"../../..\"#path = \"$ROOT\"#" "$WORK/rust-bench/Cargo.toml"
if cargo build -q --release --manifest-path "$WORK/rust-bench/Cargo.toml" >&2; then
    RUST_TOOLS=(unclutter dom_smoothie dom_smoothie-formatted)
else
    say "the Rust bench (unclutter + dom_smoothie) did not build; skipped"
fi

# --- Timing runs, one tool after the other ------------------------------------------
mkdir -p "$OUT"
for tool in "${RUST_TOOLS[@]}"; do
    "${PIN[@]}" "$CARGO_TARGET_DIR/release/peers-bench" "$tool" "$HTML_DIR" "$OUT" ||
        say "$tool failed to run; skipped"
done
for tool in "${PY_TOOLS[@]}"; do
    [[ -n "$tool" ]] || continue
    "${PIN[@]}" "$VPY" "$ROOT/scripts/peers/time_python.py" "$HTML_DIR" "$OUT" "$tool" ||
        say "$tool failed to run; skipped"
done

# --- Report -------------------------------------------------------------------------
versions=("unclutter $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?')")
if [[ ${#RUST_TOOLS[@]} -gt 0 ]]; then
    ds=$(grep -A1 '^name = "dom_smoothie"' "$WORK/rust-bench/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')
    versions+=("dom_smoothie $ds" "$(rustc --version | cut -d' ' -f1-2)")
fi
if [[ -n "${VPY:-}" ]]; then
    versions+=("$("$VPY" --version)")
    while read -r name ver; do
        versions+=("$name $ver")
    done < <("$VPY" -m pip list --format=freeze 2>/dev/null |
        grep -iE '^(trafilatura|readability-lxml|resiliparse|fastwarc|lxml)==' | sed 's/==/ /')
fi
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "pages: $HTML_DIR"
echo "versions: $(IFS=,; echo "${versions[*]}" | sed 's/,/, /g')"
echo "pinned: ${PIN[*]:-no (taskset missing)}"
"${VPY:-$PYTHON}" "$ROOT/scripts/peers/score.py" "$TRUTH" "$OUT"
