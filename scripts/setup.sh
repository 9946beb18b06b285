#!/usr/bin/env bash
# Installs the Debian 12 packages hoering builds against, then the pinned npm
# packages of package-lock.json (Det Fælles Designsystem, the browser test
# harness) into ./node_modules. Idempotent: quiet and fast when everything is
# already installed. Needs root (or sudo) only when a Debian package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev libboost-url1.81-dev
  librocksdb-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libdtl-dev libcmark-dev libcli11-dev libjemalloc-dev libsimdjson-dev
  libkainjow-mustache-dev libhowardhinnant-date-dev tzdata libgmime-3.0-dev chromium
  wrk  # the HTTP benchmarks (bench/wrk/, scripts/bench_mixed_store.sh)
)
# Debian's Node.js (18) and npm only where there is none: a machine with
# NodeSource's nodejs (which ships npm) cannot also take Debian's npm package.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: `npm ci` only when node_modules was not installed from this
# very package-lock.json (its sha256 is kept as a stamp in node_modules).
stamp=node_modules/.hoering-lock-sha256
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/.package-lock.json ] && [ "$(cat "$stamp" 2>/dev/null)" = "$lock_sha" ]; then
  exit 0
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
  echo "setup: Node.js >= 18 is needed for package.json, found $(node --version)" >&2
  exit 1
fi
echo "setup: installing the npm packages of package-lock.json into node_modules/" >&2
# The harness drives Debian's /usr/bin/chromium: never a browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! npm ci --no-audit --no-fund --include=dev --loglevel=error >/dev/null; then
  echo "setup: 'npm ci' failed (see above); node_modules/ is incomplete. It needs the npm" \
       "registry and Node.js >= 18 with npm >= 7 (found node $(node --version)," \
       "npm $(npm --version))." >&2
  exit 1
fi
echo "$lock_sha" >"$stamp"
