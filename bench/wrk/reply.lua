-- Posts replies through the real form. Environment: BENCH_TOKEN (the form's antiforgery token), BENCH_THREADS
-- (comma-separated thread ids), BENCH_ACKS (file the acknowledged post ids are written to).
-- Every body carries a unique marker, so the database can be checked for each reply stored exactly once.
-- BENCH_PHASE=warmup marks the unmeasured warm-up's replies apart, as its counters start again from 1.
dofile("bench/wrk/report.lua")
local report_done = done
local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
local targets = {}
for id in string.gmatch(os.getenv("BENCH_THREADS") or "", "%d+") do table.insert(targets, id) end
local token = os.getenv("BENCH_TOKEN") or ""
local prefix = os.getenv("BENCH_PHASE") == "warmup" and "Benchmark warm-up reply " or "Benchmark reply benchreply"
local n = 0
acks = {}
local function encode(s)
  return (string.gsub(s, "[^%w%-_%.]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
function request()
  n = n + 1
  local target = targets[(n % #targets) + 1]
  local body = "__RequestVerificationToken=" .. encode(token) .. "&DraftKey=reply%3A" .. target ..
    "&Input.Body=" .. encode(prefix .. id .. "x" .. n .. " about waiting lists and pacing.") .. "&Input.ContentNote="
  -- wrk.format replaces wrk.headers (the sign-in cookie from -H) with the table it is given, so copy them in.
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", "/forum/reply/" .. target, headers, body)
end
function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 302 and location then
    local post = string.match(location, "#post%-(%d+)")
    if post then table.insert(acks, post) end
  end
end
function done(summary, latency, requests)
  report_done(summary, latency, requests)
  local file = io.open(os.getenv("BENCH_ACKS") or "/dev/null", "w")
  for _, thread in ipairs(threads) do
    local list = thread:get("acks")
    for _, post in ipairs(list) do file:write(post, "\n") end
  end
  file:close()
end
