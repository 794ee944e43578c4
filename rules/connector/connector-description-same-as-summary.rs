//! `connector-description-same-as-summary`: an operation's `description` is missing or
//! repeats its `summary`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;

fn norm(s: &str) -> String {
    s.trim().trim_end_matches('.').trim().to_lowercase()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let (Some(summary), Some(desc)) = (op.str("summary"), op.str("description")) else {
            if op.str("summary").is_some() && op.str("description").is_none() {
                out.push(
                    Finding::at(file, op.pointer.clone(), format!("`{} {}` has no `description`", op.method.to_uppercase(), op.path))
                        .help("Describe what the operation does in a full sentence: makers see it as the tooltip of the action.")
                        .at_key(),
                );
            }
            continue;
        };
        if norm(summary) == norm(desc) {
            out.push(
                Finding::at(file, op.at("description"), format!("the description repeats the summary \"{summary}\""))
                    .help("Write a description that says more than the summary, as a full sentence ending with a period.")
                    .label("same as summary"),
            );
        }
    }
}
