#!/usr/bin/env python3
"""Measures the whole-process figures of docs/performance.md with a release binary, each as a
ratio within one run (the machine's speed and load cancel out):

1. every fixture package: median wall time of `appcert check PKG` over the median of
   `appcert --version`, runs interleaved in pairs, and the peak RSS of the check;
2. batches: the 300 corpus packages, then the same packages copied (hard links) to 3,000 and
   30,000, with `--format json -o FILE`: time per package and peak RSS, as ratios to the
   300-package run;
3. big files (scripts/make-big-packages.py): time and peak RSS over the file's size;
4. connectors: the 400 corpus connectors in one run over the 300 Teams corpus packages.

    python3 scripts/perf-measure.py [--binary target/release/appcert] [--runs 30] [--skip-30k]
"""
import argparse
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared"


def run(cmd):
    """Wall seconds and peak RSS (KiB) of one run of `cmd`."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(cmd[0], cmd)
        finally:
            os._exit(127)
    _, _, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=str(root / "target/release/appcert"))
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--skip-30k", action="store_true")
    args = ap.parse_args()
    b = os.path.abspath(args.binary)
    if not os.path.exists(b):
        sys.exit(f"{b}: build it first (cargo build --release)")

    print("## one package (median of %d interleaved pairs)" % args.runs)
    print(f"{'package':<24} {'check ms':>9} {'--version ms':>13} {'ratio':>6} {'peak RSS MiB':>13}")
    for pkg in sorted((root / "fixtures/packages").iterdir()):
        checks, versions, rss = [], [], 0
        for _ in range(args.runs):
            t, _ = run([b, "--version"])
            versions.append(t)
            t, m = run([b, "check", str(pkg), "--format", "json", "-o", os.devnull])
            checks.append(t)
            rss = max(rss, m)
        c, v = statistics.median(checks), statistics.median(versions)
        print(f"{pkg.name:<24} {c*1000:>9.2f} {v*1000:>13.2f} {c/v:>6.2f} {rss/1024:>13.1f}")

    corpus = shared / "corpus"
    if not corpus.is_dir():
        print("\n(batches, connectors: ../shared/corpus absent, skipped)")
        return
    print("\n## batches (--format json -o FILE)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        sizes = [(300, [str(corpus)])]
        copies = [10] if args.skip_30k else [10, 100]
        for n in copies:
            d = tmp / f"x{n}"
            for i in range(n):
                shutil.copytree(corpus, d / f"c{i:03}", copy_function=os.link)
            sizes.append((300 * n, [str(d)]))
        base = None
        print(f"{'packages':>9} {'wall s':>8} {'ms/pkg':>7} {'ratio':>6} {'peak RSS MiB':>13} {'ratio':>6}")
        for n, paths in sizes:
            t, m = run([b, "check", *paths, "--format", "json", "-o", str(tmp / "out.json")])
            per = t / n
            if base is None:
                base = (per, m)
            print(f"{n:>9} {t:>8.2f} {per*1000:>7.3f} {per/base[0]:>6.2f} {m/1024:>13.1f} {m/base[1]:>6.2f}")

        print("\n## big files")
        big = tmp / "big"
        subprocess.run([sys.executable, str(root / "scripts/make-big-packages.py"), str(big)],
                       check=True, stdout=subprocess.DEVNULL)
        # Each big package is a fixture with one file grown: the fixture's own run is the
        # process's floor, and what the big file adds is the difference.
        for name, file, fixture in [("openapi-6mb", "apiSpecificationFile/openapi.json", "me-api-based"),
                                    ("manifest-2mb", "manifest.json", "tab-personal")]:
            size = (big / name / file).stat().st_size
            t, m = run([b, "check", str(big / name), "--format", "json", "-o", os.devnull])
            t0, m0 = run([b, "check", str(root / "fixtures/packages" / fixture), "--format", "json", "-o", os.devnull])
            print(f"{name:<14} {size/1e6:>5.1f} MB  {t:>6.3f} s  peak RSS {m/1024:>6.1f} MiB ({m*1024/size:.1f}× the file); "
                  f"over {fixture} ({t0:.3f} s, {m0/1024:.1f} MiB): {(m-m0)*1024/size:.1f}× the file")

    connectors = shared / "corpus-connectors"
    if connectors.is_dir():
        print("\n## connectors against Teams (one run each, --format json -o FILE, median of 5)")
        teams = statistics.median(run([b, "check", str(corpus), "--format", "json", "-o", os.devnull])[0] for _ in range(5))
        conn_paths = [str(connectors / "certified-connectors"), str(connectors / "independent-publisher-connectors")]
        conn = statistics.median(run([b, "check", *conn_paths, "--format", "json", "-o", os.devnull])[0] for _ in range(5))
        print(f"300 Teams packages {teams:.3f} s; 400 connectors {conn:.3f} s; ratio {conn/teams:.2f}")


if __name__ == "__main__":
    main()
