//! Deliberate adjustments so that appcert's verdict equals the one of the engine Microsoft's
//! Agents Toolkit uses: ajv 8 (`ajv-draft-04` for draft-04/06 schemas, `ajv/dist/2020` for
//! 2020-12 ones) with `{allErrors: true, strictTypes: false}` and ajv-formats
//! `["uri", "email", "regex"]`, as `@microsoft/app-manifest@1.1.2` configures it.
//!
//! Every patch says which ajv behaviour it reproduces. The reference is checked by
//! `scripts/differential/run.sh`, which compares both engines on the shared corpus and
//! thousands of mutations of it; `scripts/differential/README.md` lists the findings.
//!
//! The vendored schema files are never modified. The schema patches happen at build time:
//! `build.rs` includes this file (and its siblings `text_quirks.rs` and `connector_quirks.rs`)
//! and embeds each schema with `patch_schema_text` and `patch_schema` applied. What happens at
//! run time is the choice of the draft (`src/schema/mod.rs`, from the `$schema` this patch
//! leaves in place) and the format checks below (`is_ajv_uri`, `is_ajv_email`).

use serde_json::{Map, Value};
use std::borrow::Cow;

pub use super::text_quirks::patch_schema_text;

/// Applied to the parsed schema (after `patch_schema_text`), by `build.rs` to every embedded
/// schema. `$schema` is kept: the loader chooses the draft from it, as the toolkit chooses its
/// ajv class (2020-12 when `$schema` says so, ajv-draft-04 otherwise), then removes it so the
/// validator does not auto-detect another draft (draft-06 schemas are compiled by ajv-draft-04
/// in the toolkit).
pub fn patch_schema(schema_path: &str, schema: &mut Value) {
    if schema_path.starts_with("connectors/") {
        super::connector_quirks::patch(schema_path, schema);
    }
    let is_2020 = schema
        .get("$schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("2020-12"));
    let ctx = Ctx {
        ref_siblings_ignored: !is_2020,
    };
    patch_subschema(&ctx, schema);
    runtime_spec_by_type(schema);
}

/// S1 — a semantic deviation from the raw schema (and from ajv), not an ajv emulation: the API
/// plugin schema (v2.4) types a runtime's `spec` as `oneOf` the OpenAPI, LocalPlugin and
/// RemoteMCPServer specs, but `{"url": "https://…/mcp"}` (what the Agents Toolkit generates for
/// an MCP server with dynamic tool discovery) matches both the OpenAPI and the MCP branch, so
/// every such plugin fails `oneOf` (microsoft/json-schemas issue #617, fixed upstream in
/// August 2026, not yet in `@microsoft/app-manifest` 1.1.2: the toolkit rejects these plugins
/// offline too). The schema's own descriptions say the runtime `type` selects the spec: the
/// `oneOf` is replaced by one `if type = … then spec follows that branch` per type. Listed in
/// `scripts/differential/README.md` as an intended difference.
fn runtime_spec_by_type(schema: &mut Value) {
    const BRANCHES: &[(&str, &str)] = &[
        ("OpenApi", "open-api-spec"),
        ("LocalPlugin", "local-plugin-spec"),
        ("RemoteMCPServer", "mcp-execution-spec"),
    ];
    let Some(runtime) = schema.pointer_mut("/$defs/runtime") else {
        return;
    };
    let Some(one_of) = runtime
        .pointer("/properties/spec/oneOf")
        .and_then(Value::as_array)
    else {
        return;
    };
    let refs: Vec<&str> = one_of
        .iter()
        .filter_map(|b| b.get("$ref").and_then(Value::as_str))
        .collect();
    let present: Vec<(&str, &str)> = BRANCHES
        .iter()
        .copied()
        .filter(|(_, def)| refs.contains(&format!("#/$defs/{def}").as_str()))
        .collect();
    // Only the ambiguous shape (the MCP branch next to the OpenAPI one) is rewritten.
    if present.len() != refs.len() || !present.iter().any(|(t, _)| *t == "RemoteMCPServer") {
        return;
    }
    let conditions: Vec<Value> = present
        .iter()
        .map(|(ty, def)| {
            serde_json::json!({
                "if": {"properties": {"type": {"const": ty}}, "required": ["type"]},
                "then": {"properties": {"spec": {"$ref": format!("#/$defs/{def}")}}}
            })
        })
        .collect();
    if let Some(spec) = runtime
        .pointer_mut("/properties/spec")
        .and_then(Value::as_object_mut)
    {
        spec.remove("oneOf");
    }
    if let Some(obj) = runtime.as_object_mut() {
        match obj.get_mut("allOf").and_then(Value::as_array_mut) {
            Some(all) => all.extend(conditions),
            None => {
                obj.insert("allOf".into(), Value::Array(conditions));
            }
        }
    }
}

struct Ctx {
    /// Whether the Rust validator ignores the siblings of `$ref` for this schema's draft
    /// (drafts 4 to 7 do, 2019-09 and later do not).
    ref_siblings_ignored: bool,
}

/// Keywords whose value is a map from names to subschemas.
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "dependencies",
    "dependentSchemas",
];
/// Keywords whose value is a subschema.
const SCHEMA_VALUES: &[&str] = &[
    "items",
    "additionalItems",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
];
/// Keywords whose value is an array of subschemas.
const SCHEMA_ARRAYS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems", "items"];
/// Keywords that only annotate and stay next to `$ref` (no effect on the verdict).
const ANNOTATIONS: &[&str] = &[
    "$ref",
    "$comment",
    "$id",
    "id",
    "$schema",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "markdownDescription",
];

