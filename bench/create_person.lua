-- POST a new person per request: a body from the templates file (one JSON body per line,
-- "@ID@" where the ID number goes) with a valid ID number of its own, and an
-- Idempotency-Key of its own. Counts the answers by status like statuses.lua.
--
--   wrk -t1 -c16 -d8s -s create_person.lua -H "Authorization: ..." URL/api/v1/persons \
--       -- <templates file> <key prefix> <offset> <first birth day> <birth days>
--
-- Request n of thread t gets the number offset + t * 10,000,000 + n (each thread keeps its
-- own counter; a thread's connections share its Lua state, so they share the counter too),
-- and the number gives the ID number's 17 digits: sequence = n % 1000, birth date = first
-- birth day (days since 1970-01-01) + (n // 1000) % birth days, region code "11" + the
-- rest as 4 digits. Distinct numbers give distinct ID numbers; bench/writes.py gives each
-- wrk run an offset of its own, so no two requests of a bench run collide (the register
-- refuses a repeated ID number). The sex is the sequence's parity; the birth dates make
-- every person old enough for the templates' category (elders) on left_behind_since.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local CHECK = "10X98765432"

-- ISO 7064 MOD 11-2, as liushou.registry.identifiers.id_check_char.
local function check_char(digits)
  local sum = 0
  for i = 1, 17 do
    sum = sum + (digits:byte(i) - 48) * WEIGHTS[i]
  end
  local r = sum % 11
  return CHECK:sub(r + 1, r + 1)
end

local function id_number(n)
  local sequence = n % 1000
  local day = math.floor(n / 1000) % birth_days
  local region = math.floor(n / (1000 * birth_days)) % 10000
  local born = os.date("!%Y%m%d", (first_birth_day + day) * 86400)
  local digits = string.format("11%04d%s%03d", region, born, sequence)
  return digits .. check_char(digits)
end

function init(args)
  templates = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(templates, line)
    end
  end
  key_prefix = args[2]
  offset = tonumber(args[3]) + thread_number * 10000000
  first_birth_day = tonumber(args[4])
  birth_days = tonumber(args[5])
  counter = 0
  counts = {}
end

function request()
  local number = id_number(offset + counter)
  local body = templates[(counter % #templates) + 1]:gsub("@ID@", number)
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = key_prefix .. "-" .. number
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
