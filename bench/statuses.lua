-- Counts the answers by status (wrk's summary lumps every non-2xx/3xx together) and prints
-- "status <code> <count>" lines at the end, which bench/load.py reads: the bench tells a
-- 503 busy (a heavy read refused at once, with Retry-After) apart from errors.
--
-- And honours Retry-After as a client would: for each 503, one later request of this
-- thread waits that long before it is sent (wrk calls delay() before each request; which
-- connection waits does not matter, only that a refusal costs a wait instead of an
-- immediate retry). wrk times a request from when it is sent, so the wait is not latency.
-- Each wrk thread has its own Lua state: the counts are summed over the threads in done().

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  waits = {}
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 503 then
    local after = tonumber(headers["retry-after"] or headers["Retry-After"]) or 1
    table.insert(waits, after * 1000)
  end
end

function delay()
  if #waits > 0 then
    return table.remove(waits, 1)
  end
  return 0
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