fn patch_subschema(ctx: &Ctx, node: &mut Value) {
    let Some(obj) = node.as_object_mut() else {
        return;
    };

    // Q1 + Q2: regular expressions.
    if let Some(Value::String(p)) = obj.get_mut("pattern") {
        if let Cow::Owned(fixed) = ecma_pattern(p) {
            *p = fixed;
        }
    }
    if let Some(Value::Object(pp)) = obj.get_mut("patternProperties") {
        if pp.keys().any(|k| matches!(ecma_pattern(k), Cow::Owned(_))) {
            let old = std::mem::take(pp);
            for (k, v) in old {
                pp.insert(ecma_pattern(&k).into_owned(), v);
            }
        }
    }

    // Recurse into subschemas (and only into subschemas: `enum`, `const`, `default`, … are data).
    for (key, value) in obj.iter_mut() {
        let key = key.as_str();
        if SCHEMA_MAPS.contains(&key) {
            if let Value::Object(map) = value {
                for sub in map.values_mut() {
                    patch_subschema(ctx, sub);
                }
            }
        } else if SCHEMA_ARRAYS.contains(&key) && value.is_array() {
            for sub in value.as_array_mut().into_iter().flatten() {
                patch_subschema(ctx, sub);
            }
        } else if SCHEMA_VALUES.contains(&key) && value.is_object() {
            patch_subschema(ctx, value);
        }
    }

    // Q3: siblings of `$ref`.
    if ctx.ref_siblings_ignored {
        apply_ref_siblings(obj);
    }
}

/// Q3 — ajv applies the keywords next to a `$ref` (in every draft: since ajv 7, `$ref` is an
/// ordinary keyword), while the Rust validator follows drafts 4–7 and ignores them. The
/// localization schemas rely on it (`"name.short": {"$ref": "#/definitions/nonEmptyString",
/// "type": "string", "maxLength": 30}`: ajv enforces the 30). Moving the `$ref` into an
/// `allOf` keeps both in force, with the same error keywords.
fn apply_ref_siblings(obj: &mut Map<String, Value>) {
    if !matches!(obj.get("$ref"), Some(Value::String(_))) {
        return;
    }
    if obj.keys().all(|k| ANNOTATIONS.contains(&k.as_str())) {
        return;
    }
    let Some(reference) = obj.remove("$ref") else {
        return;
    };
    let mut wrapper = Map::new();
    wrapper.insert("$ref".to_string(), reference);
    match obj.get_mut("allOf") {
        Some(Value::Array(all)) => all.insert(0, Value::Object(wrapper)),
        _ => {
            obj.insert(
                "allOf".to_string(),
                Value::Array(vec![Value::Object(wrapper)]),
            );
        }
    }
}

