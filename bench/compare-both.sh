#!/usr/bin/env bash
# compare.sh both ways round, for an estimate that a side's own advantage cancels out of.
#   bench/compare-both.sh BASE CANDIDATE       commits, or . for the working tree
# Same code on the two sides of compare.sh has differed by up to a tenth on the member's home, in favour of the
# candidate's side (docs/benchmarks.md, "CPU per request"). So this runs compare.sh with BASE as the base, then
# again with the two swapped, and prints for each URL both runs' changes, their mean (the change from BASE to
# CANDIDATE, with the side's advantage cancelled) and half their sum (the side's advantage on that run). The same
# settings as compare.sh (ROUNDS=, BURST=, WARMUP=, URLS=). Twice as long. Hold the build lock:
#   flock /tmp/dotnet-build.lock bash bench/compare-both.sh HEAD~1 HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bench/compare-both.sh BASE CANDIDATE" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== $1 as the base, $2 as the candidate" >&2
bash bench/compare.sh "$1" "$2" | tee "$work/forward"
echo "== the same, swapped: $2 as the base, $1 as the candidate" >&2
bash bench/compare.sh "$2" "$1" | tee "$work/swapped"

# The summary lines of compare.sh: URL, base ms, candidate ms, change in per cent.
changes() { awk 'found && NF == 4 && $4 ~ /%$/ { sub(/%$/, "", $4); print $1, $4 } /^URL \(CPU ms per request\)/ { found = 1 }' "$1"; }
printf '\n%-40s %9s %9s %9s %9s\n' "URL ($1 -> $2)" "forward" "swapped" "change" "side"
join <(changes "$work/forward" | sort) <(changes "$work/swapped" | sort) | while read -r url forward swapped; do
  # Forward is change + side; swapped is -change + side (the candidate's side favoured both times).
  awk -v u="$url" -v f="$forward" -v s="$swapped" 'BEGIN { printf "%-40s %+8.1f%% %+8.1f%% %+8.1f%% %+8.1f%%\n", u, f, s, (f - s) / 2, (f + s) / 2 }'
done
