//! `connector-webhook`: a notification URL parameter is not internal, required and a string,
//! or `x-ms-notification-content` sits on a path without a trigger.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, resolve, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let ops = operations(s);
    // The notification URL: a parameter or a body property with `x-ms-notification-url`.
    for op in &ops {
        for p in parameters(s, op) {
            let mut candidates: Vec<(String, &Value, bool)> = Vec::new();
            if p.value.get("x-ms-notification-url").is_some() {
                candidates.push((p.pointer.clone(), p.value, p.required()));
            }
            if let Some(schema) = p.value.get("schema") {
                let schema = resolve(s, schema);
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                for (name, prop) in schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if prop.get("x-ms-notification-url").is_some() {
                        let base = match p
                            .value
                            .pointer("/schema/$ref")
                            .and_then(Value::as_str)
                            .and_then(|r| r.strip_prefix('#'))
                        {
                            Some(target) => target.to_string(),
                            None => format!("{}/schema", p.pointer),
                        };
                        candidates.push((
                            crate::json::span::join(&format!("{base}/properties"), name),
                            prop,
                            required.contains(&name.as_str()),
                        ));
                    }
                }
            }
            for (ptr, v, required) in candidates {
                let mut problems = Vec::new();
                if v.get("x-ms-visibility").and_then(Value::as_str) != Some("internal") {
                    problems.push("`x-ms-visibility` is not \"internal\"");
                }
                if !required {
                    problems.push("it is not required");
                }
                if v.get("type").and_then(Value::as_str) != Some("string") {
                    problems.push("its type is not string");
                }
                if !problems.is_empty() {
                    out.push(
                        Finding::at(file, ptr, format!("the notification URL of `{} {}` is malformed: {}", op.method.to_uppercase(), op.path, problems.join(", ")))
                            .help("Declare the callback URL as `\"type\": \"string\"`, `\"x-ms-notification-url\": true`, `\"x-ms-visibility\": \"internal\"` and required: the platform fills it.")
                            .at_key(),
                    );
                }
            }
        }
    }
    // x-ms-notification-content only on paths whose operation is a trigger.
    let Some(paths) = s.get("paths").and_then(Value::as_object) else {
        return;
    };
    for (path, item) in paths {
        if item.get("x-ms-notification-content").is_none() {
            continue;
        }
        if !ops
            .iter()
            .any(|o| o.path == path.as_str() && o.is_trigger())
        {
            out.push(
                Finding::at(file, crate::json::span::join(&crate::json::span::join("/paths", path), "x-ms-notification-content"), format!("`{path}` has `x-ms-notification-content` but no trigger operation"))
                    .help("Mark the operation that registers the webhook with `\"x-ms-trigger\": \"single\"` (or batch), or remove the notification content.")
                    .at_key(),
            );
        }
    }
}
