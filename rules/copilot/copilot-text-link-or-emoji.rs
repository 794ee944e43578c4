//! `copilot-text-link-or-emoji`: URLs and emoji in text Copilot reads (split from
//! `copilot-text-steering`). Agent and function instructions are left out: they may name the
//! sites an agent works with.

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{links_and_emoji, report_texts};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_texts(
        ctx,
        out,
        false,
        links_and_emoji,
        "Remove links and emoji from text Copilot reads; put help and sign-up links in the long description (`description.full`).",
        "link or emoji",
    );
}
