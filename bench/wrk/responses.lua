-- wrk script: POST ~1 KB responses with 3 anchored points (one with a quote
-- from its section) to one open consultation, round-robin over 50 parties,
-- as the secretariat on behalf of each party. Set up by bench/wrk/run.sh,
-- which passes the token and consultation in the environment.
local token = os.getenv("HOERING_WRK_TOKEN")
local consultation = os.getenv("HOERING_WRK_CONSULTATION") or "h1"
local parties = tonumber(os.getenv("HOERING_WRK_PARTIES") or "50")
local counter = 0

local filler = string.rep("Vi anbefaler at aftalen præciserer ansvarsfordelingen. ", 5)

wrk.method = "POST"
wrk.path = "/v1/consultations/" .. consultation .. "/responses"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local party = string.format("party-%02d", (counter % parties) + 1)
  local body = string.format([[{"party":"%s","author":{"name":"Høringsansvarlig %d","email":"h%d@example.org"},"summary":"Svar nummer %d","publication":"public","points":[{"section":"kap-1","quote":"hænger godt sammen","text":"%s"},{"section":"vision-1","text":"%s"},{"section":"fa-1","text":"%s"}]}]],
    party, counter, counter, counter, filler, filler, filler)
  return wrk.format(nil, nil, nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- The one-line summary the wrk scripts share (summary.lua, beside this file).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
done = dofile(here .. "summary.lua")("requests")
