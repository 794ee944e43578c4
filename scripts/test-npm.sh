#!/usr/bin/env bash
# Tests the npm packages the way a user gets them: builds them from the release binary
# (scripts/build-npm.sh), packs them (npm pack), installs the tarballs into a temporary project
# offline (nothing comes from the registry), and runs `npx appcert check` there: a clean
# fixture exits 0, a failing one 1, a missing path 2; the JSON report comes through intact;
# on a platform without a package the launcher says so (exit 2); a signal reaches the binary.
# Prints "npm package test skipped: WHY" and exits 0 when node or npm is absent.
# Uses ${CARGO_TARGET_DIR:-target}/release/appcert, built when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "npm package test skipped: node or npm is not installed"
    exit 0
fi
binary="${CARGO_TARGET_DIR:-target}/release/appcert"
if [ ! -x "$binary" ]; then
    cargo build --release --locked
fi
echo "node $(node --version), npm $(npm --version)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bash scripts/build-npm.sh
mkdir -p "$tmp/tarballs" "$tmp/project"
for dir in npm/dist/*/; do
    (cd "$dir" && npm pack --silent --pack-destination "$tmp/tarballs" >/dev/null)
done
ls "$tmp/tarballs"

fail() {
    echo "npm package test FAILED: $*" >&2
    exit 1
}

# The wrapper's tarball must carry the launcher and its metadata only.
tar -tzf "$tmp"/tarballs/appcert-[0-9]*.tgz | sort >"$tmp/files"
[ "$(cat "$tmp/files")" = "$(printf 'package/README.md\npackage/bin/appcert.js\npackage/package.json')" ] ||
    fail "unexpected files in the wrapper tarball: $(tr '\n' ' ' <"$tmp/files")"

cd "$tmp/project"
# Offline and with an empty cache: every package must come from the local tarballs (the other
# platforms' optional dependencies cannot be fetched and are skipped).
export npm_config_cache="$tmp/cache" npm_config_offline=true npm_config_audit=false \
    npm_config_fund=false npm_config_update_notifier=false
npm init -y >/dev/null
npm install --no-save "$tmp"/tarballs/*.tgz
[ -x node_modules/.bin/appcert ] || fail "node_modules/.bin/appcert was not installed"

run() { # run EXPECTED_CODE ARGS... : runs `npx appcert ARGS`, checks the exit code
    local expected="$1" code=0
    shift
    npx appcert "$@" >"$tmp/out" 2>"$tmp/err" || code=$?
    if [ "$code" -ne "$expected" ]; then
        cat "$tmp/out" "$tmp/err" >&2
        fail "npx appcert $* exited with $code, $expected expected"
    fi
    echo "ok: npx appcert $* (exit $code)"
}

run 0 check "$root/fixtures/packages/declarative-agent"
grep -q "declarative-agent (Fernhill Travel 1.0.0): pass" "$tmp/out" || fail "no pass line: $(cat "$tmp/out")"
run 1 check "$root/fixtures/failing/listing-and-domains"
grep -q "fail, " "$tmp/out" || fail "no fail line: $(cat "$tmp/out")"
run 1 check "$root/fixtures/failing/listing-and-domains" --format json
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (r.packages.length !== 1 || r.packages[0].verdict !== "fail") process.exit(1);
' "$tmp/out" || fail "the JSON report did not come through: $(head -c 300 "$tmp/out")"
run 2 check "$root/no-such-package"
grep -q "appcert: error:" "$tmp/err" || fail "no usage error: $(cat "$tmp/err")"
run 0 --version
grep -qx "appcert $(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)" "$tmp/out" ||
    fail "version: $(cat "$tmp/out")"

# A platform without a package, and a platform whose package is not installed: exit 2, a clear
# message (process.platform and process.arch faked before the launcher runs).
launcher="$PWD/node_modules/appcert/bin/appcert.js"
code=0
node -e 'Object.defineProperty(process, "platform", { value: "aix" }); require(process.argv[1]);' \
    "$launcher" 2>"$tmp/err" || code=$?
[ "$code" -eq 2 ] && grep -q "no appcert binary is published on npm for aix-" "$tmp/err" ||
    fail "unsupported platform: exit $code, $(cat "$tmp/err")"
echo "ok: an unsupported platform is named (exit 2)"
other="arm64"
[ "$(node -p process.arch)" = arm64 ] && other="x64"
code=0
node -e 'Object.defineProperty(process, "arch", { value: process.argv[2] }); require(process.argv[1]);' \
    "$launcher" "$other" 2>"$tmp/err" || code=$?
[ "$code" -eq 2 ] && grep -q "is not installed" "$tmp/err" ||
    fail "missing platform package: exit $code, $(cat "$tmp/err")"
echo "ok: a missing platform package is named (exit 2)"

# A signal sent to the launcher ends the binary (the language server waits on its input).
if command -v pgrep >/dev/null 2>&1 && command -v mkfifo >/dev/null 2>&1; then
    mkfifo "$tmp/in"
    exec 3<>"$tmp/in"
    node "$launcher" lsp <&3 >/dev/null 2>&1 &
    launcher_pid=$!
    child=""
    for _ in $(seq 100); do
        child="$(pgrep -P "$launcher_pid" || true)"
        [ -n "$child" ] && break
        sleep 0.1
    done
    [ -n "$child" ] || { kill "$launcher_pid" 2>/dev/null || true; fail "the launcher started no binary"; }
    kill -TERM "$launcher_pid"
    code=0
    wait "$launcher_pid" || code=$?
    exec 3>&-
    [ "$code" -eq 143 ] || fail "after SIGTERM the launcher exited with $code (143 expected)"
    for _ in $(seq 100); do
        kill -0 "$child" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$child" 2>/dev/null; then
        kill -KILL "$child" 2>/dev/null || true
        fail "the binary outlived the launcher's SIGTERM"
    fi
    echo "ok: SIGTERM reaches the binary and the launcher ends with it (143)"
else
    echo "signal test skipped: pgrep or mkfifo absent"
fi
echo "npm package test: ok"
