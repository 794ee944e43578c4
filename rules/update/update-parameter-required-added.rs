//! `update-parameter-required-added`: an operation of the published connector requires an
//! input (a parameter or a property of its body) without a default that it did not require.

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::helpers::connector::parameters;
use crate::rules::helpers::update::{matched_operations, resolve_at, swaggers};
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashSet;

fn required_names(schema: &Value) -> Vec<&str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, file, cur)) = swaggers(ctx) else {
        return;
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (p, c) in matched_operations(prev, cur) {
        let id = c.str("operationId").unwrap_or_default();
        let before = parameters(prev, &p);
        for param in parameters(cur, &c) {
            let old = before
                .iter()
                .find(|o| o.name() == param.name() && o.location() == param.location());
            if param.required()
                && param.value.get("default").is_none()
                && !old.is_some_and(|o| o.required())
                && seen.insert(param.pointer.clone())
            {
                let was = if old.is_some() { "optional" } else { "absent" };
                out.push(
                    Finding::at(
                        file,
                        param.pointer.clone(),
                        format!(
                            "parameter `{}` of `{id}` is required without a default, and was {was} in the published version: existing flows do not pass it",
                            param.name()
                        ),
                    )
                    .help("Make it optional (`\"required\": false`) or give it a `default`.")
                    .label("new required input"),
                );
            }
            // The body's required properties.
            let (Some(old), Some(schema)) = (old, param.value.get("schema")) else {
                continue;
            };
            let Some(old_schema) = old.value.get("schema") else {
                continue;
            };
            let (at, schema) = resolve_at(cur, schema, &join(&param.pointer, "schema"));
            let (_, old_schema) = resolve_at(prev, old_schema, "");
            let was_required = required_names(old_schema);
            let had = old_schema.get("properties").and_then(Value::as_object);
            for name in required_names(schema) {
                if was_required.contains(&name) {
                    continue;
                }
                let prop = schema.pointer(&join("/properties", name));
                if prop.is_some_and(|v| v.get("default").is_some()) {
                    continue;
                }
                let pointer = match prop {
                    Some(_) => join(&join(&at, "properties"), name),
                    None => join(&at, "required"),
                };
                if !seen.insert(pointer.clone()) {
                    continue;
                }
                let was = if had.is_some_and(|h| h.contains_key(name)) {
                    "optional"
                } else {
                    "absent"
                };
                out.push(
                    Finding::at(
                        file,
                        pointer,
                        format!(
                            "body property `{name}` of `{id}` is required without a default, and was {was} in the published version: existing flows do not send it"
                        ),
                    )
                    .help("Leave it out of `required`, or give it a `default`.")
                    .label("new required input"),
                );
            }
        }
    }
}