/// ECMA-262 `WhiteSpace` and `LineTerminator` (what `\s` means in a JavaScript regex), as the
/// inside of a character class. Non-ASCII members are written as the characters themselves,
/// which both ECMA-262 and the Rust regex syntax read literally.
const ECMA_SPACE: &str = "\\t\\n\\x0b\\x0c\\r \u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}";
/// What `.` matches in a JavaScript regex without the `s` flag: anything but a line terminator.
const ECMA_DOT: &str = "[^\\n\\r\u{2028}\u{2029}]";

/// Rewrites a pattern so that the Rust engine gives it the meaning ajv gives it
/// (`new RegExp(pattern, "u")`). Returns the pattern unchanged (borrowed) when nothing applies.
///
/// * Q1 — a `]` outside any character class is escaped. ajv compiles patterns with the `u`
///   flag, where a lone `]` is a syntax error ("Lone quantifier brackets"): the toolkit cannot
///   compile the localization schemas of manifest 1.8 and later, whose
///   `^activities.activityTypes\[\b(...)\b]\.description$` has one. The differential
///   reference (ajv with the same fix) reads it as the literal it is meant to be, which is
///   also what JavaScript does without the `u` flag.
/// * Q2 — the class escapes and `.` are spelled out with their ECMA-262 meaning: `.` excludes
///   `\r`, U+2028 and U+2029 besides `\n`; `\s` is ECMA whitespace (with U+FEFF, without
///   U+0085); `\d` and `\w` are ASCII; `\b` inside a class is a backspace. The jsonschema crate
///   translates these itself, except in patterns with look-arounds, which it hands to
///   fancy-regex untranslated (Rust semantics); so this is done for those patterns only. The
///   schemas' placeholder patterns (`^(?!\[\[)(.*?)(?<!\]\])$`, …), the `null` pattern
///   (`^(?![nN][uU][lL]{2}$)\s*\S.*`) and the `.xll` pattern have look-arounds.
pub fn ecma_pattern(pattern: &str) -> Cow<'_, str> {
    // Q2 only where the crate leaves the pattern untranslated, so that error messages quoting
    // a pattern keep the published text wherever possible.
    let spell_out = ["(?=", "(?!", "(?<=", "(?<!"]
        .iter()
        .any(|l| pattern.contains(l));
    if !spell_out && !pattern.contains(']') {
        return Cow::Borrowed(pattern);
    }
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut changed = false;
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = 0usize; // index in `out` where the current class starts
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let Some(&next) = chars.get(i + 1) else {
                out.push(c);
                i += 1;
                continue;
            };
            let replacement: Option<&str> = if !spell_out {
                None
            } else if in_class {
                match next {
                    'd' => Some("0-9"),
                    'w' => Some("A-Za-z0-9_"),
                    's' => Some(ECMA_SPACE),
                    'b' => Some("\\x08"),
                    _ => None,
                }
            } else {
                match next {
                    'd' => Some("[0-9]"),
                    'D' => Some("[^0-9]"),
                    'w' => Some("[A-Za-z0-9_]"),
                    'W' => Some("[^A-Za-z0-9_]"),
                    's' => None, // built below
                    'S' => None,
                    _ => None,
                }
            };
            if let Some(r) = replacement {
                out.push_str(r);
                changed = true;
            } else if spell_out && !in_class && (next == 's' || next == 'S') {
                out.push('[');
                if next == 'S' {
                    out.push('^');
                }
                out.push_str(ECMA_SPACE);
                out.push(']');
                changed = true;
            } else if spell_out
                && in_class
                && (next == 'S' || next == 'D' || next == 'W')
                && class_is_single_escape(&chars, i)
            {
                // `[\S]` (the `.xll` pattern has one): the whole class is the negated escape.
                // A negated escape cannot be spelled inside an ECMA class; this form can.
                let negated_class = out[class_start..].starts_with("[^");
                out.truncate(class_start);
                let inner = match next {
                    'S' => ECMA_SPACE,
                    'D' => "0-9",
                    _ => "A-Za-z0-9_",
                };
                out.push('[');
                if !negated_class {
                    out.push('^');
                }
                out.push_str(inner);
                out.push(']');
                // skip the escape and the closing `]`
                i += 3;
                in_class = false;
                changed = true;
                continue;
            } else {
                out.push(c);
                out.push(next);
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                class_start = out.len();
                out.push(c);
                // `[^` opens a negated class; a `]` right after `[` or `[^` closes an empty
                // class in ECMA-262, so nothing special is needed for it here.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            ']' => {
                out.push_str("\\]");
                changed = true;
            }
            '.' if spell_out => {
                out.push_str(ECMA_DOT);
                changed = true;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(pattern)
    }
}

