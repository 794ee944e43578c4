//! `update-name-changed`: `name.short` differs from the published version's (a reminder to
//! change the store listing too).

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::{both, real};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let (Some(p), Some(c)) = (real(prev, "/name/short"), real(cur, "/name/short")) else {
        return;
    };
    if p != c {
        out.push(
            Finding::at(MANIFEST, "/name/short", format!("the app is renamed from \"{p}\" to \"{c}\""))
                .help("Change the name of the Partner Center listing too: the store requires the same name in both.")
                .label("renamed"),
        );
    }
}
