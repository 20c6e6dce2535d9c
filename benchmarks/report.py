#!/usr/bin/env python3
"""Turns benchmarks/target/results.json (JMH) into the Markdown table of benchmarks/README.md:
median time per operation, its ratio to the floor of the same run, and allocation per operation.
Usage: benchmarks/report.py [results.json]"""
import json
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/results.json"
results = json.load(open(path))

ORDER = ["floor", "ours", "oursResult", "floorAsync", "fabric8Jdk", "fabric8Vertx", "official"]
rows = {}
for r in results:
    scenario = r["benchmark"].rsplit(".", 1)[1]
    client = r.get("params", {}).get("client", "?")
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows.setdefault(scenario, {})[client] = (statistics.median(raw), r["primaryMetric"]["scoreUnit"], alloc, r["threads"])


def human_bytes(b):
    if b is None:
        return "n/a"
    for unit in ["B", "KB", "MB", "GB"]:
        if b < 1024 or unit == "GB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1024


print("| scenario | client | median | ratio to floor | alloc/op | alloc ratio |")
print("|---|---|---:|---:|---:|---:|")
for scenario in ["list", "get", "get16", "watch"]:
    if scenario not in rows:
        continue
    clients = rows[scenario]
    floor = clients.get("floor")
    for client in sorted(clients, key=lambda c: ORDER.index(c) if c in ORDER else 99):
        median, unit, alloc, threads = clients[client]
        label = scenario + (f" ({threads} threads)" if threads > 1 else "")
        ratio = f"{median / floor[0]:.2f}x" if floor else "n/a"
        alloc_ratio = f"{alloc / floor[2]:.2f}x" if floor and alloc and floor[2] else "n/a"
        print(f"| {label} | {client} | {median:,.1f} {unit} | {ratio} | {human_bytes(alloc)} | {alloc_ratio} |")
