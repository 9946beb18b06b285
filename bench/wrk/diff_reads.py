#!/usr/bin/env python3
"""Times the diffs the mixed benchmark reads, one at a time (docs/performance.md, session 20).

Against a running server on a store from bench/projections_bench:
    python3 bench/wrk/diff_reads.py [URL] [TOKEN] [ROUNDS]
Takes the targets scripts/bench_mixed_store.sh reads (read_targets.py), asks
once for each diff from the consulted version to the agreement's latest (to warm the version
texts, and since 2026-12-03 the kept diff bodies), then ROUNDS more times, and prints the mean
time of those.
"""
import sys
import time
import urllib.request

import read_targets  # beside this file

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18089"
token = sys.argv[2] if len(sys.argv) > 2 else "bench_admin_token_0123456789abcdef"
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3


def get(path):
    req = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    return urllib.request.urlopen(req).read()


paths = ["/v1/agreements/%s/diff?from=%s&to=%s" % (a, consulted, latest)
         for _, a, consulted, latest, _ in read_targets.targets(url, token)]
sizes = [len(get(p)) for p in paths]
start, n = time.time(), 0
for _ in range(rounds):
    for p in paths:
        get(p)
        n += 1
print("%d diffs (%d-%d KB), %d requests: %.1f ms each" %
      (len(paths), min(sizes) // 1024, max(sizes) // 1024, n, (time.time() - start) * 1000 / n))
