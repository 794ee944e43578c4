//! `connector-operationid-format`: an `operationId` holds spaces or punctuation.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let Some(id) = op.str("operationId") else {
            continue;
        };
        if let Some(bad) = id
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
        {
            out.push(
                Finding::at(file, op.at("operationId"), format!("operationId \"{id}\" contains `{bad}`; use letters and digits only"))
                    .help("Write operationIds in CamelCase without spaces or punctuation (`GetTask`, not `get-task`): the validator sanitizes them, which changes the id flows use.")
                    .label("not alphanumeric"),
            );
        }
    }
}
