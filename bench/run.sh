#!/usr/bin/env bash
# Seeds a fresh database, starts the site, runs room-load.mjs against it, stops the site.
#   bench/run.sh [rooms] [duration-seconds]      e.g. bench/run.sh 25 60   (INTERVAL=seconds between sends per member, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rooms="${1:-25}"
duration="${2:-60}"
port="${PORT:-5090}"
work="$(mktemp -d)"
export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Community="Data Source=$work/bench.db"
export DataProtection__KeysFolder="$work/keys"
export Mail__SenderEnabled=false
export Sets__RemindersEnabled=false
export RateLimits__SignInPerFiveMinutes=10000
export Logging__LogLevel__Default=Warning
dll=src/PatientLeaders.Community.Web/bin/Release/net10.0/PatientLeaders.Community.Web.dll
[ -f "$dll" ] || { echo "Build first: dotnet build -c Release src/PatientLeaders.Community.Web" >&2; exit 2; }
(cd bench && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
dotnet "$dll" seed-bench --rooms "$rooms" --members 8 --contentRoot "$PWD/src/PatientLeaders.Community.Web" > "$work/roster.txt"
dotnet "$dll" --contentRoot "$PWD/src/PatientLeaders.Community.Web" --urls "http://127.0.0.1:$port" > "$work/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.3; done
node bench/room-load.mjs --base "http://127.0.0.1:$port" --roster "$work/roster.txt" --duration "$duration" --interval "${INTERVAL:-5}" --pid "$site"
