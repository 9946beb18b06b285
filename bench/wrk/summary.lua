-- Loaded by the wrk scripts (dofile): summary(label) returns a wrk `done`
-- function that prints one line,
--   "<label> N, R/s, p50 X ms, p99 Y ms, errors E"
-- where errors counts every kind wrk tells apart (status, connect, read,
-- write, timeout).
return function(label)
  return function(summary, latency, requests)
    io.write(string.format(label .. " %d, %.0f/s, p50 %.2f ms, p99 %.2f ms, errors %d\n",
      summary.requests, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.status + summary.errors.connect + summary.errors.read +
      summary.errors.write + summary.errors.timeout))
  end
end
