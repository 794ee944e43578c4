#!/usr/bin/env bash
# Builds the npm packages from release binaries into npm/dist/ (gitignored):
#   npm/dist/appcert/            the wrapper `appcert` (npm/appcert/: the launcher bin/appcert.js,
#                                optionalDependencies on every platform package)
#   npm/dist/cli-<platform>/     `@appcert/cli-<platform>`, carrying one binary (npm/platform/)
# The version of every package is Cargo.toml's.
#
# Usage: scripts/build-npm.sh [PLATFORM=BINARY]...
#   PLATFORM is node's `<process.platform>-<process.arch>`: linux-x64, linux-arm64, darwin-x64,
#   darwin-arm64 or win32-x64. Default: this machine's platform and
#   ${CARGO_TARGET_DIR:-target}/release/appcert (build it first: cargo build --release).
# A release pipeline runs it once with every platform's binary, then publishes the platform
# packages before the wrapper (npm publish --access public in each folder).
# Needs python3 (stdlib) only; packing and installing is scripts/test-npm.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[ -n "$version" ] || { echo "build-npm: no version in Cargo.toml" >&2; exit 2; }

host_platform() {
    local os cpu
    case "$(uname -s)" in
        Linux) os=linux ;;
        Darwin) os=darwin ;;
        MINGW* | MSYS* | CYGWIN*) os=win32 ;;
        *) os="$(uname -s)" ;;
    esac
    case "$(uname -m)" in
        x86_64 | amd64) cpu=x64 ;;
        aarch64 | arm64) cpu=arm64 ;;
        *) cpu="$(uname -m)" ;;
    esac
    echo "$os-$cpu"
}

specs=("$@")
if [ "${#specs[@]}" -eq 0 ]; then
    bin="${CARGO_TARGET_DIR:-target}/release/appcert"
    [ "$(host_platform)" = win32-x64 ] && bin="$bin.exe"
    specs=("$(host_platform)=$bin")
fi

known="$(python3 -c 'import json,sys; print(" ".join(p.removeprefix("@appcert/cli-") for p in json.load(open(sys.argv[1]))["optionalDependencies"]))' npm/appcert/package.json)"
dist="npm/dist"
rm -rf "$dist"
mkdir -p "$dist"

for spec in "${specs[@]}"; do
    platform="${spec%%=*}"
    binary="${spec#*=}"
    if [ "$platform" = "$spec" ] || [ -z "$binary" ]; then
        echo "build-npm: $spec: expected PLATFORM=BINARY" >&2
        exit 2
    fi
    case " $known " in
        *" $platform "*) ;;
        *) echo "build-npm: unknown platform $platform (known: $known)" >&2; exit 2 ;;
    esac
    [ -f "$binary" ] || { echo "build-npm: $binary: no such binary (cargo build --release first)" >&2; exit 2; }
    os="${platform%-*}"
    cpu="${platform#*-}"
    name=appcert
    [ "$os" = win32 ] && name=appcert.exe
    out="$dist/cli-$platform"
    mkdir -p "$out/bin"
    cp "$binary" "$out/bin/$name"
    chmod 755 "$out/bin/$name"
    sed -e "s/@PLATFORM@/$platform/g" -e "s/@VERSION@/$version/g" -e "s/@OS@/$os/g" \
        -e "s/@CPU@/$cpu/g" -e "s/@BINARY@/$name/g" npm/platform/package.json >"$out/package.json"
    echo "build-npm: $out (@appcert/cli-$platform $version, $(wc -c <"$binary") bytes)"
done

mkdir -p "$dist/appcert/bin"
cp npm/appcert/bin/appcert.js "$dist/appcert/bin/"
chmod 755 "$dist/appcert/bin/appcert.js"
cp npm/appcert/README.md "$dist/appcert/"
python3 - "$version" npm/appcert/package.json "$dist/appcert/package.json" <<'PY'
import json
import sys

version, source, target = sys.argv[1:]
with open(source, encoding="utf-8") as f:
    pkg = json.load(f)
pkg["version"] = version
pkg["optionalDependencies"] = {name: version for name in pkg["optionalDependencies"]}
with open(target, "w", encoding="utf-8") as f:
    json.dump(pkg, f, indent=2)
    f.write("\n")
PY
echo "build-npm: $dist/appcert (appcert $version)"
