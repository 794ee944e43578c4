#!/usr/bin/env bash
# Differential check: appcert's schema validation against ajv configured as
# Microsoft's Agents Toolkit (@microsoft/app-manifest@1.1.2) configures it.
#
# Usage: scripts/differential/run.sh        (from anywhere)
# Needs: node + npm (npm registry reachable for `npm ci` on first run), python3, cargo.
# Output: scripts/differential/work/{cases,ajv,rust,disagreements}.jsonl (gitignored).
# Exit: 0 on full agreement, 1 on any disagreement, 2 on a setup error, 3 when the
# corpus (../shared/corpus beside the repo) is absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
mkdir -p "$WORK"

if [[ ! -d "$HERE/node_modules/ajv" || "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]]; then
  echo "== npm ci (ajv, ajv-draft-04, ajv-formats as pinned in package-lock.json)"
  (cd "$HERE" && npm ci --no-audit --no-fund --silent)
fi

echo "== generating cases"
set +e
python3 "$HERE/make-cases.py" --out "$WORK/cases.jsonl"
rc=$?
set -e
if [[ $rc -eq 3 ]]; then
  echo "corpus absent: nothing to compare (skipped)"
  exit 3
elif [[ $rc -ne 0 ]]; then
  exit 2
fi

echo "== ajv verdicts"
node "$HERE/ajv-verdicts.js" "$WORK/cases.jsonl" >"$WORK/ajv.jsonl"

echo "== appcert verdicts"
(cd "$REPO" && cargo run --quiet --release --example schema_verdicts -- "$WORK/cases.jsonl") >"$WORK/rust.jsonl"

echo "== comparing"
python3 "$HERE/compare.py" "$WORK/cases.jsonl" "$WORK/ajv.jsonl" "$WORK/rust.jsonl" "$WORK/disagreements.jsonl"
