#!/usr/bin/env python3
"""Hits per rule of appcert on the connector corpus (../shared/corpus-connectors), for
docs/connector-findings.md. Usage: scripts/connector-findings.py APPCERT_BINARY [SUBMISSION]"""
import collections, json, subprocess, sys, os, random
binary = sys.argv[1]
submission = sys.argv[2] if len(sys.argv) > 2 else "update"
root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus-connectors")
paths = [os.path.join(root, "certified-connectors"), os.path.join(root, "independent-publisher-connectors")]
out = subprocess.run([binary, "check", "--format", "json", "--submission", submission, "-q", *paths],
                     capture_output=True, text=True)
report = json.loads(out.stdout)
pkgs = report["packages"]
n = {"certified": 0, "independent": 0}
by_rule = collections.defaultdict(lambda: {"certified": set(), "independent": set(), "findings": 0, "severity": set(), "samples": []})
verdicts = collections.Counter()
for p in pkgs:
    kind = "independent" if "independent-publisher-connectors" in p["input"] else "certified"
    n[kind] += 1
    verdicts[(kind, p["verdict"])] += 1
    for f in p["findings"]:
        r = by_rule[f["rule"]]
        r[kind].add(p["input"])
        r["findings"] += 1
        r["severity"].add(f["severity"])
        r["samples"].append((p["input"].split("/")[-1], f.get("file", ""), f.get("pointer", ""), f.get("line"), f["message"]))
print(f"connectors: {n}, verdicts: {dict(verdicts)}")
print("| rule | severity | certified (of %d) | independent (of %d) | %% of all | findings |" % (n["certified"], n["independent"]))
print("|---|---|---|---|---|---|")
total = n["certified"] + n["independent"]
for rule, r in sorted(by_rule.items(), key=lambda kv: -(len(kv[1]["certified"]) + len(kv[1]["independent"]))):
    hit = len(r["certified"]) + len(r["independent"])
    print(f"| `{rule}` | {'/'.join(sorted(r['severity']))} | {len(r['certified'])} | {len(r['independent'])} | {100*hit/total:.0f} % | {r['findings']} |")
random.seed(11)
print()
for rule, r in sorted(by_rule.items()):
    print(f"### {rule}")
    for s in random.sample(r["samples"], min(4, len(r["samples"]))):
        print(f"- {s[0]} `{s[1]}` `{s[2]}` line {s[3]}: {s[4][:200]}")
