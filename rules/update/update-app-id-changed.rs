//! `update-app-id-changed`: the checked manifest's `id` is not the published version's.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::{both, real};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let (Some(p), Some(c)) = (real(prev, "/id"), real(cur, "/id")) else {
        return;
    };
    if !p.eq_ignore_ascii_case(c) {
        out.push(
            Finding::at(
                MANIFEST,
                "/id",
                format!("`id` is \"{c}\" but the published version's is \"{p}\""),
            )
            .help(format!("Keep the published app's id: set `id` to \"{p}\"."))
            .label("other app id"),
        );
    }
}
