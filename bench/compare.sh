#!/usr/bin/env bash
# CPU time per request of two versions of the site, measured side by side.
#   bench/compare.sh BASE [CANDIDATE]      commits (anything git can check out), or . for the working tree
#                                          CANDIDATE defaults to the working tree
# Both sites run at once, each on its own copy of the community (ports 5091 and 5093), and wrk alternates short
# bursts between them, so the machine's drift (whole runs of the same code differed by up to a quarter) falls on
# both alike. CPU is the site process's utime + stime around each burst, divided by the requests served.
# ROUNDS= (4), BURST= seconds (6), WARMUP= seconds per URL and site (10), URLS= (default: the forum index, the
# busiest category, an ordinary thread's first page, the 5,000-post thread's middle page; {category}, {ordurl},
# {bigurl}, {middle} and {cohort} (the benchmark member's cohort page) are filled in), CANDIDATE_ENV= ("NAME=value ..." for the candidate's process only, to
# compare a runtime setting on the same code), ORDER=alternate (the candidate measured first in even rounds, the base
# first in the others; by default the base goes first in every round). Hold the build lock:
#   flock /tmp/dotnet-build.lock bash bench/compare.sh HEAD~1
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
rounds="${ROUNDS:-4}"
burst="${BURST:-6}"
warmup="${WARMUP:-10}"
default_urls='/forum /forum/{category} {ordurl}?page=1 {bigurl}?page={middle}'
urls="${URLS:-$default_urls}"
work="$(mktemp -d)"
sites=()
cleanup() {
  # The site first: serve.sh, waiting on it, then ends and removes its work folder.
  for env_file in "$work"/*.env; do [ -e "$env_file" ] && kill "$(. "$env_file"; echo "$site")" 2>/dev/null || true; done
  for pid in "${sites[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for tree in "$work"/tree-*; do [ -d "$tree" ] && git -C "$repo" worktree remove --force "$tree"; done
  rm -rf "$work"
}
trap cleanup EXIT

# A commit is checked out into a worktree of its own; serve.sh gives both sites this checkout's generated community.
tree_for() { # name ref
  if [ "$2" = . ]; then echo "$repo"; return; fi
  local tree="$work/tree-$1"
  git -C "$repo" worktree add -q --detach "$tree" "$2" >&2
  echo "$tree"
}

start_site() { # name ref port [env...]
  local name="$1" ref="$2" port="$3"; shift 3
  local tree; tree="$(tree_for "$name" "$ref")"
  echo "== $name: $ref ($(git -C "$tree" rev-parse --short HEAD)$( [ "$ref" = . ] && ! git -C "$repo" diff --quiet HEAD && echo ' with uncommitted changes'))" >&2
  env "$@" PORT="$port" BENCH_TREE="$tree" bash "$repo/bench/serve.sh" "$work/$name.env" > "$work/$name.log" 2>&1 &
  sites+=("$!")
  until grep -q READY "$work/$name.log" 2>/dev/null; do
    kill -0 "${sites[-1]}" 2>/dev/null || { echo "$name did not start:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
    sleep 2
  done
}

# One after the other: two publishes at once would compete for the cores. The candidate first, so that when the
# community has to be generated, the newer generator does it.
# shellcheck disable=SC2086
start_site candidate "${2:-.}" 5093 ${CANDIDATE_ENV:-}
start_site base "$1" 5091

declare -A pid base cookie ticks served
for name in base candidate; do
  . "$work/$name.env"
  pid[$name]=$site base[$name]=$base cookie[$name]=$cookie
done
middle=$(( (pages + 1) / 2 ))
expand() { local u="$1"; u="${u//\{category\}/$category}"; u="${u//\{ordurl\}/$ordurl}"; u="${u//\{bigurl\}/$bigurl}"; u="${u//\{cohort\}/$cohorturl}"; echo "${u//\{middle\}/$middle}"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
per_request() { awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.3f", t * 1000 / hz / n }'; }

for url in $urls; do
  for name in base candidate; do
    wrk -t2 -c32 -d"${warmup}s" -H "$forwarded" -H "Cookie: ${cookie[$name]}" "${base[$name]}$(expand "$url")" > /dev/null
  done
done
echo "== $rounds rounds of ${burst}s bursts, 32 connections; CPU ms per request" >&2
for round in $(seq 1 "$rounds"); do
  # ORDER=alternate: the candidate goes first in even rounds, so that neither side always follows the other.
  order="base candidate"
  [ "${ORDER:-}" = alternate ] && [ $(( round % 2 )) -eq 0 ] && order="candidate base"
  for url in $urls; do
    line="round $round  $url"
    for name in $order; do
      before=$(cpu_ticks "${pid[$name]}")
      result=$(wrk -t2 -c32 -d"${burst}s" -H "$forwarded" -H "Cookie: ${cookie[$name]}" "${base[$name]}$(expand "$url")")
      used=$(( $(cpu_ticks "${pid[$name]}") - before ))
      n=$(awk '/requests in/ { print $1 }' <<< "$result")
      # A refused or redirected answer costs less than the page: say so rather than count it as the page.
      failed=$(awk '/Non-2xx/ { print $NF }' <<< "$result")
      [ -n "$failed" ] && echo "warning: $name answered $failed of $n requests for $url with a status other than 2xx or 3xx" >&2
      ticks[$name$url]=$(( ${ticks[$name$url]:-0} + used )); served[$name$url]=$(( ${served[$name$url]:-0} + n ))
      line+="  $name $(per_request "$used" "$n")"
    done
    echo "$line" >&2
  done
done

printf '\n%-50s %10s %10s %8s\n' "URL (CPU ms per request)" base candidate change
for url in $urls; do
  b=$(per_request "${ticks[base$url]}" "${served[base$url]}")
  c=$(per_request "${ticks[candidate$url]}" "${served[candidate$url]}")
  printf '%-50s %10s %10s %7s%%\n' "$url" "$b" "$c" "$(awk -v b="$b" -v c="$c" 'BEGIN { printf "%+.1f", (c - b) * 100 / b }')"
done
# The same page should be the same size on both sides; a difference means the sides did not serve the same work.
for url in $urls; do
  line="response bytes  $url"
  for name in base candidate; do
    line+="  $name $(curl -s -H "$forwarded" -H "Cookie: ${cookie[$name]}" "${base[$name]}$(expand "$url")" | wc -c)"
  done
  echo "$line"
done
for name in base candidate; do
  printf 'peak memory, %s: %s MB\n' "$name" "$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/${pid[$name]}/status")"
done
