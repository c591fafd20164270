#!/usr/bin/env bash
# Starts the bench site as run-pages.sh does (Release build, a copy of the generated community, a member signed in)
# and keeps it running until it is killed, for profiling or for compare.sh.
#   bench/serve.sh ENV_FILE [scale] [seed]
# BENCH_TREE= serves another checkout (compare.sh's worktrees): its code, with this checkout's site-lib.sh and community.
# When the site is ready, writes ENV_FILE (shell assignments: site, base, cookie, forwarded, category, bigurl, ordurl, pages,
# opages, cohorturl, db) and prints READY on standard error. PORT= (5091) as for run-pages.sh. Hold the build lock.
set -euo pipefail
env_file="$(realpath -m "$1")"
bench="$(dirname "$(realpath "$0")")"
cd "${BENCH_TREE:-$(dirname "$0")/..}"
scale="${2:-1.0}"
seed="${3:-1}"
port="${PORT:-5091}"
. "$bench/site-lib.sh"
cat > "$env_file" <<VARS
site=$site
base='$base'
cookie='$cookie'
forwarded='$forwarded'
category='$category'
bigurl='$bigurl'
ordurl='$ordurl'
pages=$pages
opages=$opages
cohorturl='$cohorturl'
db='$work/bench.db'
VARS
echo READY >&2
wait "$site"
