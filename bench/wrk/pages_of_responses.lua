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

done = function(summary, latency, requests)
  io.write(string.format("reads %d, %.0f/s, p50 %.2f ms, p99 %.2f ms, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
