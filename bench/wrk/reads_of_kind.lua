-- wrk script: one kind of the reads issue 12's paged-read target names, as
-- the admin, round-robin over the consultations of HOERING_WRK_TARGETS
-- (entries separated by ";", each "consultation,agreement,from,to,response":
-- the consultation, its agreement, the version it consulted and the
-- agreement's latest, and one of its responses). HOERING_WRK_KIND is
--   pages   the responses, limit 100, following `next` to the last page;
--   report  the consultation report (JSON, streamed);
--   trace   the trace of the response;
--   diff    the agreement's diff from the consulted version to the latest.
-- Set up by scripts/bench_mixed_store.sh (its `all` reads). The summary line
-- is labelled "reads <kind>".
local token = os.getenv("HOERING_WRK_TOKEN")
local kind = os.getenv("HOERING_WRK_KIND") or "pages"
local targets = {}
for entry in string.gmatch(os.getenv("HOERING_WRK_TARGETS") or "", "[^;]+") do
  local c, a, from, to, r = entry:match("^([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)$")
  if c then targets[#targets + 1] = {c = c, a = a, from = from, to = to, r = r} end
end
local started = 0

setup = function(thread)
  started = started + 1
  thread:set("offset", started)
end

local at = nil
local after = nil

init = function(args)
  at = (offset or 1) % #targets + 1
  wrk.headers["Authorization"] = "Bearer " .. token
end

request = function()
  local t = targets[at]
  local path
  if kind == "pages" then
    path = "/v1/consultations/" .. t.c .. "/responses?limit=100"
    if after then path = path .. "&after=" .. after end
  elseif kind == "report" then
    path = "/v1/consultations/" .. t.c .. "/report"
  elseif kind == "trace" then
    path = "/v1/trace/responses/" .. t.r
  else
    path = "/v1/agreements/" .. t.a .. "/diff?from=" .. t.from .. "&to=" .. t.to
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  -- "next" ends the page: match in its last bytes, not across the ~300 KB
  -- (scanning the whole body cost wrk more CPU than the server spent on it).
  if kind == "pages" then after = body:sub(-96):match('"next":"([^"]+)"') end
  if not after then at = at % #targets + 1 end
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
done = dofile(here .. "summary.lua")("reads " .. kind)
