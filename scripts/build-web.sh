#!/usr/bin/env bash
# Builds the browser page into web/dist/ from a clean checkout with what crates.io and the Rust
# toolchain provide: the wasm32-unknown-unknown target, wasm-bindgen-cli of exactly the version
# web/Cargo.toml pins, and (when installed) binaryen's wasm-opt to shrink the wasm further.
# The page (web/dist/index.html) works from any static host and from file://.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi

version="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' web/Cargo.toml)"
if [ -z "$version" ]; then
    echo "build-web: no pinned wasm-bindgen version in web/Cargo.toml" >&2
    exit 2
fi
if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$version" ]; then
    echo "== cargo install --locked wasm-bindgen-cli --version $version"
    cargo install --locked wasm-bindgen-cli --version "$version"
fi

target_dir="${WEB_TARGET_DIR:-$PWD/web/target}"
echo "== cargo build (web/, release, wasm32-unknown-unknown, size-optimised)"
CARGO_TARGET_DIR="$target_dir" cargo build --manifest-path web/Cargo.toml --release --target wasm32-unknown-unknown

out=web/dist
rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out/pkg" \
    "$target_dir/wasm32-unknown-unknown/release/appcert_web.wasm"
wasm="$out/pkg/appcert_web_bg.wasm"
if command -v wasm-opt >/dev/null 2>&1; then
    # The features rustc's wasm32-unknown-unknown enables by default (not --all-features: with GC
    # on, an older wasm-opt writes a type section that browsers reject).
    features="--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue --enable-simd"
    # shellcheck disable=SC2086
    if wasm-opt -Oz $features "$wasm" -o "$wasm.opt" 2>/dev/null \
        && { ! command -v node >/dev/null 2>&1 \
            || node -e 'process.exit(WebAssembly.validate(require("fs").readFileSync(process.argv[1])) ? 0 : 1)' "$wasm.opt"; }; then
        mv "$wasm.opt" "$wasm"
    else
        rm -f "$wasm.opt"
        echo "build-web: wasm-opt failed or gave an invalid module; the wasm is kept as rustc built it"
    fi
else
    echo "build-web: wasm-opt (Debian's binaryen) absent; the wasm is size-optimised by rustc only"
fi
# The wasm is embedded as base64 in a classic script, so that the page also works from file://
# (where browsers refuse to fetch a .wasm file) and makes no request of its own.
{
    printf 'self.APPCERT_WASM_BASE64 = "'
    base64 -w0 "$wasm"
    printf '";\n'
} > "$out/pkg/appcert_web_wasm.js"
rm "$wasm"
cp web/www/index.html web/www/app.js web/www/style.css "$out/"
echo "build-web: $out/index.html ($(du -h "$out/pkg/appcert_web_wasm.js" | cut -f1) of embedded wasm)"
