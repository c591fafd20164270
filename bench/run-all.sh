#!/usr/bin/env bash
# Every benchmark, one after the other: pages/search/posting, then rooms. Run under the build lock:
#   flock /tmp/dotnet-build.lock bash bench/run-all.sh [scale] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/run-pages.sh "${1:-1.0}" "${2:-1}"
dotnet build -c Release src/PatientLeaders.Community.Web >/dev/null
bash bench/run.sh "${ROOMS:-25}" "${ROOM_SECONDS:-60}"
