-- POST a new service record per request: a body from the bodies file (one JSON body per
-- line: a person of the caller's township, a type serving its category, a day it was on
-- the register), cycled, with an Idempotency-Key of its own. Counts the answers by status
-- like statuses.lua.
--
--   wrk -t1 -c16 -d8s -s create_record.lua -H "Authorization: ..." URL/api/v1/service-records \
--       -- <bodies file> <key prefix>
--
-- A body may repeat (one person may get the same service twice the same day: each is a
-- record); the key never does within a run, and each run has a prefix of its own.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(bodies, line)
    end
  end
  key_prefix = args[2] .. "-" .. thread_number
  counter = 0
  counts = {}
end

function request()
  local body = bodies[(counter % #bodies) + 1]
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = key_prefix .. "-" .. counter
  return wrk.format("POST", wrk.path, headers, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d %d\n", status, n))
  end
end
