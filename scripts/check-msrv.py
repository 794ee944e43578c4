#!/usr/bin/env python3
"""Checks that the crate's declared `rust-version` is at least what every locked dependency
declares (cargo metadata's `rust_version`), so the README's minimum is the real one.

    cargo metadata --format-version 1 --locked | python3 scripts/check-msrv.py
"""
import json
import sys


def parse(v: str) -> tuple:
    return tuple(int(x) for x in v.split("."))


def main() -> None:
    meta = json.load(sys.stdin)
    root = next(p for p in meta["packages"] if p["id"] in meta["workspace_members"])
    declared = root.get("rust_version")
    if not declared:
        sys.exit("appcert declares no rust-version")
    need = max(
        ((parse(p["rust_version"]), p["name"], p["version"])
         for p in meta["packages"]
         if p.get("rust_version") and p["id"] not in meta["workspace_members"]),
        default=((0,), "", ""),
    )
    print(f"declared rust-version {declared}; highest of the dependencies: "
          f"{'.'.join(map(str, need[0]))} ({need[1]} {need[2]})")
    if parse(declared) < need[0]:
        sys.exit("the declared rust-version is lower than a dependency needs: raise it")


if __name__ == "__main__":
    main()