/// Whether the class around the escape at `chars[at]` is `[\X]` or `[^\X]` exactly.
fn class_is_single_escape(chars: &[char], at: usize) -> bool {
    let before_ok = match at.checked_sub(1).map(|j| chars[j]) {
        Some('[') => true,
        Some('^') => at >= 2 && chars[at - 2] == '[' && (at < 3 || chars[at - 3] != '\\'),
        _ => false,
    };
    before_ok && chars.get(at + 2) == Some(&']')
}

// ------------------------------------------------------------------------------------------
// Formats. ajv-formats 3.0.1 in "full" mode, as the toolkit registers them. To be used as
// `jsonschema::options().with_format("uri", quirks::is_ajv_uri).with_format("email",
// quirks::is_ajv_email)`, which replaces the crate's RFC 3986 / RFC 5321 checks.

/// ajv-formats `uri` (full mode): `NOT_URI_FRAGMENT.test(s) && URI.test(s)` with
/// `NOT_URI_FRAGMENT = /\/|:/` and the case-insensitive RFC 3986 regex
/// `URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:userinfo@)?host(?::\d*)?(?:\/segment)*|
/// \/(?:segment-nz(?:\/segment)*)?|segment-nz(?:\/segment)*)(?:\?query)?(?:#fragment)?$/i`.
///
/// Differences from RFC 3986 that matter: an empty hier-part (`mailto:`, `x:`) is invalid,
/// a single slash may introduce an authority, and only ASCII is allowed (no IRIs).
pub fn is_ajv_uri(s: &str) -> bool {
    if !s.contains('/') && !s.contains(':') {
        return false;
    }
    let b = s.as_bytes();
    // scheme
    if b.is_empty() || !b[0].is_ascii_alphabetic() {
        return false;
    }
    let mut i = 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'+' | b'-' | b'.')) {
        i += 1;
    }
    if i >= b.len() || b[i] != b':' {
        return false;
    }
    let rest = &s[i + 1..];
    // hier-part ends at the first `?` or `#` (none of its alternatives can contain them).
    let hier_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (hier, tail) = rest.split_at(hier_end);
    let (query, fragment) = match tail.strip_prefix('?') {
        Some(q) => match q.find('#') {
            Some(h) => (Some(&q[..h]), Some(&q[h + 1..])),
            None => (Some(q), None),
        },
        None => (None, tail.strip_prefix('#')),
    };
    let query_ok = query.is_none_or(|q| all_pct(q, |c| is_pchar(c) || c == b'/' || c == b'?'));
    let fragment_ok =
        fragment.is_none_or(|f| all_pct(f, |c| is_pchar(c) || c == b'/' || c == b'?'));
    query_ok && fragment_ok && (uri_authority_form(hier) || uri_path_form(hier))
}

fn is_unreserved_or_sub_delim(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
}

fn is_pchar(c: u8) -> bool {
    is_unreserved_or_sub_delim(c) || c == b':' || c == b'@'
}

