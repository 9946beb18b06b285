#!/usr/bin/env bash
# Paged reads while writes run (docs/performance.md, issue 12's "paged reads"
# target): starts hoering-server on a fresh store, opens consultation h1 (as
# run.sh), seeds it with N responses, then for S seconds runs at the same time
#   writers: wrk, 1 thread, W connections, posting responses (responses.lua);
#   readers: wrk, 1 thread, 16 connections, paging through h1's responses
#            100 at a time (pages_of_responses.lua, follows `next`).
# Prints both summaries, the server's CPU time and its resident memory.
# Needs the Release build and Debian's wrk.
# Usage: bench/wrk/mixed.sh [seconds=20] [responses=10000] [writer-connections=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
responses="${2:-10000}"
writers="${3:-8}"
port="${HOERING_WRK_PORT:-18092}"
token=hoer_wrk_admin_token_000000000000
source bench/wrk/start_server.sh
start_server "$port" ${HOERING_SERVER_FLAGS:-}
source bench/wrk/open_consultation.sh
open_consultation "Høring under læsning"
export HOERING_WRK_TOKEN="$token" HOERING_WRK_CONSULTATION=h1
fill_consultation "$responses"
echo "responses in h1 before: $have"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu_ticks)
wrk -t 1 -c "$writers" -d "${seconds}s" -s bench/wrk/responses.lua "$url" |
  sed -n 's/^requests/writes:/p' &
writer=$!
wrk -t 1 -c 16 -d "${seconds}s" -s bench/wrk/pages_of_responses.lua "$url" | grep '^reads'
wait "$writer"
after=$(cpu_ticks)
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" \
  'BEGIN { printf "server CPU %.1f s in %d s\n", t / hz, s }'
echo "server resident memory: $(awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"), peak $(awk '/^VmHWM/ {print $2 / 1024 " MB"}' "/proc/$pid/status")"
