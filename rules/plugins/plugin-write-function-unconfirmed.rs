//! `plugin-write-function-unconfirmed`: a function bound to a POST/PUT/PATCH/DELETE operation
//! with no confirmation and no `x-openai-isConsequential: true`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{
    items, parse_spec, plugins, runtime_runs, runtime_spec_target,
};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (fp, f) in items(p, "/functions") {
            let Some(name) = f.get("name").and_then(Value::as_str) else {
                continue;
            };
            if f.pointer("/capabilities/confirmation").is_some() {
                continue;
            }
            // The operation behind the function, in the spec of the runtime that runs it.
            let op = items(p, "/runtimes")
                .into_iter()
                .filter(|(_, r)| runtime_runs(r, name))
                .filter_map(|(_, r)| runtime_spec_target(file, r))
                .filter_map(|target| parse_spec(ctx, &target))
                .find_map(|parsed| {
                    let spec = parsed.as_ref().as_ref().ok()?;
                    let (_, method, path, op) = spec.operation(name)?;
                    Some((method, path, op.clone()))
                });
            let Some((method, path, op)) = op else {
                continue;
            };
            if !matches!(method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE") {
                continue;
            }
            if op.get("x-openai-isConsequential").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            out.push(
                Finding::at(file, fp.clone(), format!("function `{name}` ({method} {path}) changes data but asks for no confirmation"))
                    .help("Add `capabilities.confirmation` (type `AdaptiveCard`, with a title and a body that say what will change), or mark the operation `x-openai-isConsequential: true`.")
                    .label("no confirmation"),
            );
        }
    }
}
