#!/usr/bin/env python3
"""Times the diffs the mixed benchmark reads, one at a time (docs/performance.md, session 20).

Against a running server on a store from bench/projections_bench:
    python3 bench/wrk/diff_reads.py [URL] [TOKEN] [ROUNDS]
Picks the 50 consultations with 100-400 responses that scripts/bench_mixed_store.sh picks, asks
once for each diff from the consulted version to the agreement's latest (to warm the version
texts, and since 2026-12-03 the kept diff bodies), then ROUNDS more times, and prints the mean
time of those.
"""
import json
import sys
import time
import urllib.request

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18089"
token = sys.argv[2] if len(sys.argv) > 2 else "bench_admin_token_0123456789abcdef"
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3


def get(path, raw=False):
    req = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    body = urllib.request.urlopen(req).read()
    return body if raw else json.loads(body)


def number(v):
    return v["number"] if isinstance(v, dict) else v


found, after = [], None
while True:
    page = get("/v1/consultations?limit=500" + ("&after=" + after if after else ""))
    for c in page["items"]:
        n = c.get("responses", {}).get("submitted", 0)
        if 100 <= n <= 400:
            found.append((n, c["id"]))
    after = page.get("next")
    if not after:
        break
paths = []
for _, c in sorted(found, reverse=True)[:50]:
    consultation = get("/v1/consultations/" + c)
    agreement = consultation["agreement"]
    latest = number(get("/v1/agreements/" + agreement)["version"])
    paths.append("/v1/agreements/%s/diff?from=%s&to=%s" % (agreement, number(consultation["version"]), latest))
sizes = [len(get(p, raw=True)) for p in paths]
start, n = time.time(), 0
for _ in range(rounds):
    for p in paths:
        get(p, raw=True)
        n += 1
print("%d diffs (%d-%d KB), %d requests: %.1f ms each" %
      (len(paths), min(sizes) // 1024, max(sizes) // 1024, n, (time.time() - start) * 1000 / n))
