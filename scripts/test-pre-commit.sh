#!/usr/bin/env bash
# Tests the pre-commit hooks (.pre-commit-hooks.yaml) with `pre-commit try-repo`, which clones
# this repository at HEAD (with the working tree's changes) as a user's configuration would:
# in a temporary git repository holding a fixture package, the `appcert-system` hook (appcert
# on PATH: ${CARGO_TARGET_DIR:-target}/release/appcert, built when missing) passes on a clean
# package and fails, naming the rule, when a failing package is added.
# The `appcert` hook (language: rust) compiles appcert from the clone with `cargo install`: it is
# tried only with APPCERT_TEST_RUST_HOOK=1, with this repository's target folder (or
# CARGO_TARGET_DIR) so that the dependencies built for the release binary are reused (about
# 2 minutes on two cores; from nothing, a release build: about 13 minutes).
# pre-commit is installed with pip into a temporary virtual environment; prints
# "pre-commit hook test skipped: WHY" and exits 0 when that cannot be done.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
skip() {
    echo "pre-commit hook test skipped: $*"
    exit 0
}
command -v git >/dev/null 2>&1 || skip "git is not installed"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv" >/dev/null 2>&1 || skip "python3 cannot make a virtual environment (python3-venv missing?)"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pre-commit>=3.2,<5" ||
    skip "pip could not install pre-commit (PyPI unreachable?)"
precommit="$tmp/venv/bin/pre-commit"
echo "pre-commit $("$precommit" --version | sed 's/^pre-commit //')"

binary="${CARGO_TARGET_DIR:-target}/release/appcert"
if [ ! -x "$binary" ]; then
    cargo build --release --locked
fi
bindir="$(cd "$(dirname "$binary")" && pwd)"

fail() {
    echo "pre-commit hook test FAILED: $*" >&2
    exit 1
}

# A user's repository with one clean package.
export PRE_COMMIT_HOME="$tmp/cache" GIT_AUTHOR_NAME=appcert GIT_AUTHOR_EMAIL=ci@appcert.invalid \
    GIT_COMMITTER_NAME=appcert GIT_COMMITTER_EMAIL=ci@appcert.invalid
project="$tmp/project"
mkdir -p "$project"
cp -R fixtures/packages/declarative-agent "$project/appPackage"
git -C "$project" init --quiet
git -C "$project" add -A

try() { # try HOOK EXPECTED_CODE: runs the hook on every file of the project
    local hook="$1" expected="$2" code=0
    (cd "$project" && PATH="$bindir:$PATH" "$precommit" try-repo "$root" "$hook" --all-files --color never) \
        >"$tmp/out" 2>&1 || code=$?
    if [ "$code" -ne "$expected" ]; then
        cat "$tmp/out" >&2
        fail "pre-commit try-repo $hook exited with $code, $expected expected"
    fi
}

try appcert-system 0
grep -q "^appcert (Teams / Microsoft 365 app packages).*Passed" "$tmp/out" || fail "no Passed line: $(cat "$tmp/out")"
echo "ok: appcert-system passes on a clean package"

cp -R fixtures/failing/listing-and-domains "$project/broken"
git -C "$project" add -A
try appcert-system 1
grep -q "Failed" "$tmp/out" && grep -q "valid-domain-tunnel" "$tmp/out" && grep -q "broken (Teams Standup Beta 1.0): fail" "$tmp/out" ||
    fail "the failing package is not reported: $(cat "$tmp/out")"
echo "ok: appcert-system fails on a failing package, naming its findings"

if [ "${APPCERT_TEST_RUST_HOOK:-0}" = 1 ]; then
    git -C "$project" rm -r --quiet --cached broken
    rm -rf "$project/broken"
    start=$SECONDS
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
    try appcert 0
    echo "ok: appcert (language: rust) builds and passes on a clean package ($((SECONDS - start)) s)"
else
    echo "the appcert hook (language: rust: it compiles appcert) is not tried; APPCERT_TEST_RUST_HOOK=1 tries it"
fi
echo "pre-commit hook test: ok"
