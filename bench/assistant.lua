-- Usage: docs/benchmarks.md ("Assistant replies over HTTP"); AssistantHttpBenchmark runs it as
--   wrk -t16 -c16 -d60s --timeout 30s -s bench/assistant.lua http://127.0.0.1:PORT -- <sessions file>
-- One wrk thread per session, each with one keep-alive connection: a closed loop that posts its next message when
-- the reply has arrived. The sessions file holds "login basicAuthValue" per line, one distinct customer per thread.
-- Each session rotates through the same ten messages as the in-process Java client, starting at its own offset, and
-- counts every reply that is not a 200 (printed at the end; the driver fails the run if any).
local messages = {
  '{"text":"我的贷款逾期了吗","language":"zh-CN"}',
  '{"text":"when is my next payment due","language":"en"}',
  '{"text":"我的貸款申請進度如何"}',
  '{"text":"怎么还款","language":"zh-CN"}',
  '{"text":"I already paid why am I overdue","language":"en"}',
  '{"text":"stop calling me","language":"en"}',
  '{"text":"no","language":"en"}',
  '{"text":"你好","language":"zh-CN"}',
  '{"text":"下一期什么时候还","language":"zh-CN"}',
  '{"text":"xyzzy","language":"en"}',
}
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("session", count)
  table.insert(threads, thread)
end

local headers, next_message
non200, replies = 0, 0

function init(args)
  local logins = {}
  for line in io.lines(args[1] or "sessions.txt") do
    local login, auth = line:match("^(%S+) (.+)$")
    logins[#logins + 1] = { login, auth }
  end
  local mine = logins[((session or 1) - 1) % #logins + 1]
  headers = { ["Authorization"] = mine[2], ["Content-Type"] = "application/json" }
  next_message = (session or 1) - 1 -- the Java client's session s starts at message s
end

function request()
  local body = messages[next_message % #messages + 1]
  next_message = next_message + 1
  return wrk.format("POST", "/api/v1/assistant/messages", headers, body)
end

function response(status, headers, body)
  replies = replies + 1
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad, seen = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
    seen = seen + t:get("replies")
  end
  io.write(string.format("RESULT replies=%d non200=%d errors=%d p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f\n",
    summary.requests, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("RESULT sessions=%d checked=%d\n", #threads, seen))
end
