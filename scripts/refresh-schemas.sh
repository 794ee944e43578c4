#!/usr/bin/env bash
# Vendor the JSON schemas shipped in the npm package @microsoft/app-manifest.
#
# Usage: scripts/refresh-schemas.sh [VERSION]     (default VERSION: 1.1.2)
#
# Copies package/build/json-schemas/**.json UNMODIFIED into schemas/json-schemas/
# (same relative layout), removes vendored files that no longer exist upstream,
# and rewrites schemas/PROVENANCE.md and schemas/provenance.tsv.
set -euo pipefail

PKG="@microsoft/app-manifest"
VERSION="${1:-1.1.2}"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$REPO_ROOT/schemas/json-schemas"
PROV_MD="$REPO_ROOT/schemas/PROVENANCE.md"
PROV_TSV="$REPO_ROOT/schemas/provenance.tsv"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "fetching $PKG@$VERSION ..." >&2
(cd "$TMP" && npm pack --silent "$PKG@$VERSION" >pack-name.txt)
TARBALL="$TMP/$(tail -n1 "$TMP/pack-name.txt")"
[[ -f "$TARBALL" ]] || { echo "npm pack produced no tarball" >&2; exit 1; }

# Integrity as published by the registry, and as computed from what we got.
INTEGRITY="$(npm view "$PKG@$VERSION" dist.integrity)"
LOCAL_INTEGRITY="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [[ "$INTEGRITY" != "$LOCAL_INTEGRITY" ]]; then
  echo "integrity mismatch: registry says $INTEGRITY, tarball is $LOCAL_INTEGRITY" >&2
  exit 1
fi
LICENSE_ID="$(npm view "$PKG@$VERSION" license)"

mkdir -p "$TMP/x"
tar -xzf "$TARBALL" -C "$TMP/x"
SRC="$TMP/x/package/build/json-schemas"
[[ -d "$SRC" ]] || { echo "package has no build/json-schemas/" >&2; exit 1; }

# Copyright line: from a LICENSE file if the package ships one, else from the
# header of the package's own sources.
COPYRIGHT=""
for f in "$TMP"/x/package/LICENSE* "$TMP"/x/package/license*; do
  [[ -f "$f" ]] || continue
  COPYRIGHT="$(grep -m1 -i 'copyright' "$f" || true)"
  [[ -n "$COPYRIGHT" ]] && break
done
if [[ -z "$COPYRIGHT" && -f "$TMP/x/package/build/index.js" ]]; then
  COPYRIGHT="$(grep -m1 -i 'copyright' "$TMP/x/package/build/index.js" | sed -E 's#^[[:space:]]*(//|/\*|\*)[[:space:]]*##' || true)"
fi

# Copy JSON schema files only (no JS or anything else), byte for byte.
mkdir -p "$DEST"
(cd "$SRC" && find . -type f -name '*.json' | sed 's#^\./##' | LC_ALL=C sort) >"$TMP/new-list.txt"
if [[ ! -s "$TMP/new-list.txt" ]]; then
  echo "no JSON schema files found in package" >&2
  exit 1
fi
while IFS= read -r rel; do
  mkdir -p "$DEST/$(dirname "$rel")"
  cp -f "$SRC/$rel" "$DEST/$rel"
done <"$TMP/new-list.txt"

# Remove vendored files that disappeared upstream (and non-JSON strays).
# (connectors/ holds the Power Platform connector schemas: another source, see
# schemas/PROVENANCE-connectors.md; never touched here.)
(cd "$DEST" && find . -type f | sed 's#^\./##' | grep -v '^connectors/' | LC_ALL=C sort) >"$TMP/old-list.txt"
LC_ALL=C comm -23 "$TMP/old-list.txt" "$TMP/new-list.txt" | while IFS= read -r gone; do
  echo "removing $gone (no longer in package)" >&2
  rm -f "$DEST/$gone"
done
find "$DEST" -type d -empty -delete

# provenance.tsv: path<TAB>sha256<TAB>bytes, path relative to schemas/json-schemas/.
{
  printf 'path\tsha256\tbytes\n'
  while IFS= read -r rel; do
    sum="$(sha256sum "$DEST/$rel" | cut -d' ' -f1)"
    bytes="$(stat -c %s "$DEST/$rel")"
    printf '%s\t%s\t%s\n' "$rel" "$sum" "$bytes"
  done <"$TMP/new-list.txt"
} >"$PROV_TSV"

COUNT="$(wc -l <"$TMP/new-list.txt" | tr -d ' ')"
TODAY="$(date -u +%Y-%m-%d)"
cat >"$PROV_MD" <<MD
# Provenance of the vendored schemas

The files under \`schemas/json-schemas/\` are copied unmodified from the npm
package below (its \`build/json-schemas/\` directory, JSON files only).
Any fix-ups needed to make them compile are applied at load time in
\`src/schema/quirks.rs\`, never to these files.

| field | value |
| --- | --- |
| package | \`$PKG\` |
| version | \`$VERSION\` |
| license | $LICENSE_ID${COPYRIGHT:+ ($COPYRIGHT)} |
| tarball integrity | \`$INTEGRITY\` |
| refreshed on | $TODAY (UTC) |
| files | $COUNT (listed with SHA-256 and size in \`schemas/provenance.tsv\`) |

To refresh (optionally with another version):

\`\`\`sh
scripts/refresh-schemas.sh $VERSION
\`\`\`

The script checks that the tarball fetched by \`npm pack\` matches the
registry's published integrity before copying anything.

## License of the vendored files

MIT License

${COPYRIGHT:-Copyright (c) Microsoft Corporation.}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
MD

echo "vendored $COUNT schema files from $PKG@$VERSION into schemas/json-schemas/" >&2
