//! `connector-default-response`: a `default` response has a schema.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        if op.op.pointer("/responses/default/schema").is_some() {
            out.push(
                Finding::at(file, format!("{}/default/schema", op.at("responses")), format!("the `default` response of `{} {}` has a schema", op.method.to_uppercase(), op.path))
                    .help("Remove the schema of the `default` response (the platform does not use it), or move it to the success response it describes.")
                    .at_key()
                    .label("schema on default"),
            );
        }
    }
}
