//! Deliberate adjustments to the published schemas so that appcert's verdict equals the one of
//! the engine Microsoft's Agents Toolkit uses (ajv, draft-04, formats uri/email/regex).
//! Every patch says which ajv behaviour it reproduces.

use serde_json::Value;
use std::borrow::Cow;

/// Applied to the raw schema text before it is parsed.
///
/// The toolkit replaces `\a` with `\u0007` and `\v` with `\u000b` in the raw text of every
/// schema before parsing it (`AppManifestUtils.fetchSchema`), because `\a` is not a valid
/// escape in an ECMA-262 unicode-mode regular expression. We do the same.
pub fn patch_schema_text<'a>(_schema_path: &str, text: &'a str) -> Cow<'a, str> {
    if text.contains("\\a") || text.contains("\\v") {
        Cow::Owned(text.replace("\\a", "\\u0007").replace("\\v", "\\u000b"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Applied to the parsed schema.
pub fn patch_schema(_schema_path: &str, schema: &mut Value) {
    // The draft is chosen by the caller, as the toolkit chooses it (2020-12 when `$schema`
    // says so, draft-04 otherwise); drop `$schema` so the validator does not auto-detect
    // another draft (draft-06 schemas are compiled by ajv-draft-04 in the toolkit).
    if let Some(obj) = schema.as_object_mut() {
        obj.remove("$schema");
    }
}
