#!/usr/bin/env bash
# Response submissions over HTTP with wrk (docs/performance.md "wrk"): starts
# hoering-server on a fresh store in a temporary directory, registers 50
# parties, imports the 2024-2027 agreement (tests/fixtures), publishes it,
# opens one consultation now, then runs wrk with responses.lua and prints the
# summary. Needs the Release build and Debian's wrk (apt-get install wrk).
# Usage: bench/wrk/run.sh [seconds=8] [connections=64] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-8}"
connections="${2:-64}"
threads="${3:-2}"
port="${HOERING_WRK_PORT:-18090}"
token=hoer_wrk_admin_token_000000000000
source bench/wrk/start_server.sh
start_server "$port"
source bench/wrk/open_consultation.sh
open_consultation "Høring"
# The server's CPU time (user + system, clock ticks) from /proc.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu_ticks)
# wrk's own CPU (user + system seconds) through bash's `time`; its output to a file.
wrk_out="$dir/wrk.out"
TIMEFORMAT="%U %S"
wrk_cpu=$( { time HOERING_WRK_TOKEN="$token" HOERING_WRK_CONSULTATION=h1 \
  wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency \
  -s bench/wrk/responses.lua "$url" > "$wrk_out"; } 2>&1 )
after=$(cpu_ticks)
out=$(cat "$wrk_out")
echo "$out"
requests=$(echo "$out" | awk '/requests in/ {print $1}')
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "server CPU %.1f s, %.0f us per request\n", t / hz, n ? t / hz / n * 1e6 : 0 }'
echo "$wrk_cpu" | awk -v n="$requests" \
  '{ printf "wrk CPU %.1f s, %.0f us per request\n", $1 + $2, n ? ($1 + $2) / n * 1e6 : 0 }'
echo "server resident memory: $(awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status")"
