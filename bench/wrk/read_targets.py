#!/usr/bin/env python3
"""The read benchmarks' targets on a store from bench/projections_bench.

    python3 bench/wrk/read_targets.py URL TOKEN

Prints HOERING_WRK_TARGETS for bench/wrk/reads_of_kind.lua: for each of the 50 consultations with
the most responses among those with 100-400, "consultation,agreement,consulted version,latest
version,first response", joined by ";". Exits 2 when the store has none.
scripts/bench_mixed_store.sh and bench/wrk/diff_reads.py read the same targets.
"""
import json
import sys
import urllib.request


def get(url, token, path):
    req = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))


def number(v):
    return v["number"] if isinstance(v, dict) else v


def targets(url, token):
    """[(consultation, agreement, consulted version, latest version, first response)]"""
    found, after = [], None
    while True:
        body = get(url, token, "/v1/consultations?limit=500" + ("&after=" + after if after else ""))
        for c in body["items"]:
            n = c.get("responses", {}).get("submitted", 0)
            if 100 <= n <= 400:
                found.append((n, c["id"]))
        after = body.get("next")
        if not after:
            break
    out = []
    for _, c in sorted(found, reverse=True)[:50]:
        consultation = get(url, token, "/v1/consultations/" + c)
        agreement = consultation["agreement"]
        latest = number(get(url, token, "/v1/agreements/" + agreement)["version"])
        first = get(url, token, "/v1/consultations/" + c + "/responses?limit=1")["items"][0]["id"]
        out.append((c, agreement, str(number(consultation["version"])), str(latest), first))
    return out


if __name__ == "__main__":
    picked = targets(sys.argv[1], sys.argv[2])
    if not picked:
        sys.exit("no consultation with 100-400 responses in this store")
    print(";".join(",".join(t) for t in picked))
