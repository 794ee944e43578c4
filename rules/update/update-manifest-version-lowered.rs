//! `update-manifest-version-lowered`: `manifestVersion` is lower than the published version's.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::{both, real};
use crate::rules::Out;

/// (major, minor) of a manifest version; devPreview is the highest.
fn schema_version(s: &str) -> Option<(u64, u64)> {
    if s == "devPreview" {
        return Some((u64::MAX, 0));
    }
    let (a, b) = s.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let (Some(p), Some(c)) = (
        real(prev, "/manifestVersion"),
        real(cur, "/manifestVersion"),
    ) else {
        return;
    };
    let (Some(pv), Some(cv)) = (schema_version(p), schema_version(c)) else {
        return;
    };
    if cv < pv {
        out.push(
            Finding::at(
                MANIFEST,
                "/manifestVersion",
                format!("`manifestVersion` \"{c}\" is lower than the published version's \"{p}\""),
            )
            .help(format!(
                "Keep `manifestVersion` (and `$schema`) at \"{p}\" or later."
            ))
            .label("lowered"),
        );
    }
}
