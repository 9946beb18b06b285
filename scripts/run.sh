#!/usr/bin/env bash
# Set-up if needed, Release build, then start the server on 127.0.0.1:8080
# with its embedded RocksDB under ./data. Arguments go to hoering-server (see
# `hoering-server --help`), except --no-demo.
#
# On a new data directory (and without --no-demo) the demo data set is loaded
# once the server is ready, through the public API by the CLI
# (`hoering demo load`); the server itself loads no data. The first admin
# token is HOERING_ADMIN_TOKEN when set, else a new random one printed here,
# once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh Release hoering-server hoering hoering-load
echo "CLI: build/release/client/hoering --help"

demo=1
args=()
data_dir="${HOERING_DATA_DIR:-./data}"
listen="${HOERING_LISTEN:-127.0.0.1:8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-demo) demo=0 ;;
    --data-dir) data_dir="$2"; shift ;;
    --data-dir=*) data_dir="${1#*=}" ;;
    --listen) listen="$2"; args+=("$1" "$2"); shift ;;
    --listen=*) listen="${1#*=}"; args+=("$1") ;;
    *) args+=("$1") ;;
  esac
  shift
done
server=(build/release/server/hoering-server --data-dir "$data_dir" "${args[@]}")

# An existing store (or a demo not wanted, or --help/--verify): just the server.
if [ "$demo" = 0 ] || [ -d "$data_dir/store" ] || [[ " ${args[*]} " =~ \ (--help|-h|--verify)[\ =] ]]; then
  exec "${server[@]}"
fi

if [ -z "${HOERING_ADMIN_TOKEN:-}" ]; then
  HOERING_ADMIN_TOKEN="hoer_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "admin token (shown once, keep it): $HOERING_ADMIN_TOKEN"
fi
export HOERING_ADMIN_TOKEN
"${server[@]}" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM
host="${listen%:*}"
case "$host" in ""|0.0.0.0) host=127.0.0.1 ;; "[::]") host="[::1]" ;; esac
# The CLI waits for /readyz; give up at once if the server exits instead.
build/release/client/hoering --url "http://$host:${listen##*:}" --token "$HOERING_ADMIN_TOKEN" \
  demo load --wait 60 &
cli=$!
while kill -0 "$cli" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { kill "$cli" 2>/dev/null || true; break; }
  sleep 0.2
done
wait "$cli" 2>/dev/null || echo "run.sh: the demo data set was not loaded (see above)" >&2
# A signal interrupts `wait`; wait again until the server has drained and
# closed, and exit with its status.
while :; do
  status=0
  wait "$pid" || status=$?
  kill -0 "$pid" 2>/dev/null || break
done
exit "$status"
