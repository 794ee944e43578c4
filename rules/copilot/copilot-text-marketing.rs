//! `copilot-text-marketing`: superlatives and marketing words in text Copilot reads (split
//! from `copilot-text-steering`). Agent and function instructions are left out.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{marketing, model_texts};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in model_texts(ctx).into_iter().filter(|t| !t.imperative) {
        let found = marketing(t.text);
        if found.is_empty() {
            continue;
        }
        out.push(
            Finding::at(
                t.file,
                t.pointer.clone(),
                format!("`{}` contains {}", display_path(&t.pointer), found.join(", ")),
            )
            .help("Describe what the app or command does in plain terms; superlatives do not help Copilot choose it and the guidelines forbid them.")
            .label("marketing"),
        );
    }
}
