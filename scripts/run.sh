#!/usr/bin/env bash
# Set-up if needed, Release build, then start the server on 127.0.0.1:8080
# with its embedded RocksDB under ./data. Extra arguments go to hoering-server
# (see `hoering-server --help`). On first start the server prints a one-time
# admin token.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh Release hoering-server hoering hoering-load
echo "CLI: build/release/client/hoering --help"
exec build/release/server/hoering-server --data-dir ./data "$@"
