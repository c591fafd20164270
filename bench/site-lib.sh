# Shared by run-pages.sh and profile-page.sh: publish a Release build, copy the cached community database,
# start the site on it and sign a member in through the real form. Source it after setting scale, seed, port.
# Sets: work, site, base, root, publish, cached, dll, startup_ms, cookie, forwarded, big, ordinary, category, bigurl, ordurl,
# pages, opages, cohorturl.
out="bench/out"
mkdir -p "$out"
base="http://127.0.0.1:$port"
root="$PWD/src/PatientLeaders.Community.Web"
publish="$out/publish"
. "$(dirname "${BASH_SOURCE[0]}")/community.sh"
cached="$(community_file "$scale" "$seed")"
work="$(mktemp -d)"
site=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$site" ] && kill "$site" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk curl sqlite3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done

echo "== publish (Release)" >&2
# BENCH_READY_TO_RUN=1 publishes ReadyToRun code for linux-x64 (compiled ahead of time; the JIT still recompiles
# what runs hot), to measure what that does to start-up and to the pages.
dotnet publish -c Release ${BENCH_READY_TO_RUN:+-r linux-x64 -p:PublishReadyToRun=true} -o "$publish" src/PatientLeaders.Community.Web >/dev/null
dll="$publish/PatientLeaders.Community.Web.dll"

# The site as it runs in production: the Production environment, behind a TLS-terminating proxy on this machine
# (README, "Running behind a reverse proxy"). Every request below says, as that proxy would, that the visitor used
# HTTPS: -H "$forwarded". BENCH_ENVIRONMENT=Development measures the Development environment instead.
export ASPNETCORE_ENVIRONMENT="${BENCH_ENVIRONMENT:-Production}"
export ReverseProxy__KnownProxies__0=127.0.0.1
forwarded="X-Forwarded-Proto: https"
export Logging__LogLevel__Default=Warning
export Logging__LogLevel__Microsoft__AspNetCore=Warning
export Mail__SenderEnabled=false
export Sets__RemindersEnabled=false
export RateLimits__SignInPerFiveMinutes=10000       # the most the settings allow
export RateLimits__ForumPostsPerTenMinutes=100000
export ForumNewMembers__FirstDayHours=0             # the replies run posts as fast as it can
export DataProtection__KeysFolder="$work/keys"

if [ ! -f "$cached" ]; then
  echo "== seed-bench --seed $seed --scale $scale -> $cached" >&2
  ASPNETCORE_ENVIRONMENT=Development dotnet "$dll" seed-bench --to "$cached" --seed "$seed" --scale "$scale" --contentRoot "$root" > "$cached.txt"
fi
cat "$cached.txt" >&2
value() { sed -n "s/^$1=\([^ ]*\).*/\1/p" "$cached.txt"; }
big=$(value bigThread); ordinary=$(value ordinaryThread); category=$(value category); email=$(value member); password=$(value password)
cohorturl="/programmes/cohorts/$(value cohort)"
cp "$cached" "$work/bench.db"
export ConnectionStrings__Community="Data Source=$work/bench.db"
sqlite3 "$work/bench.db" "PRAGMA journal_mode=WAL;" >/dev/null

# Start-up: from launching the process to the first page served.
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
start=$(date +%s%N)
dotnet "$dll" --contentRoot "$root" --urls "$base" > "$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 3000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$forwarded" "$base/forum")" = 200 ] && break
  kill -0 "$site" 2>/dev/null || { echo "the site stopped:" >&2; tail -20 "$work/site.log" >&2; exit 1; }
  sleep 0.01
done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "== first page after $startup_ms ms" >&2

# Sign in through the real form: its antiforgery token, and the cookies each answer sets, read from its headers
# (the Production cookies are Secure, which curl's cookie jar keeps only for https addresses).
declare -A jar=()
keep_cookies() { # headers-file: each cookie set, or dropped when set empty
  local name value
  while IFS='=' read -r name value; do
    if [ -n "$value" ]; then jar[$name]=$value; else unset "jar[$name]"; fi
  done < <(tr -d '\r' < "$1" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p')
}
cookie_header() { local name; for name in "${!jar[@]}"; do printf '%s=%s; ' "$name" "${jar[$name]}"; done; }
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login_token=$(curl -s -D "$work/login-page" -H "$forwarded" "$base/account/login" | token)
keep_cookies "$work/login-page"
code=$(curl -s -o /dev/null -D "$work/login-answer" -w '%{http_code}' -H "$forwarded" -H "Cookie: $(cookie_header)" \
  --data-urlencode "__RequestVerificationToken=$login_token" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "$base/account/login")
[ "$code" = 302 ] || { echo "sign-in failed ($code)" >&2; exit 1; }
keep_cookies "$work/login-answer"
cookie=$(cookie_header)

pages=$(( ($(sed -n 's/^bigThread=[0-9]* posts=\([0-9]*\).*/\1/p' "$cached.txt") + 19) / 20 ))
opages=$(( ($(sed -n 's/^ordinaryThread=[0-9]* posts=\([0-9]*\).*/\1/p' "$cached.txt") + 19) / 20 ))
slug() { sqlite3 "$work/bench.db" "SELECT Slug FROM Threads WHERE Id = $1"; }
bigurl="/forum/t/$big/$(slug "$big")"; ordurl="/forum/t/$ordinary/$(slug "$ordinary")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$forwarded" -H "Cookie: $cookie" "$base$bigurl?page=1")" = 200 ] || { echo "signed-in thread page failed" >&2; exit 1; }

# The site's background jobs make their first pass Scheduling:StartDelaySeconds (30) after start-up, and on a fresh
# copy of the community they have work to catch up: expiry notices, matches and places that the generator's dates
# left due, about half a minute of one core. Measuring during it halved the static file's figure in some runs. So wait
# until the delay has passed and the site has then used under a tenth of a core for two seconds running (at most
# SETTLE_MAX= seconds, default 300), and say how long that took.
settle() {
  local hz quiet=0 before after waited=0 delay="${Scheduling__StartDelaySeconds:-30}"
  hz=$(getconf CLK_TCK)
  before=$(awk '{ print $14 + $15 }' "/proc/$site/stat")
  while [ "$waited" -lt "${SETTLE_MAX:-300}" ]; do
    sleep 1; waited=$(( ($(date +%s%N) - start) / 1000000000 ))
    after=$(awk '{ print $14 + $15 }' "/proc/$site/stat")
    if [ $(( (after - before) * 10 )) -lt "$hz" ]; then quiet=$(( quiet + 1 )); else quiet=0; fi
    before=$after
    [ "$waited" -gt "$delay" ] && [ "$quiet" -ge 2 ] && { echo "== background jobs settled ${waited} s after launch" >&2; return; }
  done
  echo "== warning: the site was still busy ${waited} s after launch; measuring anyway" >&2
}
settle
