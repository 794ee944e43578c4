//! `connector-dynamic-operation`: an `x-ms-dynamic-values`, `-schema`, `-list`,
//! `-properties` or `-tree` names an operationId that does not exist.

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operation_ids, swagger, visit_members};
use crate::rules::Out;
use serde_json::Value;

const KEYS: &[&str] = &[
    "x-ms-dynamic-values",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-list",
    "x-ms-dynamic-properties",
];

fn walk<'v>(v: &'v Value, out: &mut Vec<(String, &'v str)>) {
    visit_members(v, "", &mut |p, k, child| {
        if KEYS.contains(&k) {
            if let Some(id) = child.get("operationId").and_then(Value::as_str) {
                out.push((join(p, "operationId"), id));
            }
        } else if k == "x-ms-dynamic-tree" {
            for part in ["open", "browse"] {
                if let Some(id) = child
                    .pointer(&format!("/settings/{part}/operationId"))
                    .and_then(Value::as_str)
                {
                    out.push((format!("{p}/settings/{part}/operationId"), id));
                }
            }
        }
        true
    });
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let ids = operation_ids(s);
    let mut found = Vec::new();
    walk(s, &mut found);
    for (ptr, id) in found {
        if !ids.contains(&id) {
            out.push(
                Finding::at(file, ptr, format!("operationId \"{id}\" of the dynamic value does not exist in the swagger"))
                    .help("Name an operation of this connector (operationIds are case-sensitive); the designer calls it to fill the values.")
                    .label("unknown operation"),
            );
        }
    }
}
