#!/usr/bin/env bash
# Prints the performance table of the README: builds the release binary,
# makes a city-scale workspace (1,200 units, 5 years of T1/T2/VB, 18,000
# follow-up commits) unless DIR already holds one, and measures it.
#   bash bench/run.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-target/city}
if ! command -v fzf >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo
  $SUDO apt-get install -y -qq fzf >/dev/null 2>&1 || echo "(fzf not installed: its column stays empty)"
fi
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/tertial
if [ ! -f "$DIR/tertial.toml" ]; then
  echo "Generating $DIR (takes about a minute) …"
  "$BIN" generate "$DIR"
fi
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo
TERTIAL_BIN=$BIN cargo bench --quiet --bench city -- "$DIR"
echo
echo "Import of 0.5, 1 and 2 MiB of plan text:"
cargo bench --quiet --bench import_corpus -- --time
