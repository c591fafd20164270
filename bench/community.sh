# Where the generated community for a scale and seed is cached: in this checkout's bench/out, whichever checkout is
# being served (compare.sh serves commits from worktrees). Sourced by site-lib.sh and run-all.sh.
# The name holds a hash of the schema and the generator's code, so a new migration never meets a database that
# start-up would have to migrate (timing the migration as "start-up") without the statistics ANALYZE gathers.
community_file() { # scale seed
  local repo fingerprint
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  fingerprint=$(cat "$repo"/db/migrations/sqlite/*.sql "$repo"/src/PatientLeaders.Community.Web/DevelopmentTools/Bench*.cs | sha1sum | cut -c1-8)
  echo "$repo/bench/out/bench-s$2-x$1-$fingerprint.db"
}
