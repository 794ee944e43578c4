//! `update-sso-app-changed`: `webApplicationInfo.id` differs from the published version's.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::update::{both, real};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, cur)) = both(ctx) else { return };
    let (Some(p), Some(c)) = (
        real(prev, "/webApplicationInfo/id"),
        real(cur, "/webApplicationInfo/id"),
    ) else {
        return;
    };
    if !p.eq_ignore_ascii_case(c) {
        out.push(
            Finding::at(MANIFEST, "/webApplicationInfo/id", format!("`webApplicationInfo.id` is \"{c}\" but the published version's is \"{p}\""))
                .help("Keep the published Microsoft Entra app unless the change is intended: users and admins consent again to a new one.")
                .label("other SSO app"),
        );
    }
}
