//! `update-version-not-increased`: the checked manifest's `version` is not greater than the
//! published version's.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::version;
use crate::rules::helpers::update::{both, real};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let (Some(p), Some(c)) = (real(prev, "/version"), real(cur, "/version")) else {
        return;
    };
    let (Some(pv), Some(cv)) = (version(p), version(c)) else {
        return;
    };
    if cv <= pv {
        let how = if cv == pv {
            "the same as"
        } else {
            "lower than"
        };
        out.push(
            Finding::at(
                MANIFEST,
                "/version",
                format!("`version` \"{c}\" is {how} the published version \"{p}\""),
            )
            .help(format!(
                "Raise `version` above \"{p}\" (e.g. the next patch or minor version)."
            ))
            .label("not increased"),
        );
    }
}
