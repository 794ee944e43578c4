//! The fixes of data rules, which have no code of their own: the engine asks here for the fix of
//! a finding that came without one. Code rules and the builtin checks attach their fixes where
//! they report (`Finding::fix`).

use crate::finding::{Finding, Fix};
use crate::model::Ctx;

/// The mechanical fix of a data rule's finding, if it has one.
pub(crate) fn for_data_rule(ctx: &Ctx<'_>, f: &Finding) -> Option<Fix> {
    match f.rule.as_str() {
        "manifest-version-not-semver" => two_part_version(ctx, f),
        _ => None,
    }
}

/// `1.4` becomes `1.4.0`: the same version, written MAJOR.MINOR.PATCH. Other malformed versions
/// (`1.0.0-beta`, `v2`) need a decision and get no fix.
fn two_part_version(ctx: &Ctx<'_>, f: &Finding) -> Option<Fix> {
    let doc = ctx.docs.get(&f.file)?;
    let version = doc.str_at(&f.pointer)?;
    let (major, minor) = version.split_once('.')?;
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !numeric(major) || !numeric(minor) {
        return None;
    }
    let fixed = format!("{version}.0");
    let edit = doc.replace_string(&f.pointer, &fixed)?;
    Some(Fix::safe(
        format!("Write the version as `{fixed}`"),
        vec![edit],
    ))
}
