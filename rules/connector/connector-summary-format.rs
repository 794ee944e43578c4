//! `connector-summary-format`: an operation's `summary` is longer than 80 characters, holds a
//! slash or ends with punctuation.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let Some(summary) = op.str("summary") else {
            continue;
        };
        let n = summary.chars().count();
        let trimmed = summary.trim_end();
        let why = if n > 80 {
            Some(format!("has {n} characters; at most 80 are allowed"))
        } else if summary.contains('/') {
            Some("contains `/`".to_string())
        } else if trimmed
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_punctuation() && c != ')')
        {
            Some(format!(
                "ends with `{}`",
                trimmed.chars().last().unwrap_or(' ')
            ))
        } else {
            None
        };
        if let Some(why) = why {
            out.push(
                Finding::at(file, op.at("summary"), format!("the summary \"{summary}\" {why}"))
                    .help("Summaries are action names: at most 80 characters, letters, digits, spaces and parentheses, no trailing punctuation (\"Get a task\").")
                    .label("summary format"),
            );
        }
    }
}
