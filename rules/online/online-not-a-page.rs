//! `online-not-a-page`: a reviewer link answers 2xx with something other than HTML, PDF or
//! text (`--online`).

use crate::model::Ctx;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if f.ok() && !f.is_page() {
            out.push(
                finding(
                    &u,
                    format!(
                        "answers `{}`, not a page (HTML, PDF or text)",
                        f.media_type()
                    ),
                )
                .label("not a page"),
            );
        }
    }
}
