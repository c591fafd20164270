#!/usr/bin/env bash
# Set rooms under load: seeds the rooms' members, starts the site, runs room-load.mjs against it, stops the site.
#   bench/run.sh [rooms] [duration-seconds]      e.g. bench/run.sh 125 120   (INTERVAL=seconds between sends per member, default 5)
# BENCH_DB= a generated community (run-pages.sh's file) to add the rooms to, on a copy; without it, an empty
# database. BENCH_DLL= the site to run (default: the Release build in src/…/bin). Prints the load generator's JSON,
# then a table row in run-pages.sh's form, with the static ceiling measured on the same server just before.
# SERVERS=2 runs two site processes on the one database with a redis-server of their own (SignalR:Redis,
# DataProtection:Store=Database) and deals each room's members to both, so every message crosses the backplane.
set -euo pipefail
cd "$(dirname "$0")/.."
rooms="${1:-25}"
duration="${2:-60}"
port="${PORT:-5090}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
site=""
site2=""
redis=""
servers="${SERVERS:-1}"
trap '[ -n "$site" ] && kill $site 2>/dev/null; [ -n "$site2" ] && kill $site2 2>/dev/null; [ -n "$redis" ] && kill $redis 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# The site as it runs in production, as run-pages.sh runs it: the Production environment behind a TLS-terminating
# proxy on this machine; the load generator says on every request, as that proxy would, that the member used HTTPS.
# BENCH_ENVIRONMENT=Development measures the Development environment instead.
export ASPNETCORE_ENVIRONMENT="${BENCH_ENVIRONMENT:-Production}"
export ReverseProxy__KnownProxies__0=127.0.0.1
forwarded_proto=https
[ "$ASPNETCORE_ENVIRONMENT" = Development ] && forwarded_proto=""
export ConnectionStrings__Community="Data Source=$work/bench.db"
export DataProtection__KeysFolder="$work/keys"
export Mail__SenderEnabled=false
export Sets__RemindersEnabled=false
export RateLimits__SignInPerFiveMinutes=10000
export Logging__LogLevel__Default=Warning
root="$PWD/src/PatientLeaders.Community.Web"
dll="${BENCH_DLL:-$root/bin/Release/net10.0/PatientLeaders.Community.Web.dll}"
[ -f "$dll" ] || { echo "Build first: dotnet build -c Release src/PatientLeaders.Community.Web" >&2; exit 2; }
(cd bench && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
if [ -n "${BENCH_DB:-}" ]; then
  cp "$BENCH_DB" "$work/bench.db"
  echo "== rooms added to a copy of $BENCH_DB" >&2
fi
ASPNETCORE_ENVIRONMENT=Development dotnet "$dll" seed-bench --rooms "$rooms" --members 8 --contentRoot "$root" > "$work/roster.txt"
bases="$base"
pids=""
if [ "$servers" = 2 ]; then
  command -v redis-server >/dev/null || { echo "SERVERS=2 needs redis-server (apt-get install redis-server)" >&2; exit 2; }
  redis_port=$((port + 2))
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$work/redis.log" 2>&1 &
  redis=$!
  export SignalR__Redis="127.0.0.1:$redis_port"
  export DataProtection__Store=Database
  base2="http://127.0.0.1:$((port + 1))"
  dotnet "$dll" --contentRoot "$root" --urls "$base2" > "$work/site2.log" 2>&1 &
  site2=$!
  for _ in $(seq 1 100); do curl -sf "$base2/healthz" >/dev/null && break; sleep 0.3; done
  bases="$base,$base2"
fi
dotnet "$dll" --contentRoot "$root" --urls "$base" > "$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.3; done
pids="$site${site2:+,$site2}"

# The machine's ceiling, as run-pages.sh measures it: a static file from the same server.
wrk -t2 -c32 -d5s -H "X-Forwarded-Proto: ${forwarded_proto:-http}" "$base/css/site.css" > /dev/null
ceiling=$(wrk -t2 -c32 -d10s -H "X-Forwarded-Proto: ${forwarded_proto:-http}" "$base/css/site.css" | awk '/^Requests\/sec/ { printf "%d", $2 }')

node bench/room-load.mjs --base "$bases" --roster "$work/roster.txt" --duration "$duration" --interval "${INTERVAL:-5}" --pid "$pids" ${forwarded_proto:+--forwarded-proto "$forwarded_proto"} | tee "$work/result.json"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const ceiling = Number(process.argv[2]);
const perSecond = r.received / (r.durationSeconds + r.intervalSeconds);
console.log(`\nRooms: ${r.rooms} × 8 on ${r.servers} server(s), a message every ${r.intervalSeconds} s each for ${r.durationSeconds} s; static ceiling ${ceiling} req/s.`);
console.log(`Sent ${r.sent}, refused ${r.sendErrors}; deliveries expected ${r.expectedDeliveries}, received ${r.received}, lost ${r.lost}, duplicated ${r.duplicated}; server RSS ${r.serverRssMb.before} → ${r.serverRssMb.peak} MB.`);
console.log("\n| Measurement | Conns | req/s | p50 ms | p95 ms | p99 ms | non-2xx/3xx | × ceiling |");
console.log("|---|---|---|---|---|---|---|---|");
console.log(`| room deliveries (${r.rooms} rooms × 8) | ${r.members} | ${perSecond.toFixed(1)} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.lost} lost, ${r.duplicated} duplicated | ${(perSecond / ceiling).toFixed(3)} |`);
' "$work/result.json" "$ceiling"
