-- wrk script: pages through one consultation's responses (limit 100) as the
-- secretariat, each connection following the `next` cursor of the page it
-- got and starting again from the first page at the end, so that the reads
-- cover every response rather than one hot page. Set up by
-- bench/wrk/mixed.sh, which passes the token and consultation.
local token = os.getenv("HOERING_WRK_TOKEN")
local consultation = os.getenv("HOERING_WRK_CONSULTATION") or "h1"
local base = "/v1/consultations/" .. consultation .. "/responses?limit=100"
local after = nil

wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  local path = base
  if after then path = path .. "&after=" .. after end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  local next_id = body:match('"next":"([^"]+)"')
  after = next_id
end

-- The one-line summary the wrk scripts share (summary.lua, beside this file).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
done = dofile(here .. "summary.lua")("reads")
