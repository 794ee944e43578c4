#!/usr/bin/env bash
# Builds and packages the VS Code extension into editors/vscode/appcert.vsix (with `vsce package`).
# Needs node >= 20 and npm (the registry). The appcert binary is not bundled: install it and set
# `appcert.path` when it is not on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund
npm run compile
npm run package
ls -l appcert.vsix
