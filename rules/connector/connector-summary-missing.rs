//! `connector-summary-missing`: an operation has no `summary`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        match op.str("summary") {
            Some(t) if !t.trim().is_empty() => {}
            Some(_) => out.push(
                Finding::at(file, op.at("summary"), format!("the summary of `{} {}` is empty", op.method.to_uppercase(), op.path))
                    .help("Give the operation a short summary (the action name makers see), at most 80 characters.")
                    .label("empty"),
            ),
            None => out.push(
                Finding::at(file, op.pointer.clone(), format!("`{} {}` has no `summary`", op.method.to_uppercase(), op.path))
                    .help("Give the operation a short summary (the action name makers see), at most 80 characters.")
                    .at_key(),
            ),
        }
    }
}
