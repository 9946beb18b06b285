#!/usr/bin/env bash
# Runs every tests/web/*.test.mjs with node against one hoering-server on a
# new data directory with the demo loaded. Usage: run_browser_tests.sh BUILD_DIR
# The binaries are BUILD_DIR/server/hoering-server and BUILD_DIR/client/hoering
# unless HOERING_SERVER_BIN / HOERING_CLI_BIN say otherwise. Screenshots, axe
# reports and the server's log go to BUILD_DIR/web-artifacts. Exits 77
# (skipped) only when Chromium or the npm packages are not installed.
set -euo pipefail
build=$(cd "${1:?usage: run_browser_tests.sh BUILD_DIR}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
export HOERING_CHROMIUM="${HOERING_CHROMIUM:-/usr/bin/chromium}"
server_bin="${HOERING_SERVER_BIN:-$build/server/hoering-server}"
cli_bin="${HOERING_CLI_BIN:-$build/client/hoering}"

skip() {
  echo "web.browser: skipped: $1 (scripts/setup.sh installs it)" >&2
  exit 77
}
[ -x "$HOERING_CHROMIUM" ] || skip "no $HOERING_CHROMIUM"
command -v node >/dev/null || skip "no node"
[ -f "$root/node_modules/playwright-core/package.json" ] && [ -f "$root/node_modules/axe-core/axe.min.js" ] ||
  skip "no node_modules/playwright-core or axe-core (npm ci)"
for bin in "$server_bin" "$cli_bin"; do
  [ -x "$bin" ] || { echo "web.browser: $bin is not built" >&2; exit 1; }
done

export HOERING_ARTIFACTS="$build/web-artifacts"
rm -rf "$HOERING_ARTIFACTS"
mkdir -p "$HOERING_ARTIFACTS"
log="$HOERING_ARTIFACTS/server.log"
data=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 143' INT TERM
fail() {
  echo "web.browser: $1; the server's log, $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
}

export HOERING_ADMIN_TOKEN="hoer_web$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# Port 0: the server picks a free one and prints "hoering listening on URL".
"$server_bin" --data-dir "$data" --listen 127.0.0.1:0 >"$log" 2>&1 &
pid=$!
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^hoering listening on \(http:[^ ]*\)$/\1/p' "$log")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "hoering-server exited at start"
  sleep 0.1
done
[ -n "$url" ] || fail "hoering-server did not listen within 30 s"
export HOERING_URL="$url"

ready() {
  node --no-warnings -e "fetch(process.env.HOERING_URL + '/readyz')
    .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"
}
for _ in $(seq 300); do ready && break; sleep 0.1; done
ready || fail "$url/readyz did not answer 200 within 30 s"
"$cli_bin" --url "$url" --token "$HOERING_ADMIN_TOKEN" demo load --wait 60 \
  >"$HOERING_ARTIFACTS/demo-load.log" 2>&1 || fail "hoering demo load failed ($HOERING_ARTIFACTS/demo-load.log)"

passed=0
failed=()
cd "$root"
# HOERING_WEB_TESTS narrows the run, e.g. "tests/web/manage.test.mjs".
for file in ${HOERING_WEB_TESTS:-tests/web/*.test.mjs}; do
  echo "== $file"
  if timeout 540 node --no-warnings --test-reporter=spec "$file"; then
    passed=$((passed + 1))
  else
    failed+=("$file")
  fi
done
echo "web.browser: server $url, artifacts in $HOERING_ARTIFACTS"
echo "files: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
