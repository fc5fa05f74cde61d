#!/usr/bin/env bash
# CI for the Python package: a throw-away venv under /tmp with maturin, pytest, mypy (stubtest
# checks the type stubs), datatrove + warcio (the datatrove step) and pyspark[sql] (the Spark
# example, run in local mode on 1,000 pages; Java 17 must be on the PATH) from PyPI; fmt and
# clippy of the bindings crate; a release build of the extension installed into the venv; the
# Rust `clean` example built from the same checkout (the byte-identity test's reference); pytest.
#
#   bash bindings/python/ci.sh                 # from anywhere
#   UNCLUTTER_PY_MINIMAL=1 bash bindings/python/ci.sh   # without datatrove/warcio/pyspark (their tests skip)
#
# Honours CARGO_TARGET_DIR (reuse a warm target dir to skip most of the compile).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
venv="$(mktemp -d /tmp/unclutter-py-ci.XXXXXX)"
trap 'rm -rf "$venv"' EXIT
start=$(date +%s)

echo "== venv $venv ($("$python" --version))"
"$python" -m venv "$venv"
# shellcheck disable=SC1091
source "$venv/bin/activate"
python -m pip install -q --upgrade pip
pkgs=(maturin pytest mypy)
if [ -z "${UNCLUTTER_PY_MINIMAL:-}" ]; then
  # pandas < 3: pyspark 4.3 warns that it does not fully support pandas 3 yet
  pkgs+=("datatrove[io]" warcio "pyspark[sql]" "pandas<3")
fi
# --no-compile: no .pyc for the whole of pyspark & co. at install (Python compiles what it
# imports); halves the install and makes the venv's removal on exit 7x faster (measured)
python -m pip install -q --no-compile "${pkgs[@]}"
echo "   installed ${pkgs[*]} in $(( $(date +%s) - start ))s"

echo "== cargo fmt --check, cargo clippy (the bindings crate)"
(cd "$here" && cargo fmt --check && cargo clippy -q --all-targets -- -D warnings)
echo "== maturin develop --release"
(cd "$here" && maturin develop --release -q)
echo "== cargo build --release --example clean (reference for the byte-identity test)"
(cd "$repo" && cargo build --release --example clean -q)
target="${CARGO_TARGET_DIR:-$repo/target}"
export UNCLUTTER_CLEAN_BIN="$target/release/examples/clean"

echo "== pytest"
cd "$here"
python -m pytest tests -q
echo "== bindings/python/ci.sh took $(( $(date +%s) - start ))s"
