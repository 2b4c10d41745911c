-- Usage: docs/benchmarks.md ("Contact decisions over HTTP"); DecisionHttpBenchmark runs it as
--   wrk -t2 -c32 -d60s --latency -s bench/decisions.lua http://127.0.0.1:PORT -- <mode> <targets file>
-- The targets file holds "customerId loanId phone" per line (an overdue CN loan and its borrower's own verified phone).
-- mode decisions: POST /api/v1/contact-decisions with reserve: true for a random target
-- mode bucket4j | update: POST /api/bench/<mode>/{customerId} for a random target (the comparison endpoints)
-- All as the API client dialer/demo over HTTP Basic.
local targets, mode = {}, "decisions"
local headers = { ["Authorization"] = "Basic ZGlhbGVyOmRlbW8=", ["Content-Type"] = "application/json" }
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  mode = args[1] or mode
  for line in io.lines(args[2] or "targets.txt") do
    local c, l, p = line:match("^(%S+) (%S+) (%S+)$")
    targets[#targets + 1] = { c, l, p }
  end
  math.randomseed(42 + (seed or 0))
end

function request()
  local t = targets[math.random(#targets)]
  if mode == "decisions" then
    return wrk.format("POST", "/api/v1/contact-decisions", headers, string.format(
      '{"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":true}',
      t[1], t[2], t[3]))
  end
  return wrk.format("POST", "/api/bench/" .. mode .. "/" .. t[1], headers)
end
