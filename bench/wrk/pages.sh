#!/usr/bin/env bash
# Time to first byte and page weight of /consultations/{id} (docs/performance.md
# "Web pages"): starts hoering-server on a fresh store, then
#   1. the demo (hoering demo load): wrk on /consultations/hoering-2023;
#   2. a consultation with N responses (default 10,000, posted with
#      responses.lua), closed, so its page lists the first 100 published
#      responses: wrk on /consultations/h1.
# Page weight: the HTML plus every stylesheet, script and font the page and
# its stylesheets name, as a browser with an empty cache would fetch them.
# Needs the Release build and Debian's wrk.
# Usage: bench/wrk/pages.sh [seconds=15] [connections=32] [responses=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
connections="${2:-32}"
responses="${3:-10000}"
port="${HOERING_WRK_PORT:-18091}"
token=hoer_wrk_admin_token_000000000000
source bench/wrk/start_server.sh
start_server "$port"
"${cli[@]}" demo load --wait 60 >/dev/null

# Bytes a first visit downloads: the page, its /static/ files, the fonts of
# its stylesheets (woff2, which every current browser takes).
page_weight() {
  local html assets total=0 bytes css
  html=$(curl -s "$url$1")
  total=${#html}
  assets=$(grep -o '/static/[^"]*' <<<"$html" | sort -u)
  for a in $assets; do
    bytes=$(curl -s "$url$a" | wc -c)
    total=$((total + bytes))
    if [[ "$a" == *.css ]]; then
      css="$(dirname "$(dirname "$a")")"
      for f in $(curl -s "$url$a" | grep -o 'url(\.\./fonts/[^)]*\.woff2' | sort -u); do
        bytes=$(curl -s "$url$css/${f#url(../}" | wc -c)
        total=$((total + bytes))
      done
    fi
  done
  echo "page weight $1: HTML ${#html} B, with assets and woff2 fonts $total B"
}

measure() {
  echo "== $1"
  page_weight "$1"
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency "$url$1" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx"
}

measure /consultations/hoering-2023

source bench/wrk/open_consultation.sh
open_consultation "Høring med mange svar"
fill_consultation "$responses"
echo "responses in h1: $have"
"${cli[@]}" consultation close h1 --reason "benchmark" >/dev/null
measure /consultations/h1
