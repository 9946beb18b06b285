-- wrk script: pages through the responses (limit 100) of many consultations
-- as the admin. Each connection takes the consultations of
-- HOERING_WRK_CONSULTATIONS (ids separated by commas) in turn, starting at
-- its own offset, follows the `next` cursor to the last page and moves on to
-- the next consultation. Set up by scripts/bench_mixed_store.sh.
local token = os.getenv("HOERING_WRK_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("HOERING_WRK_CONSULTATIONS") or "", "[^,]+") do
  ids[#ids + 1] = id
end
local started = 0

setup = function(thread)
  started = started + 1
  thread:set("offset", started)
end

local at = nil
local after = nil

init = function(args)
  at = (offset or 1) % #ids + 1
  wrk.headers["Authorization"] = "Bearer " .. token
end

request = function()
  local path = "/v1/consultations/" .. ids[at] .. "/responses?limit=100"
  if after then path = path .. "&after=" .. after end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  after = body:match('"next":"([^"]+)"')
  if not after then at = at % #ids + 1 end
end

-- The one-line summary the wrk scripts share (summary.lua, beside this file).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
done = dofile(here .. "summary.lua")("reads")
