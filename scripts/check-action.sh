#!/usr/bin/env bash
# Validates the GitHub Action's metadata (action.yml) and runs its steps locally: see
# scripts/action/check-action.mjs. Installs the pinned validator (scripts/action, npm ci);
# uses ${CARGO_TARGET_DIR:-target}/release/appcert, built when missing.
# Prints "action check skipped: WHY" and exits 0 when node or npm is absent or the npm registry
# cannot be reached.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "action check skipped: node or npm is not installed"
    exit 0
fi
(cd scripts/action && npm ci --no-audit --no-fund --silent) ||
    { echo "action check skipped: npm ci failed in scripts/action (registry unreachable?)"; exit 0; }
binary="${CARGO_TARGET_DIR:-target}/release/appcert"
if [ ! -x "$binary" ]; then
    cargo build --release --locked
fi
PATH="$(cd "$(dirname "$binary")" && pwd):$PATH" node scripts/action/check-action.mjs "$root"
