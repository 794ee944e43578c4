//! `connector-operationid`: an operation has no `operationId`, or two operations share one.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut seen: HashMap<String, String> = HashMap::new();
    for op in operations(s) {
        match op.str("operationId") {
            None => out.push(
                Finding::at(file, op.pointer.clone(), format!("`{} {}` has no `operationId`", op.method.to_uppercase(), op.path))
                    .help("Give every operation a unique operationId in CamelCase (`ListTasks`): flows, apps and policies refer to operations by it.")
                    .at_key(),
            ),
            Some(id) => {
                let key = id.to_lowercase();
                match seen.get(&key) {
                    Some(first) => out.push(
                        Finding::at(file, op.at("operationId"), format!("operationId \"{id}\" is also used by `{first}`"))
                            .help("Make every operationId unique (the comparison ignores case).")
                            .label("duplicate operationId"),
                    ),
                    None => {
                        seen.insert(key, format!("{} {}", op.method.to_uppercase(), op.path));
                    }
                }
            }
        }
    }
}
