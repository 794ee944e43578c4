#!/usr/bin/env bash
# Builds the hostile packages of tests/integration/hostile.rs into a temporary folder, runs the
# release binary on each under /usr/bin/time -v and prints exit code, verdict, rule ids, wall
# time and peak memory per case. The bar (issue 4): at most 2 s and 256 MiB each.
#
#   scripts/hostile-measure.sh            # default limits
#   scripts/hostile-measure.sh --max-entry-bytes 134217728 --max-total-bytes 268435456 --max-ratio 1000000
#
# Extra arguments are passed to `appcert check`. Not a test: it measures and reports.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin appcert --example hostile
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/hostile "$dir/in" > "$dir/cases.tsv"
bin=target/release/appcert
printf '%-20s %10s %4s %-8s %8s %10s  %s\n' case bytes exit verdict wall_s peak_MiB rules
fail=0
while IFS=$'\t' read -r name size _rules; do
  zip="$dir/in/$name.zip"
  set +e
  /usr/bin/time -v "$bin" check --format json "$@" "$zip" > "$dir/out.json" 2> "$dir/time.txt"
  code=$?
  set -e
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
  # m:ss.ss → seconds
  secs=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }')
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  mib=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
  verdict=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["packages"][0]["verdict"])' "$dir/out.json" 2>/dev/null || echo "?")
  rules=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(",".join(sorted({f["rule"] for f in r["packages"][0]["findings"] if f["severity"] == "error"})))' "$dir/out.json" 2>/dev/null || echo "?")
  printf '%-20s %10s %4s %-8s %8s %10s  %s\n' "$name" "$size" "$code" "$verdict" "$secs" "$mib" "$rules"
  if awk -v s="$secs" -v m="$mib" 'BEGIN { exit !(s > 2 || m > 256) }'; then
    echo "  ^ above the bar (2 s, 256 MiB)"
    fail=1
  fi
  # Nothing may be extracted next to the input.
  if [ "$(ls "$dir/in" | wc -l)" != "$(wc -l < "$dir/cases.tsv")" ]; then
    echo "  ^ files appeared in the input folder"
    fail=1
  fi
done < "$dir/cases.tsv"
exit $fail
