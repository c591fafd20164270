-- A fixed mix over the million posts: common words, rare words, phrases and filters, in a fixed rotation.
-- BENCH_CATEGORY and BENCH_AUTHOR name a category slug and a member handle of the generated community.
dofile("bench/wrk/report.lua")
local category = os.getenv("BENCH_CATEGORY") or "mental-health"
local author = os.getenv("BENCH_AUTHOR") or "member00002"
local queries = {
  "q=patient", "q=care+team", "q=waiting+list", "q=appointment+hospital",
  "q=quaternion", "q=narcolepsy", "q=sarcoidosis+biopsy", "q=zephyr",
  "q=%22waiting+list%22", "q=%22support+group%22",
  "q=fatigue&category=" .. category, "q=pacing&author=" .. author, "q=meeting&tag=diabetes",
  "q=leadership&sort=newest", "q=insulin&from=2024-06-01&to=2025-01-01",
}
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", "/search?" .. queries[(i % #queries) + 1])
end
