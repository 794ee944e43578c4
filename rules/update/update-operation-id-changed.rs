//! `update-operation-id-changed`: the operation at a path and method of the published
//! connector has another operationId now.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::operations;
use crate::rules::helpers::update::swaggers;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, file, cur)) = swaggers(ctx) else {
        return;
    };
    let now = operations(cur);
    for p in operations(prev) {
        let Some(id) = p.str("operationId") else {
            continue;
        };
        if now.iter().any(|c| c.str("operationId") == Some(id)) {
            continue;
        }
        let Some(c) = now
            .iter()
            .find(|c| c.path == p.path && c.method == p.method)
        else {
            continue;
        };
        let (pointer, new_id) = match c.str("operationId") {
            Some(n) => (c.at("operationId"), format!("`{n}`")),
            None => (c.pointer.clone(), "no operationId".to_string()),
        };
        out.push(
            Finding::at(
                file,
                pointer,
                format!(
                    "{} {} was `{id}` in the published version and is {new_id} now: flows that use `{id}` break",
                    p.method.to_ascii_uppercase(),
                    p.path
                ),
            )
            .help(format!("Restore `\"operationId\": \"{id}\"`; rename only the `summary`."))
            .label("operationId changed"),
        );
    }
}
