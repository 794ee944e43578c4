//! `connector-property-strings`: a property of a request body that makers fill lacks
//! `x-ms-summary` or `title` (its label in the designer).

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, swagger};
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashSet;

/// Walks a body schema: each property (resolving local `$ref`s, nested objects and array
/// items), with the pointer where it is written.
fn walk<'v>(
    root: &'v Value,
    schema: &'v Value,
    pointer: String,
    seen: &mut HashSet<String>,
    depth: usize,
    out: &mut Vec<(String, &'v str, &'v Value)>,
) {
    if depth > 8 {
        return;
    }
    let (schema, pointer) = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => match r
            .strip_prefix('#')
            .and_then(|t| root.pointer(t).map(|v| (v, t)))
        {
            Some((v, t)) => {
                if !seen.insert(t.to_string()) {
                    return;
                }
                (v, t.to_string())
            }
            None => return,
        },
        None => (schema, pointer),
    };
    if let Some(items) = schema.get("items") {
        walk(root, items, join(&pointer, "items"), seen, depth + 1, out);
    }
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    let base = join(&pointer, "properties");
    for (name, prop) in props {
        let p = join(&base, name);
        let visible = prop.get("x-ms-visibility").and_then(Value::as_str) != Some("internal")
            && prop.get("readOnly").and_then(Value::as_bool) != Some(true);
        let is_container = prop.get("properties").is_some() || prop.get("$ref").is_some();
        if visible && !is_container && prop.get("x-ms-notification-url").is_none() {
            out.push((p.clone(), name.as_str(), prop));
        }
        walk(root, prop, p, seen, depth + 1, out);
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut reported = HashSet::new();
    for op in operations(s) {
        for p in parameters(s, &op) {
            if p.location() != "body" || p.str("x-ms-visibility") == Some("internal") {
                continue;
            }
            let Some(schema) = p.value.get("schema") else {
                continue;
            };
            let mut found = Vec::new();
            walk(
                s,
                schema,
                join(&p.pointer, "schema"),
                &mut HashSet::new(),
                0,
                &mut found,
            );
            for (ptr, name, prop) in found {
                // The designer labels a field with `x-ms-summary`, else the schema's `title`.
                let missing = ["x-ms-summary", "title"].iter().all(|k| {
                    prop.get(*k)
                        .and_then(Value::as_str)
                        .is_none_or(|t| t.trim().is_empty())
                });
                if missing && reported.insert(ptr.clone()) {
                    out.push(
                        Finding::at(file, ptr, format!("request property \"{name}\" has no `x-ms-summary` (nor `title`)"))
                            .help("Give every request field makers fill an `x-ms-summary` (its label, in Title Case) and a `description`; mark fields makers should not see `x-ms-visibility: internal`.")
                            .at_key(),
                    );
                }
            }
        }
    }
}
