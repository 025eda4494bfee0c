-- Each request as if from one of N visitors (wrk's first script argument; 1000 when not
-- given): an X-Forwarded-For address of its own, which `liushou serve` trusts from loopback
-- (uvicorn's proxy_headers, forwarded_allow_ips 127.0.0.1 by default), so the public page's
-- per-address limit counts each visitor apart, as behind a reverse proxy. The answers are
-- counted by status as bench/statuses.lua does (loaded from this script's directory).

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "statuses.lua")

local count_init = init

function init(args)
  count_init(args)
  visitors = tonumber(args[1]) or 1000
  sent = 0
end

function request()
  local n = sent % visitors
  sent = sent + 1
  wrk.headers["X-Forwarded-For"] =
    string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format()
end
