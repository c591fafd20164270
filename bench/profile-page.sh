#!/usr/bin/env bash
# A CPU profile of one page under load: where the server's time goes, by .NET method.
#   bench/profile-page.sh [url-path] [scale] [seed]     e.g. bench/profile-page.sh thread-middle 1.0 1
# url-path is a path such as /forum, or one of: thread-first, thread-middle, thread-last, ordinary-first, category.
# Runs wrk at 32 connections while `perf record` samples the site (the runtime writes /tmp/perf-PID.map so perf
# can name JIT-compiled methods). Prints the hottest methods (self time) and the hottest call paths through
# project code (MATCH= a regular expression of other methods to list instead, LINES= how many; 40). Needs Debian's linux-perf. Hold the build lock:
#   flock /tmp/dotnet-build.lock bash bench/profile-page.sh thread-middle
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-thread-middle}"
scale="${2:-1.0}"
seed="${3:-1}"
duration="${DURATION:-15}"
port="${PORT:-5092}"
command -v perf >/dev/null || { echo "needs perf (apt-get install linux-perf)" >&2; exit 2; }
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0   # W^X maps JIT code from a memfd, where perf ignores the map
. bench/site-lib.sh

case "$target" in
  thread-first) path="$bigurl?page=1" ;;
  thread-middle) path="$bigurl?page=$(( (pages + 1) / 2 ))" ;;
  thread-last) path="$bigurl?page=$pages" ;;
  ordinary-first) path="$ordurl?page=1" ;;
  category) path="/forum/$category" ;;
  *) path="$target" ;;
esac

# Tiered compilation with dynamic PGO needs about a minute of this load to settle on its final code; before
# that the figures are half the steady state.
echo "== warm-up $path (${WARMUP:-60}s)" >&2
wrk -t2 -c32 -d"${WARMUP:-60}s" -H "$forwarded" -H "Cookie: $cookie" "$base$path" > /dev/null
echo "== perf record during wrk -c32 -d${duration}s" >&2
perf record -F 499 -g -p "$site" -o "$work/perf.data" -- sleep "$duration" 2> /dev/null &
recorder=$!
wrk -t2 -c32 -d"${duration}s" --latency -H "$forwarded" -H "Cookie: $cookie" -s bench/wrk/report.lua "$base$path" | grep '^RESULT' >&2
wait "$recorder" || true

echo "## $path: hottest methods by self time"
perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none --percent-limit 0.7 2> /dev/null \
  | grep -v '^#' | grep -v '^$' | head -60
echo
echo "## inclusive time of methods matching ${MATCH:-PatientLeaders} (children included)"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2> /dev/null \
  | grep -E "${MATCH:-PatientLeaders}" | head -"${LINES:-40}"
