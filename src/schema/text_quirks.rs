//! The schema text patches, applied by `build.rs` to the vendored schema texts before it
//! parses them and applies `quirks::patch_schema` (so a run does not copy, rescan and patch
//! them) and kept here, without dependencies, so that the build script and the tests share one
//! definition (`build.rs` includes this file with `#[path]`, as it includes `quirks.rs` and
//! `connector_quirks.rs`).

use std::borrow::Cow;

/// Applied to the raw schema text before it is parsed.
///
/// The toolkit replaces `\a` with `\u0007` and `\v` with `\u000b` in the raw text of every
/// schema before parsing it (`AppManifestUtils.fetchSchema`:
/// `raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")`), because `\a` is not a valid
/// escape in an ECMA-262 unicode-mode regular expression. We do exactly the same, on the same
/// text, so that every other string the replacement happens to touch changes identically too.
pub fn patch_schema_text<'a>(schema_path: &str, text: &'a str) -> Cow<'a, str> {
    if schema_path.starts_with("connectors/") {
        return Cow::Owned(strip_comments(text));
    }
    if text.contains("\\a") || text.contains("\\v") {
        Cow::Owned(text.replace("\\a", "\\u0007").replace("\\v", "\\u000b"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Removes `//` and `/* */` comments outside strings (the schemas' URLs keep their `//`).
pub fn strip_comments(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    let mut start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            out.push_str(&text[start..i]);
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            start = i;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            out.push_str(&text[start..i]);
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i = (i + 2).min(bytes.len());
            start = i;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[start.min(text.len())..]);
    out
}
