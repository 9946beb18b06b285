#!/usr/bin/env bash
# Configures and builds hoering. Usage: scripts/build.sh [Release|RelWithDebInfo|Debug] [targets...]
# Build dir: build/<type lowercased>. Uses ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-Release}"; shift || true
dir="build/$(echo "$type" | tr '[:upper:]' '[:lower:]')"
jobs="${HOERING_JOBS:-$(nproc)}"
export CCACHE_DIR="${CCACHE_DIR:-$PWD/.cache/ccache}"
# Paths under the checkout are hashed relative to it, so worktrees and clones
# that share CCACHE_DIR reuse each other's objects.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" -Wno-dev >/dev/null
fi
if [ $# -gt 0 ]; then
  cmake --build "$dir" -j "$jobs" --target "$@"
else
  cmake --build "$dir" -j "$jobs"
fi
