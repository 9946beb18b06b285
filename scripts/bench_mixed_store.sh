#!/usr/bin/env bash
# Reads and writes at once on an existing data dir (default: the 1M-event
# store bench/projections_bench generates), for issue 12's memory and paged
# read targets:
#
#   scripts/bench_mixed_store.sh /tmp/hoering-1m [seconds=60] [writer-connections=8] [reads=pages]
#   HOERING_BENCH_WRITE_RATE=2500 scripts/bench_mixed_store.sh /tmp/hoering-1m 60 64
#     (the writers offer 2,500 submissions/s, open loop, over 64 connections)
#
# Starts hoering-server on the dir, then for S seconds at once:
#   writers: hoering-load --scenario responses (its own agreement and open
#            consultations, W connections), which audits every acknowledged
#            position at the end;
#   readers: wrk, 1 thread, 16 connections, paging (limit 100) through the
#            responses of the store's 50 consultations with the most
#            responses among those with 100-400 (bench/wrk/reads_of_kind.lua,
#            kind pages; until 2026-12-03 bench/wrk/pages_across.lua, the same reads);
#            with reads=all, four wrk processes of 4 connections each, one
#            per kind of read the target names, over the same consultations:
#            response pages, the report, a response's trace, the diff from the
#            consulted version to the latest (bench/wrk/reads_of_kind.lua),
#            each with its own latency line.
# Prints the resident memory when ready, the highest sampled (each second)
# under load, the highest sampled (each 0.2 s) after it while the writers'
# audit runs, the peak (VmHWM), both load summaries and the server's CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/hoering-1m}
seconds=${2:-60}
writers=${3:-8}
reads=${4:-pages}
port=${HOERING_BENCH_PORT:-18089}
token=bench_admin_token_0123456789abcdef
url="http://127.0.0.1:$port"
[ -d "$dir/store" ] || { echo "no store in $dir (run bench/projections_bench first)"; exit 2; }
server=${HOERING_SERVER:-build/release/server/hoering-server}  # another build, for an A/B
HOERING_ADMIN_TOKEN=$token "$server" --data-dir "$dir" \
  --listen "127.0.0.1:$port" --log-level warn &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
until curl -fs "$url/readyz" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "server died"; exit 1; }
  sleep 0.05
done
rss() { awk "/^$1/ {print int(\$2 / 1024)}" "/proc/$pid/status"; }
echo "resident when ready: $(rss VmRSS) MB"
targets=$(python3 bench/wrk/read_targets.py "$url" "$token") || exit 2
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu_ticks)
load_out=$(mktemp)
# HOERING_BENCH_WRITE_RATE=R: the writers offer R submissions a second
# (hoering-load --rate, open loop) instead of as many as their connections
# get answered (closed loop, the default).
rate_args=()
[ -n "${HOERING_BENCH_WRITE_RATE:-}" ] && rate_args=(--rate "$HOERING_BENCH_WRITE_RATE")
build/release/client/hoering-load --url "$url" --token "$token" --scenario responses \
  --connections "$writers" --duration "${seconds}s" --warmup 0s "${rate_args[@]}" >"$load_out" 2>&1 &
load=$!
readers=()
if [ "$reads" = all ]; then
  for kind in pages report trace diff; do
    HOERING_WRK_TOKEN=$token HOERING_WRK_TARGETS=$targets HOERING_WRK_KIND=$kind \
      wrk -t 1 -c 4 -d "${seconds}s" --timeout 30s --latency -s bench/wrk/reads_of_kind.lua "$url" |
      grep '^reads' &
    readers+=($!)
  done
else
  HOERING_WRK_TOKEN=$token HOERING_WRK_TARGETS=$targets HOERING_WRK_KIND=pages \
    wrk -t 1 -c 16 -d "${seconds}s" --timeout 30s --latency -s bench/wrk/reads_of_kind.lua "$url" |
    grep '^reads' &
  readers+=($!)
fi
highest=0
while kill -0 "${readers[0]}" 2>/dev/null; do
  now=$(rss VmRSS); [ "$now" -gt "$highest" ] && highest=$now
  sleep 1
done
# After the first reader: the other readers' last requests and the writers'
# audit (hoering-load re-reads every acknowledged position), sampled apart.
tail_highest=0
while kill -0 "$load" 2>/dev/null; do
  now=$(rss VmRSS); [ "$now" -gt "$tail_highest" ] && tail_highest=$now
  sleep 0.2
done
for r in "${readers[@]}"; do wait "$r" || true; done
wait "$load" || true
after=$(cpu_ticks)
grep -E "throughput|latency|client cpu|audit|lost" "$load_out" | sed 's/^/writes: /'
rm -f "$load_out"
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "server CPU %.1f s over the run (load and audit)\n", t / hz }'
echo "resident under load: highest sample $highest MB, then (audit) $tail_highest MB, now $(rss VmRSS) MB, peak $(rss VmHWM) MB"
curl -fs -H "Authorization: Bearer $token" "$url/metrics" | grep -E '^hoering_response_cache' |
  sed 's/^/metrics: /' || true
