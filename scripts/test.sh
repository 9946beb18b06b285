#!/usr/bin/env bash
# Set-up if needed, build, and run the whole test suite (ctest).
# Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
start=$(date +%s)
scripts/build.sh Release
echo "build took $(( $(date +%s) - start )) s"
cd build/release
ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@"
