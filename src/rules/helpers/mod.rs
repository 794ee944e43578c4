//! Helpers shared by the code rules of one topic (walking bots, listing texts, icons, specs…).
//! Rules import these; helpers never import a rule.

pub(crate) mod auth;
pub(crate) mod bots;
pub(crate) mod connector;
pub(crate) mod copilot;
pub(crate) mod developer;
pub(crate) mod domains;
pub(crate) mod files;
pub(crate) mod icons;
pub(crate) mod localization;
pub(crate) mod manifest;
pub(crate) mod naming;
pub(crate) mod online;
pub(crate) mod secrets;
pub(crate) mod tabs;
pub(crate) mod update;

/// The unsafe fix of an `http://` URL: the scheme becomes `https://`, the rest of the address is
/// kept. Unsafe because the page must be served over HTTPS for the link to still work.
pub(crate) fn https_fix(doc: &crate::json::JsonDoc, pointer: &str) -> Option<crate::finding::Fix> {
    let span = doc.string_span(pointer)?;
    let scheme = span.start + 1..span.start + 1 + "http://".len();
    if !doc
        .text
        .get(scheme.clone())?
        .eq_ignore_ascii_case("http://")
    {
        return None;
    }
    let edit = crate::finding::Edit::new(doc.file.clone(), scheme, "https://");
    Some(crate::finding::Fix::unsafe_("Use `https://`", vec![edit]))
}
