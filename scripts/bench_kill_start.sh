#!/usr/bin/env bash
# Time to ready after a kill -9 under write load, on a data dir (default: the
# 1M-event store bench/projections_bench generates; it gains the load's events).
#
#   scripts/bench_kill_start.sh /tmp/hoering-1m [seconds-before-kill=8]
#
# Starts hoering-server, runs hoering-load (responses, 64 connections, 25 s)
# against it, SIGKILLs the server after N seconds of load, starts it again on
# the same port and prints the wall time to /readyz = 200 and the server's
# start line. The load keeps running against the restarted server; its
# end-of-run audit re-reads every acknowledged position (lost must be 0).
# Finally GET /v1/verify checks the whole chain.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/hoering-1m}
before_kill=${2:-8}
server=build/release/server/hoering-server
port=${HOERING_BENCH_PORT:-18088}
token=bench_admin_token_0123456789abcdef
url="http://127.0.0.1:$port"
[ -d "$dir/store" ] || { echo "no store in $dir (run bench/projections_bench first)"; exit 2; }

start_server() {
  HOERING_ADMIN_TOKEN=$token "$server" --data-dir "$dir" --listen "127.0.0.1:$port" \
    >"$1" 2>&1 &
  echo $!
}
wait_ready() {
  until curl -fs "$url/readyz" >/dev/null 2>&1; do
    kill -0 "$1" 2>/dev/null || { echo "server died"; exit 1; }
    sleep 0.01
  done
}

log1=$(mktemp); log2=$(mktemp); load=$(mktemp)
pid=$(start_server "$log1")
wait_ready "$pid"
build/release/client/hoering-load --url "$url" --token "$token" --scenario responses \
  --connections 64 --duration 25s >"$load" 2>&1 &
load_pid=$!
sleep "$before_kill"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
t0=$(date +%s.%N)
pid=$(start_server "$log2")
wait_ready "$pid"
t1=$(date +%s.%N)
printf 'ready %.2f s after kill -9 (restart to /readyz = 200)\n' "$(awk "BEGIN{print $t1 - $t0}")"
grep -E "read views|event store .* open" "$log2" | sed 's/^/    /'
wait "$load_pid" || true
grep -E "throughput|errors|audit|lost" "$load" | sed 's/^/    load: /'
curl -fs -H "Authorization: Bearer $token" "$url/v1/verify" | sed 's/^/    verify: /'; echo
kill -TERM "$pid"  # started in a subshell: not our child to wait for
while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
rm -f "$log1" "$log2" "$load"
