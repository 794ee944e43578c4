#!/usr/bin/env bash
# Tests the browser page: builds it (scripts/build-web.sh) and the appcert binary, zips every
# fixture package, and drives the page in headless Chromium (Debian's chromium-headless-shell,
# installed with apt-get when missing and possible, driven by the pinned puppeteer-core of
# web/test/package-lock.json) to check that its JSON report equals the command line's on each.
# Exits 0 with "web page test skipped: …" when node, npm or Chromium cannot be had.
# SCREENSHOTS=docs/screenshots also refreshes the screenshots of the page in docs/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

skip() {
    echo "web page test skipped: $*"
    exit 0
}

command -v node >/dev/null 2>&1 || skip "node absent"
command -v npm >/dev/null 2>&1 || skip "npm absent"

find_chromium() {
    for c in chromium-headless-shell chromium chromium-browser; do
        if command -v "$c" >/dev/null 2>&1; then
            command -v "$c"
            return 0
        fi
    done
    for c in /usr/lib/chromium/chrome-headless-shell /usr/lib/chromium/headless_shell; do
        if [ -x "$c" ]; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

chromium="${CHROMIUM:-$(find_chromium || true)}"
if [ -z "$chromium" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== apt-get install chromium-headless-shell"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell) \
        || echo "apt-get could not install chromium-headless-shell"
    chromium="$(find_chromium || true)"
fi
[ -n "$chromium" ] || skip "no Chromium (install Debian's chromium-headless-shell)"
echo "chromium: $chromium ($("$chromium" --version 2>/dev/null || echo 'version unknown'))"

echo "== npm ci (web/test: puppeteer-core, pinned)"
(cd web/test && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund) || skip "npm ci failed (registry unreachable?)"

scripts/build-web.sh

echo "== cargo build (the appcert binary the page is compared with)"
cargo build --bin appcert
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
appcert="$target_dir/debug/appcert"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import os
import shutil
import sys
import zipfile

out = sys.argv[1]

def zip_folder(folder, name):
    with zipfile.ZipFile(os.path.join(out, name + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, dirs, files in os.walk(folder):
            dirs.sort()
            for f in sorted(files):
                full = os.path.join(dirpath, f)
                rel = os.path.relpath(full, folder).replace(os.sep, "/")
                info = zipfile.ZipInfo(rel, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(full, "rb") as fh:
                    z.writestr(info, fh.read())

for group, prefix in (("fixtures/packages", ""), ("fixtures/failing", "failing-")):
    for name in sorted(os.listdir(group)):
        if os.path.isdir(os.path.join(group, name)):
            zip_folder(os.path.join(group, name), prefix + name)
zip_folder("fixtures/atk-project/appPackage", "atk-project")
for name in sorted(os.listdir("fixtures/hostile")):
    if name.endswith(".zip"):
        shutil.copy(os.path.join("fixtures/hostile", name), os.path.join(out, "hostile-" + name))
print(f"{len(os.listdir(out))} fixture packages zipped")
PY

echo "== node --test web/test/page.test.js"
shots=""
if [ -n "${SCREENSHOTS:-}" ]; then
    shots="$(cd "$(dirname "$SCREENSHOTS")" && pwd)/$(basename "$SCREENSHOTS")"
fi
APPCERT="$appcert" CHROMIUM="$chromium" PACKAGES="$tmp" SCREENSHOTS="$shots" \
    node --test --test-concurrency=1 web/test/page.test.js
