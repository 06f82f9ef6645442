#!/usr/bin/env bash
# Generates a city-scale workspace with the hidden `tertial generate` (1,200
# units by default: 6,000 plans and 18,000 follow-up commits over five
# years) and prints how long it took and how big the repository is.
#
#   bash bench/gen-workspace.sh DIR [UNITS]
#
# DIR must not exist or be empty. The release binary is built first.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  echo "usage: bash bench/gen-workspace.sh DIR [UNITS]   (UNITS default: 1200)" >&2
  exit 2
fi
units="${2:-1200}"
case "$units" in
  '' | *[!0-9]*) echo "gen-workspace: UNITS must be a number, got '$units'" >&2; exit 2 ;;
esac
# DIR is taken relative to where the script was started, before the cd below.
dir="$(realpath -m -- "$1")"
if [ -e "$dir" ] && [ -n "$(ls -A -- "$dir" 2>/dev/null)" ]; then
  echo "gen-workspace: $dir exists and is not empty; choose a new folder" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$root/target}/release/tertial"

start=$(date +%s.%N)
"$bin" generate "$dir" --units "$units"
end=$(date +%s.%N)

echo "time:    $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f s", e - s }')"
echo "commits: $(git -C "$dir" rev-list --count HEAD)"
echo "size:    $(du -sh -- "$dir/.git" | cut -f1) (.git), $(du -sh --exclude=.git -- "$dir" | cut -f1) (working tree)"
