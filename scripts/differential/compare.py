#!/usr/bin/env python3
"""Compare ajv (reference) and appcert verdicts of the schema differential check.

Usage: compare.py CASES.jsonl AJV.jsonl RUST.jsonl DISAGREEMENTS.jsonl

Prints `agreement: N/M cases (P%)` (M excludes cases on which ajv itself threw while
validating: they have no reference verdict), a per-schema summary of disagreements,
writes every disagreement as one JSON line, and exits 1 when there is any.
"""
import json
import sys
from collections import Counter


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d
    return out


def verdict(d):
    if d is None:
        return "missing"
    if "compile_error" in d:
        return "compile_error"
    if "runtime_error" in d:
        return "runtime_error"
    return "valid" if d.get("valid") else "invalid"


def main():
    cases_path, ajv_path, rust_path, out_path = sys.argv[1:5]
    ajv = load(ajv_path)
    rust = load(rust_path)
    ids = []
    with open(cases_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                ids.append(json.loads(line)["id"])
    agree = 0
    total = 0
    no_reference = []
    disagreements = []
    for cid in ids:
        a, r = ajv.get(cid), rust.get(cid)
        va, vr = verdict(a), verdict(r)
        if va == "runtime_error":
            no_reference.append((cid, a))
            continue
        total += 1
        if va == vr:
            agree += 1
            continue
        disagreements.append({
            "id": cid,
            "schema": (a or r or {}).get("schema"),
            "ajv": va,
            "appcert": vr,
            "ajv_errors": (a or {}).get("errors", (a or {}).get("compile_error")),
            "appcert_errors": (r or {}).get("errors", (r or {}).get("compile_error")),
        })
    with open(out_path, "w", encoding="utf-8") as f:
        for d in disagreements:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    pct = 100.0 * agree / total if total else 100.0
    print("agreement: %d/%d cases (%.2f%%)" % (agree, total, pct))
    if no_reference:
        print("no reference verdict (ajv threw while validating): %d case(s), e.g. %s: %s" % (
            len(no_reference), no_reference[0][0], no_reference[0][1].get("runtime_error")))
    if disagreements:
        by = Counter((d["schema"], d["ajv"], d["appcert"]) for d in disagreements)
        print("disagreements by schema (ajv verdict -> appcert verdict):")
        for (schema, va, vr), n in sorted(by.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %5d  %s  ajv=%s appcert=%s" % (n, schema, va, vr))
        print("first disagreements:")
        for d in disagreements[:15]:
            print("  %s\n      ajv=%s %s\n      appcert=%s %s" % (
                d["id"][:160], d["ajv"], json.dumps(d["ajv_errors"], ensure_ascii=False)[:300],
                d["appcert"], json.dumps(d["appcert_errors"], ensure_ascii=False)[:300]))
        print("all %d disagreements: %s" % (len(disagreements), out_path))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
