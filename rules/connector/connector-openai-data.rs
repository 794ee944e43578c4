//! `connector-openai-data`: an `x-ms-openai-data` operation names an operationId the swagger
//! does not have.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operation_ids, operations, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let ids = operation_ids(s);
    for op in operations(s) {
        let Some(data) = op.op.get("x-ms-openai-data") else {
            continue;
        };
        let base = format!("{}/operations", op.at("x-ms-openai-data"));
        for (i, o) in data
            .get("operations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let id = o
                .get("operationId")
                .and_then(Value::as_str)
                .or_else(|| o.as_str());
            let ptr = if o.is_string() {
                format!("{base}/{i}")
            } else {
                format!("{base}/{i}/operationId")
            };
            match id {
                Some(id) if ids.contains(&id) => {}
                Some(id) => out.push(
                    Finding::at(file, ptr, format!("`x-ms-openai-data` names operation \"{id}\", which the swagger does not have"))
                        .help("Name an operationId of this connector (case-sensitive).")
                        .label("unknown operation"),
                ),
                None => out.push(
                    Finding::at(file, format!("{base}/{i}"), "an `x-ms-openai-data` operation has no `operationId`")
                        .help("Give each entry the `operationId` it configures."),
                ),
            }
        }
    }
}
