#!/usr/bin/env bash
# Time from starting hoering-server to /readyz answering 200, on a data dir
# (default: the 1M-event store bench/projections_bench generates).
#
#   HOERING_BENCH_DIR=/tmp/hoering-1m build/release/bench/projections_bench   # once
#   scripts/bench_start.sh /tmp/hoering-1m
#
# Runs the server three times: with --rebuild-projections (folds the whole
# log into fresh views and a fresh response index), then twice normally
# (the stored index and views snapshot; nothing to fold after a clean stop).
# Prints the wall time to ready of each, the resident memory when ready
# (VmRSS) and at its peak (VmHWM), the time a clean shutdown (SIGTERM) takes,
# and the server's own start line. HOERING_BENCH_SKIP_REBUILD=1 skips the
# first run (the store must then hold a views snapshot already).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/hoering-1m}
server=build/release/server/hoering-server
port=${HOERING_BENCH_PORT:-18089}
[ -x "$server" ] || { echo "build $server first (scripts/build.sh Release hoering-server)"; exit 2; }
[ -d "$dir/store" ] || { echo "no store in $dir (run bench/projections_bench first)"; exit 2; }

run() {
  local label=$1; shift
  local log; log=$(mktemp)
  local t0; t0=$(date +%s.%N)
  HOERING_ADMIN_TOKEN=bench_admin_token_0123456789abcdef \
    "$server" --data-dir "$dir" --listen "127.0.0.1:$port" "$@" >"$log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "server died"; exit 1; }
    sleep 0.01
  done
  local t1; t1=$(date +%s.%N)
  local rss hwm
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  printf '%-28s ready after %.2f s, resident %d MB (peak %d MB)\n' "$label" \
    "$(awk "BEGIN{print $t1 - $t0}")" $((rss / 1024)) $((hwm / 1024))
  grep -E "read views|event store .* open" "$log" | sed 's/^/    /'
  local t2; t2=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  local t3; t3=$(date +%s.%N)
  printf '    clean shutdown took %.2f s\n' "$(awk "BEGIN{print $t3 - $t2}")"
  grep -E "checkpoint" "$log" | sed 's/^/    /' || true
  rm -f "$log"
}

[ "${HOERING_BENCH_SKIP_REBUILD:-0}" = 1 ] || run "--rebuild-projections" --rebuild-projections
run "from checkpoint (1)"
run "from checkpoint (2)"
