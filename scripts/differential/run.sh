#!/usr/bin/env bash
# Differential check: appcert's schema validation against ajv configured as
# Microsoft's Agents Toolkit (@microsoft/app-manifest@1.1.2) configures it.
#
# Usage: scripts/differential/run.sh        (from anywhere)
# Needs: node + npm (npm registry reachable for `npm ci` on first run), python3, cargo.
# Output: scripts/differential/work/{cases,ajv,rust,disagreements}.jsonl (gitignored).
# Exit: 0 on full agreement, 1 on any disagreement, 2 on a setup error. Without the
# corpus (../shared/corpus beside the repo) only the synthetic probes are compared.
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
python3 "$HERE/make-cases.py" --out "$WORK/cases.jsonl" || exit 2

echo "== ajv verdicts"
node "$HERE/ajv-verdicts.js" "$WORK/cases.jsonl" >"$WORK/ajv.jsonl" || exit 2

echo "== appcert verdicts"
(cd "$REPO" && cargo run --quiet --release --example schema_verdicts -- "$WORK/cases.jsonl") >"$WORK/rust.jsonl" || exit 2

echo "== comparing"
python3 "$HERE/compare.py" "$WORK/cases.jsonl" "$WORK/ajv.jsonl" "$WORK/rust.jsonl" "$WORK/disagreements.jsonl"
