#!/usr/bin/env bash
# Every benchmark, one after the other, on the same generated community: pages, search and posting (run-pages.sh),
# then rooms at the target size (run.sh: 125 rooms of 8 for 120 s). Prints one table at the end. Run under the
# build lock:
#   flock /tmp/dotnet-build.lock bash bench/run-all.sh [scale] [seed]
# ROOMS= and ROOM_SECONDS= change the rooms' size and length.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1.0}"
seed="${2:-1}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bash bench/run-pages.sh "$scale" "$seed" | tee "$out/pages"
. bench/community.sh
BENCH_DB="$(community_file "$scale" "$seed")" BENCH_DLL="$PWD/bench/out/publish/PatientLeaders.Community.Web.dll" \
  bash bench/run.sh "${ROOMS:-125}" "${ROOM_SECONDS:-120}" | tee "$out/rooms"
echo
echo "== All results"
grep -v '^|' "$out/pages" | grep -v '^$' || true
grep '^Rooms:\|^Sent ' "$out/rooms"
echo
grep '^|' "$out/pages"
grep '^| room' "$out/rooms"
