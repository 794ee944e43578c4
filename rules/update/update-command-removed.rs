//! `update-command-removed`: a message extension or bot command of the published version is
//! not in the manifest.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::both;
use crate::rules::helpers::update::commands;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let now = commands(cur);
    for c in commands(prev) {
        if !now.contains(&c) {
            out.push(
                Finding::at(MANIFEST, "", format!("the published version's {c} is not in the manifest"))
                    .help("Keep the command, or tell reviewers and users why it was removed (release notes).")
                    .label("command removed"),
            );
        }
    }
}
