#!/usr/bin/env bash
# Page, search and posting benchmarks against a Release build on the generated community, with wrk.
#   bench/run-pages.sh [scale] [seed]        e.g. bench/run-pages.sh 1.0 1
# Hold the build lock for the whole run so that no build competes for the cores:
#   flock /tmp/dotnet-build.lock bash bench/run-pages.sh 1.0
# The database is generated once per (seed, scale) into bench/out/ (git-ignored) and copied for each run, so
# posting replies never changes the cached file. DURATION= (seconds per measurement, default 15), PORT= (5091).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1.0}"
seed="${2:-1}"
duration="${DURATION:-15}"
port="${PORT:-5091}"
. bench/site-lib.sh

peak_rss=0
( while kill -0 "$site" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$site/status"; sleep 0.5; done ) > "$work/rss" 2>/dev/null &
sampler=$!

results="$work/results"
: > "$results"
warm_up() { # connections script url
  # Tiered compilation with dynamic PGO settles on its final code only after some seconds of load; unwarmed, the
  # first figures were half the steady state. WARMUP= seconds per measurement (default 10).
  [ "${WARMUP:-10}" -gt 0 ] && BENCH_PHASE=warmup wrk -t1 -c"$1" -d"${WARMUP:-10}s" -H "$forwarded" -H "Cookie: $cookie" -s "$2" "$3" > /dev/null 2>&1 || true
}
measure() { # name connections script url; WARMED=1 when the caller has warmed up already
  local name="$1" connections="$2" script="$3" url="$4" line
  [ -n "${WARMED:-}" ] || warm_up "$connections" "$script" "$url"
  line=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --latency -H "$forwarded" -H "Cookie: $cookie" -s "$script" "$url" | grep '^RESULT' || true)
  echo "$name|$connections|$line" >> "$results"
  echo "   $name c$connections: $line" >&2
}
echo "== wrk -t2 -d${duration}s" >&2
for url in "/css/site.css" "/forum" "/forum/$category" "$bigurl?page=1" "$bigurl?page=$(( (pages + 1) / 2 ))" "$bigurl?page=$pages" \
           "$ordurl?page=1" "$ordurl?page=$opages" "/" "/forum/latest" "$cohorturl" "/opportunities"; do
  measure "GET $url" 32 bench/wrk/report.lua "$base$url"
done
kill "$sampler" 2>/dev/null; sampler=""
peak_rss=$(sort -n "$work/rss" | tail -1)
export BENCH_CATEGORY="$category" BENCH_AUTHOR=member00002
measure "search (mix)" 1 bench/wrk/search.lua "$base"
measure "search (mix)" 8 bench/wrk/search.lua "$base"

# Posting: the real reply form, 8 connections spread over 40 ordinary threads.
threads=$(sqlite3 "$work/bench.db" "SELECT group_concat(Id) FROM (SELECT Id FROM Threads WHERE ReplyCount BETWEEN 5 AND 60 ORDER BY Id LIMIT 40)")
reply_token=$(curl -s -H "$forwarded" -H "Cookie: $cookie" "$base/forum/reply/${threads%%,*}" | token)
export BENCH_TOKEN="$reply_token" BENCH_THREADS="$threads" BENCH_ACKS="$work/acks"
warm_up 8 bench/wrk/reply.lua "$base"   # before counting, so its replies are not counted as stored
sleep 1
before=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM Posts")
WARMED=1 measure "POST reply" 8 bench/wrk/reply.lua "$base"
sleep 1
after=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM Posts")
acked=$(wc -l < "$work/acks")
# Every acknowledged reply (its id from the redirect) must be stored, with its search text.
missing=$(sqlite3 "$work/bench.db" <<SQL
CREATE TEMP TABLE a (PostId INTEGER);
.import $work/acks a
SELECT COUNT(*) FROM a WHERE PostId NOT IN
  (SELECT p.Id FROM Posts p JOIN PostSearchText s ON s.PostId = p.Id WHERE p.Body LIKE 'Benchmark reply benchreply%');
SQL
)
duplicates=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) - COUNT(DISTINCT substr(Body, 1, instr(Body, ' about'))) FROM Posts WHERE Body LIKE 'Benchmark reply benchreply%'")
echo "   replies: acknowledged $acked, stored $(( after - before )), acknowledged but missing $missing, duplicated $duplicates" >&2

ceiling=$(awk -F'|' '$1 == "GET /css/site.css" { split($3, a, " "); sub("rps=", "", a[2]); print a[2] }' "$results")
echo
echo "Start-up to first page: $startup_ms ms. Server RSS peak under page load: $(( peak_rss / 1024 )) MB."
echo "Replies: acknowledged $acked, stored $(( after - before )), missing $missing, duplicated $duplicates."
echo
echo "| Measurement | Conns | req/s | p50 ms | p95 ms | p99 ms | non-2xx/3xx | × ceiling |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'|' -v ceiling="$ceiling" '{
  delete v; split($3, a, " "); for (i in a) { split(a[i], kv, "="); v[kv[1]] = kv[2] }
  printf "| %s | %s | %s | %s | %s | %s | %s | %.3f |\n", $1, $2, v["rps"], v["p50"], v["p95"], v["p99"], v["non2xx3xx"], v["rps"] / ceiling
}' "$results"
