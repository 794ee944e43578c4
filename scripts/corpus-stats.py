#!/usr/bin/env python3
"""Counts how often each rule fires on a JSON report of the corpus run.

    target/release/appcert check ../shared/corpus --format json --output /tmp/corpus.json
    python3 scripts/corpus-stats.py /tmp/corpus.json [--samples RULE N]

Prints a Markdown table: rule, severity, findings, packages hit.
"""
import collections
import json
import sys


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    hits = collections.Counter()
    packages = collections.defaultdict(set)
    severity = {}
    for p in report["packages"]:
        for finding in p["findings"]:
            rule = finding["rule"]
            hits[rule] += 1
            packages[rule].add(p["input"])
            severity.setdefault(rule, set()).add(finding["severity"])
    if len(sys.argv) >= 5 and sys.argv[2] == "--samples":
        rule, n = sys.argv[3], int(sys.argv[4])
        shown = 0
        for p in report["packages"]:
            for finding in p["findings"]:
                if finding["rule"] == rule and shown < n:
                    shown += 1
                    print(f"{p['input']}: {finding['file']}:{finding['line']}:{finding['column']} {finding['message']}")
        return
    s = report["summary"]
    print(f"{s['packages']} packages: {s['passed']} pass, {s['failed']} fail.\n")
    print("| rule | severity | findings | packages |")
    print("|---|---|---:|---:|")
    for rule, n in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| `{rule}` | {', '.join(sorted(severity[rule]))} | {n} | {len(packages[rule])} |")


if __name__ == "__main__":
    main()
