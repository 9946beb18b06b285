# Sourced by the wrk scripts: `start_server PORT [server flags...]` starts the
# Release hoering-server with the admin token $token on a fresh store in a
# temporary directory, listening on 127.0.0.1:PORT, and waits (up to ten
# seconds) until it answers /readyz. On exit the server is stopped and the
# store removed. Sets dir, url, pid and cli (the hoering CLI as that admin).
start_server() {
  dir="$(mktemp -d)"
  url="http://127.0.0.1:$1"
  HOERING_ADMIN_TOKEN="$token" build/release/server/hoering-server --data-dir "$dir" \
    --listen "127.0.0.1:$1" --log-level warn "${@:2}" &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
  for _ in $(seq 100); do
    curl -sf "$url/readyz" >/dev/null && break
    sleep 0.1
  done
  cli=(build/release/client/hoering --url "$url" --token "$token")
}
