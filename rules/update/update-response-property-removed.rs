//! `update-response-property-removed`: a property of a success response of an operation of the
//! published connector is gone.

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::helpers::update::{matched_operations, properties, resolve_at, swaggers};
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashSet;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, file, cur)) = swaggers(ctx) else {
        return;
    };
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (p, c) in matched_operations(prev, cur) {
        let id = c.str("operationId").unwrap_or_default();
        let Some(responses) = p.op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        for (code, response) in responses {
            if !code.starts_with('2') {
                continue;
            }
            let Some(old_schema) = resolve_at(prev, response, "").1.get("schema") else {
                continue;
            };
            let was = properties(prev, old_schema, "");
            if was.is_empty() {
                continue;
            }
            let responses_at = c.at("responses");
            let response_at = join(&responses_at, code);
            let (cur_response_at, cur_response) = match c.op.pointer(&join("/responses", code)) {
                Some(r) => resolve_at(cur, r, &response_at),
                None => {
                    if seen.insert((responses_at.clone(), code.clone())) {
                        out.push(
                            Finding::at(
                                file,
                                responses_at.clone(),
                                format!("`{id}` no longer describes its {code} response, which the published version returns with properties"),
                            )
                            .help(format!("Keep the {code} response and its schema."))
                            .label("response removed"),
                        );
                    }
                    continue;
                }
            };
            let schema_at = join(&cur_response_at, "schema");
            let now = match cur_response.get("schema") {
                Some(s) => properties(cur, s, &schema_at),
                None => Vec::new(),
            };
            let root_at = match cur_response.get("schema") {
                Some(s) => resolve_at(cur, s, &schema_at).0,
                None => cur_response_at.clone(),
            };
            let names: HashSet<&str> = now.iter().map(|n| n.name.as_str()).collect();
            let mut removed: Vec<&str> = Vec::new();
            for prop in &was {
                if names.contains(prop.name.as_str()) {
                    continue;
                }
                // Report the top-most property removed, not everything below it.
                let under_removed = removed.iter().any(|r| {
                    prop.name
                        .strip_prefix(r)
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
                });
                removed.push(prop.name.as_str());
                if under_removed {
                    continue;
                }
                let at = now
                    .iter()
                    .find(|n| n.parent == prop.parent)
                    .map_or(root_at.clone(), |n| n.parent_at.clone());
                let leaf = prop
                    .name
                    .rsplit('.')
                    .next()
                    .unwrap_or(&prop.name)
                    .to_string();
                if !seen.insert((at.clone(), leaf)) {
                    continue;
                }
                out.push(
                    Finding::at(
                        file,
                        at,
                        format!(
                            "response property `{}` of `{id}` ({code}) is gone: flows that use it as dynamic content lose it",
                            prop.name
                        ),
                    )
                    .help("Keep the property in the response schema (`x-ms-visibility: advanced` makes it less prominent).")
                    .label("property removed"),
                );
            }
        }
    }
}
