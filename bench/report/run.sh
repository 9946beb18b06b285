#!/usr/bin/env bash
# The report of a consultation with many responses, over HTTP
# (docs/performance.md "Reports"). Starts hoering-server on a fresh store,
# submits N responses to one consultation with hoering-load (scenario
# responses, 1 consultation, 200 parties; ~1-3 KB responses with 3 points),
# restarts the server (a clean stop, so the process measured has only served
# reports), then fetches the report as the admin in each format with curl:
# time to first byte (the head: the first pass is done), total time, bytes,
# MB/s, and the server's peak resident memory (VmHWM, reset before each fetch
# through /proc/<pid>/clear_refs).
#
# Usage: bench/report/run.sh [responses=100000] [formats="json md"]
# Env: HOERING_REPORT_DIR   keep the store here (reused when it holds one)
#      HOERING_SERVER       server binary (default build/release/server/hoering-server)
#      HOERING_LOAD         load generator (default build/release/client/hoering-load)
#      HOERING_REPORT_PORT  (default 18093)
#      HOERING_REPORT_RUNS  fetches per format (default 2)
# Needs the Release build of hoering-server and hoering-load.
set -euo pipefail
cd "$(dirname "$0")/../.."
responses="${1:-100000}"
formats="${2:-json md}"
port="${HOERING_REPORT_PORT:-18093}"
server="${HOERING_SERVER:-build/release/server/hoering-server}"
load="${HOERING_LOAD:-build/release/client/hoering-load}"
token=hoer_report_admin_token_000000000
url="http://127.0.0.1:$port"
run_id=report
consultation="load-$run_id-c000"
dir="${HOERING_REPORT_DIR:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d)"
  cleanup_dir=1
fi
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi;
      if [ -n "${cleanup_dir:-}" ]; then rm -rf "$dir"; fi' EXIT

start_server() {
  HOERING_ADMIN_TOKEN="$token" "$server" --data-dir "$dir" --listen "127.0.0.1:$port" \
    --log-level warn &
  pid=$!
  for _ in $(seq 600); do
    curl -sf "$url/readyz" >/dev/null && return 0
    sleep 0.1
  done
  echo "server not ready" >&2
  exit 1
}
stop_server() {
  kill -TERM "$pid"
  wait "$pid" || true
  pid=
}
kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$pid/status"; }

if [ ! -f "$dir/.report-seeded-$responses" ]; then
  start_server
  echo "seeding $responses responses into $consultation ..."
  t0=$(date +%s.%N)
  "$load" --url "$url" --token "$token" --scenario responses --consultations 1 --parties 200 \
    --connections 32 --requests "$responses" --warmup 0s --run-id "$run_id" >/dev/null
  echo "seeded in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}') s"
  stop_server
  touch "$dir/.report-seeded-$responses"
fi

start_server
count=$(curl -sf -H "Authorization: Bearer $token" "$url/v1/consultations/$consultation" |
  sed -n 's/.*"responses":{[^}]*"submitted":\([0-9]*\).*/\1/p')
echo "server $server, consultation $consultation, responses ${count:-?}"
echo "after start: resident $(($(kb VmRSS) / 1024)) MB, peak $(($(kb VmHWM) / 1024)) MB"
for format in $formats; do
  for run in $(seq "${HOERING_REPORT_RUNS:-2}"); do
    echo 5 >"/proc/$pid/clear_refs"  # resets VmHWM to the current resident size
    before=$(kb VmRSS)
    out=$(curl -s -o /dev/null -H "Authorization: Bearer $token" \
      -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
      "$url/v1/consultations/$consultation/report?format=$format")
    read -r code ttfb total bytes <<<"$out"
    hwm=$(kb VmHWM)
    awk -v f="$format" -v r="$run" -v c="$code" -v t="$ttfb" -v T="$total" -v b="$bytes" \
      -v rss="$before" -v hwm="$hwm" 'BEGIN {
        printf "%-4s run %d: HTTP %s, first byte %.2f s, total %.2f s, %.1f MB, %.1f MB/s after the first byte (%.1f MB/s overall), resident before %d MB, peak during %d MB (+%d MB)\n",
          f, r, c, t, T, b / 1e6, (T > t ? b / 1e6 / (T - t) : 0), b / 1e6 / T, rss / 1024, hwm / 1024, (hwm - rss) / 1024 }'
  done
done
