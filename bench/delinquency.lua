-- Usage: bench/README.md. loans.txt holds one loan id per line (written by DelinquencyLoadDriver ids …).
-- wrk script: GET /api/v1/loans/{id}/delinquency for a random loan id from loans.txt, HTTP Basic dialer/demo
local ids = {}
for line in io.lines("loans.txt") do ids[#ids + 1] = line end
math.randomseed(42)
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/loans/" .. id .. "/delinquency",
    { ["Authorization"] = "Basic ZGlhbGVyOmRlbW8=" })
end