/// Every byte is allowed by `ok` or starts a `%HH` escape.
fn all_pct(s: &str, ok: impl Fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() {
                i += 3;
                continue;
            }
            return false;
        }
        if !ok(b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// `\/?\/(?:userinfo@)?host(?::\d*)?(?:\/segment)*`
fn uri_authority_form(hier: &str) -> bool {
    let after = if let Some(r) = hier.strip_prefix("//") {
        // `//` then authority; `/` then authority is tried too (`\/?\/`).
        if authority_and_path(r) {
            return true;
        }
        &hier[1..]
    } else if let Some(r) = hier.strip_prefix('/') {
        r
    } else {
        return false;
    };
    authority_and_path(after)
}

fn authority_and_path(s: &str) -> bool {
    // userinfo, host and port contain no `/`: the authority ends at the first one.
    let end = s.find('/').unwrap_or(s.len());
    let (authority, path) = s.split_at(end);
    let path_ok = path.is_empty() || path[1..].split('/').all(|seg| all_pct(seg, is_pchar));
    if !path_ok {
        return false;
    }
    // `(?:userinfo@)?`: userinfo has no `@`, the host has none either.
    let hostport = match authority.find('@') {
        Some(at) => {
            if !all_pct(&authority[..at], |c| {
                is_unreserved_or_sub_delim(c) || c == b':'
            }) {
                return false;
            }
            &authority[at + 1..]
        }
        None => authority,
    };
    host_and_port(hostport)
}

fn host_and_port(s: &str) -> bool {
    let (host_ok, rest) = if let Some(inner) = s.strip_prefix('[') {
        match inner.find(']') {
            Some(close) => (ip_literal(&inner[..close]), &inner[close + 1..]),
            None => return false,
        }
    } else {
        // IPv4address or reg-name; every IPv4address is also a reg-name. Neither has `:`.
        let end = s.find(':').unwrap_or(s.len());
        (all_pct(&s[..end], is_unreserved_or_sub_delim), &s[end..])
    };
    host_ok
        && (rest.is_empty()
            || rest
                .strip_prefix(':')
                .is_some_and(|p| p.bytes().all(|c| c.is_ascii_digit())))
}

/// `IPv6address | IPvFuture` (inside the brackets), per the ajv regex (RFC 3986 grammar).
fn ip_literal(s: &str) -> bool {
    let b = s.as_bytes();
    if matches!(b.first(), Some(b'v' | b'V')) {
        // [Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+
        let rest = &s[1..];
        let Some(dot) = rest.find('.') else {
            return false;
        };
        let (hex, after) = (&rest[..dot], &rest[dot + 1..]);
        return !hex.is_empty()
            && hex.bytes().all(|c| c.is_ascii_hexdigit())
            && !after.is_empty()
            && after
                .bytes()
                .all(|c| is_unreserved_or_sub_delim(c) || c == b':');
    }
    is_rfc3986_ipv6(s)
}

fn is_h16(s: &str) -> bool {
    (1..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// dec-octet as the ajv regex spells it: `25[0-5]|2[0-4]\d|[01]?\d\d?` (leading zeros allowed).
fn is_dec_octet(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b.len() {
        1 | 2 => true,
        _ => match b[0] {
            b'0' | b'1' => true,
            b'2' => b[1] < b'5' || (b[1] == b'5' && b[2] <= b'5'),
            _ => false,
        },
    }
}

fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| is_dec_octet(p))
}

/// RFC 3986 `IPv6address`: at most 8 pieces (an IPv4 tail counts as 2), `::` at most once and
/// standing for at least one piece.
fn is_rfc3986_ipv6(s: &str) -> bool {
    fn pieces(part: &str) -> Option<Vec<&str>> {
        if part.is_empty() {
            Some(Vec::new())
        } else {
            Some(part.split(':').collect())
        }
    }
    fn count(list: &[&str], ipv4_allowed_last: bool) -> Option<usize> {
        let mut n = 0;
        for (idx, p) in list.iter().enumerate() {
            if idx + 1 == list.len() && ipv4_allowed_last && p.contains('.') {
                if !is_ipv4(p) {
                    return None;
                }
                n += 2;
            } else if is_h16(p) {
                n += 1;
            } else {
                return None;
            }
        }
        Some(n)
    }
    match s.find("::") {
        Some(pos) => {
            let (left, right) = (&s[..pos], &s[pos + 2..]);
            if right.contains("::") {
                return false;
            }
            let (Some(l), Some(r)) = (pieces(left), pieces(right)) else {
                return false;
            };
            let Some(nl) = count(&l, false) else {
                return false;
            };
            let Some(nr) = count(&r, true) else {
                return false;
            };
            nl + nr <= 7
        }
        None => {
            let Some(p) = pieces(s) else {
                return false;
            };
            count(&p, true) == Some(8)
        }
    }
}

/// `\/(?:segment-nz(?:\/segment)*)?` or `segment-nz(?:\/segment)*`
fn uri_path_form(hier: &str) -> bool {
    let rootless = match hier.strip_prefix('/') {
        Some("") => return true,
        Some(r) => r,
        None => hier,
    };
    let mut segs = rootless.split('/');
    let first = segs.next().unwrap_or("");
    !first.is_empty() && all_pct(first, is_pchar) && segs.all(|seg| all_pct(seg, is_pchar))
}

/// ajv-formats `email` (full mode), case-insensitive:
/// `^[a-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$`
/// (a dot-atom local part and at least two ASCII domain labels; no quoted local parts, no
/// address literals, no IDN).
pub fn is_ajv_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let atext = |c: u8| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'/'
                    | b'='
                    | b'?'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'{'
                    | b'|'
                    | b'}'
                    | b'~'
                    | b'-'
            )
    };
    let local_ok = local
        .split('.')
        .all(|atom| !atom.is_empty() && atom.bytes().all(atext));
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    local_ok && labels.len() >= 2 && labels.iter().all(label_ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn raw_text_replacement_matches_the_toolkit() {
        let text = r#"{"pattern": "[\\v\\a]"}"#;
        assert_eq!(
            patch_schema_text("x", text),
            r#"{"pattern": "[\\u000b\\u0007]"}"#
        );
        assert!(matches!(patch_schema_text("x", "{}"), Cow::Borrowed(_)));
    }

    #[test]
    fn lone_bracket_is_escaped() {
        assert_eq!(
            ecma_pattern(r"^activities.activityTypes\[\b([0-9]|12[0-7])\b]\.description$"),
            r"^activities.activityTypes\[\b([0-9]|12[0-7])\b\]\.description$"
        );
        assert_eq!(ecma_pattern(r"^[a-z\]]+$"), r"^[a-z\]]+$");
        assert_eq!(ecma_pattern(r"^[]]$"), r"^[]\]$");
    }

    #[test]
    fn class_escapes_get_their_ecma_meaning() {
        assert_eq!(ecma_pattern(r"^[A-Z0-9]+$"), r"^[A-Z0-9]+$");
        assert!(matches!(ecma_pattern(r"^[A-Z0-9]+$"), Cow::Borrowed(_)));
        // without a look-around the crate translates by itself: left alone
        assert_eq!(ecma_pattern(r"\d\w.\s"), r"\d\w.\s");
        let la = "(?!x)";
        assert_eq!(
            ecma_pattern(&format!(r"{la}\d\w")),
            format!("{la}[0-9][A-Za-z0-9_]")
        );
        assert_eq!(ecma_pattern(&format!(r"{la}[\d_]")), format!("{la}[0-9_]"));
        assert_eq!(ecma_pattern(&format!(r"{la}[\b]")), format!(r"{la}[\x08]"));
        assert_eq!(
            ecma_pattern(&format!(r"{la}[\S]*")),
            format!("{la}[^{ECMA_SPACE}]*")
        );
        assert_eq!(
            ecma_pattern(&format!(r"{la}[^\S]")),
            format!("{la}[{ECMA_SPACE}]")
        );
        assert_eq!(
            ecma_pattern(&format!(r"{la}\s\S")),
            format!("{la}[{ECMA_SPACE}][^{ECMA_SPACE}]")
        );
        assert_eq!(ecma_pattern(&format!(r"{la}\.")), format!(r"{la}\."));
        assert_eq!(
            ecma_pattern(&format!(r"{la}a.b")),
            format!("{la}a{ECMA_DOT}b")
        );
        assert_eq!(
            ecma_pattern(r"^(?!\[\[)(.*?)(?<!\]\])$"),
            format!(r"^(?!\[\[)({ECMA_DOT}*?)(?<!\]\])$")
        );
    }

    #[test]
    fn ref_siblings_are_kept_in_force() {
        let mut s = json!({
            "$schema": "http://json-schema.org/draft-04/schema#",
            "properties": {
                "name.short": {"$ref": "#/definitions/x", "type": "string", "maxLength": 30},
                "plain": {"$ref": "#/definitions/x", "description": "only annotations"}
            },
            "definitions": {"x": {"type": "string", "minLength": 1}}
        });
        patch_schema(
            "teams/v1.30/MicrosoftTeams.Localization.schema.json",
            &mut s,
        );
        assert_eq!(
            s["properties"]["name.short"],
            json!({"allOf": [{"$ref": "#/definitions/x"}], "type": "string", "maxLength": 30})
        );
        assert_eq!(
            s["properties"]["plain"],
            json!({"$ref": "#/definitions/x", "description": "only annotations"})
        );
        // left for the loader, which chooses the draft from it
        assert!(s.get("$schema").is_some());
    }

    #[test]
    fn data_is_not_patched() {
        let mut s = json!({"enum": ["a.b"], "const": {"pattern": "a.b"}, "default": "x]"});
        let before = s.clone();
        patch_schema("x", &mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn ajv_uri() {
        for ok in [
            "https://example.com",
            "https://example.com/a/b?c=d#e",
            "HTTPS://EXAMPLE.COM",
            "http://[::1]/",
            "http://[1:2:3:4:5:6:7:8]",
            "http://[::ffff:1.2.3.4]",
            "http://[v1.x]",
            "urn:isbn:0451450523",
            "a:b",
            "file:///C:/x",
            "http:/x",
            "https://user:pw@host:8080/p",
            "https://example.com/%20",
            "https://exa_mple.com",
            "http://1.2.3.256/",
            "https://example.com#frag?x",
            // `\/?\/` lets a single slash open an empty authority: the rest is a path
            "https://user@host:99x/x",
        ] {
            assert!(is_ajv_uri(ok), "{ok}");
        }
        for bad in [
            "not a uri",
            "http//x",
            "https://exa mple.com",
            "mailto:",
            "x:",
            "example.com",
            "/relative/path",
            "//example.com/x",
            "https://example.com/\u{e9}",
            "https://example.com/%zz",
            "http://[1:2]/",
            "https://example.com#frag#frag",
            "http://[1:2:3:4:5:6:7:8:9]",
            "http://[1::2::3]",
            "https://example.com/{id}",
            "${{TAB_ENDPOINT}}/index.html",
            " https://example.com",
        ] {
            assert!(!is_ajv_uri(bad), "{bad}");
        }
    }

    #[test]
    fn ajv_email() {
        for ok in [
            "a@example.com",
            "a.b+c@sub.example.co",
            "A@EXAMPLE.COM",
            "a@b.c",
        ] {
            assert!(is_ajv_email(ok), "{ok}");
        }
        for bad in [
            "a@b",
            "a..b@example.com",
            ".a@example.com",
            "a@-example.com",
            "a@example.com.",
            "a@exa_mple.com",
            "\"q\"@example.com",
            "a@[127.0.0.1]",
            "a b@example.com",
        ] {
            assert!(!is_ajv_email(bad), "{bad}");
        }
    }
}
