//! `copilot-text-link-or-emoji`: URLs and emoji in text Copilot reads (split from
//! `copilot-text-steering`). Agent and function instructions are left out: they may name the
//! sites an agent works with.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{links_and_emoji, model_texts};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in model_texts(ctx).into_iter().filter(|t| !t.imperative) {
        let found = links_and_emoji(t.text);
        if found.is_empty() {
            continue;
        }
        out.push(
            Finding::at(
                t.file,
                t.pointer.clone(),
                format!("`{}` contains {}", display_path(&t.pointer), found.join(", ")),
            )
            .help("Remove links and emoji from text Copilot reads; put help and sign-up links in the long description (`description.full`).")
            .label("link or emoji"),
        );
    }
}
