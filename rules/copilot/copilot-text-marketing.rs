//! `copilot-text-marketing`: superlatives and marketing words in text Copilot reads (split
//! from `copilot-text-steering`). Agent and function instructions are left out.

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{marketing, report_texts};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_texts(
        ctx,
        out,
        false,
        marketing,
        "Describe what the app or command does in plain terms; superlatives do not help Copilot choose it and the guidelines forbid them.",
        "marketing",
    );
}
