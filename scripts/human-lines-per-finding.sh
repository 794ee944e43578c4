#!/usr/bin/env bash
# Measures how long the human report is: findings, lines, and lines per finding of
# `appcert check FOLDER` (the default human format) on a folder of packages (issue 15's bar: at
# most 5.0 lines per finding on the corpus, from about 15 before).
#
#   scripts/human-lines-per-finding.sh ../shared/corpus
#   WIDTH=100 scripts/human-lines-per-finding.sh ../shared/corpus   # as on a 100-column terminal
#   APPCERT=/path/to/appcert scripts/human-lines-per-finding.sh FOLDER [more check arguments]
#
# The binary: $APPCERT, else target/release/appcert, else target/debug/appcert (under
# $CARGO_TARGET_DIR when set). Findings are counted by `--statistics` (suppressed ones excluded,
# as the human report hides them). With WIDTH, the report is printed to a pseudo-terminal of
# that width (`script`, util-linux) so prose wraps as a reader sees it; colour is off.
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
folder=$1
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
bin=${APPCERT:-}
if [ -z "$bin" ]; then
  for dir in "${CARGO_TARGET_DIR:-$root/target}/release" "${CARGO_TARGET_DIR:-$root/target}/debug"; do
    if [ -x "$dir/appcert" ]; then
      bin=$dir/appcert
      break
    fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "no appcert binary: build one (cargo build) or set APPCERT" >&2
  exit 2
fi
# `check` exits 1 when a package fails: that is not an error here.
findings=$("$bin" check "$folder" --statistics --color never "$@" | awk '/findings in/ {print $1}' || true)
if [ -n "${WIDTH:-}" ]; then
  cmd=$(printf '%q ' env COLUMNS="$WIDTH" NO_COLOR=1 "$bin" check "$folder" --color never "$@")
  lines=$(script -qec "$cmd 2>/dev/null" /dev/null | tr -d '\r' | wc -l || true)
else
  lines=$("$bin" check "$folder" --color never "$@" | wc -l || true)
fi
findings=${findings:-0}
echo "findings: $findings"
echo "lines: $lines"
if [ "$findings" -gt 0 ]; then
  awk -v l="$lines" -v f="$findings" 'BEGIN { printf "lines per finding: %.2f\n", l / f }'
fi
