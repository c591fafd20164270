# Where the generated community for a scale and seed is cached. Sourced by site-lib.sh and run-all.sh.
# The name holds a hash of the schema and the generator's code, so a new migration never meets a database that
# start-up would have to migrate (timing the migration as "start-up") without the statistics ANALYZE gathers.
community_file() { # scale seed
  local fingerprint
  fingerprint=$(cat db/migrations/sqlite/*.sql src/PatientLeaders.Community.Web/Bench*.cs | sha1sum | cut -c1-8)
  echo "bench/out/bench-s$2-x$1-$fingerprint.db"
}
