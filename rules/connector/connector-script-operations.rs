//! `connector-script-operations`: `scriptOperations` names an operation the swagger does not
//! have, or is given without a script.csx.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operation_ids, properties, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, p)) = properties(ctx) else {
        return;
    };
    let Some(list) = p.get("scriptOperations").and_then(Value::as_array) else {
        return;
    };
    let Some((_, s)) = swagger(ctx) else { return };
    let ids = operation_ids(s);
    for (i, n) in list.iter().enumerate() {
        if let Some(n) = n.as_str() {
            if !ids.contains(&n) {
                out.push(
                    Finding::at(file, format!("/properties/scriptOperations/{i}"), format!("`scriptOperations` names \"{n}\", which the swagger does not have"))
                        .help("List operationIds of apiDefinition.swagger.json whose requests script.csx handles.")
                        .label("unknown operation"),
                );
            }
        }
    }
    if ctx.connector.as_ref().is_some_and(|c| c.script.is_none()) && !list.is_empty() {
        out.push(
            Finding::at(
                file,
                "/properties/scriptOperations",
                "`scriptOperations` is set but the connector has no script.csx",
            )
            .help("Add the script.csx the operations run, or remove `scriptOperations`."),
        );
    }
}
