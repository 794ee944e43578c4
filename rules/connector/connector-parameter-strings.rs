//! `connector-parameter-strings`: a parameter makers see (not internal, not a body, whose
//! fields are its schema's properties) lacks `x-ms-summary` or `description`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut done = std::collections::HashSet::new();
    for op in operations(s) {
        for p in parameters(s, &op) {
            // A body parameter's fields are its schema's properties: makers see their
            // strings, not the parameter's.
            if p.str("x-ms-visibility") == Some("internal")
                || p.location() == "body"
                || !done.insert(p.pointer.clone())
            {
                continue;
            }
            let missing: Vec<&str> = ["x-ms-summary", "description"]
                .into_iter()
                .filter(|k| {
                    p.value
                        .get(*k)
                        .and_then(Value::as_str)
                        .is_none_or(|t| t.trim().is_empty())
                })
                .collect();
            if !missing.is_empty() {
                out.push(
                    Finding::at(file, p.pointer.clone(), format!("parameter \"{}\" lacks {}", p.name(), missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(" and ")))
                        .help("Give every visible parameter an `x-ms-summary` (its label, in Title Case) and a `description` (a sentence makers read as the tooltip).")
                        .at_key(),
                );
            }
        }
    }
}
