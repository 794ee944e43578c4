//! `connector-no-response`: an operation declares no successful (2xx) response and no
//! `default` response (a `default`-only operation, as the custom connector wizard writes it,
//! is accepted: 25 connectors of the corpus have some).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let ok = op
            .op
            .get("responses")
            .and_then(Value::as_object)
            .is_some_and(|r| r.keys().any(|k| k.starts_with('2') || k == "default"));
        if !ok {
            let (ptr, key) = match op.op.get("responses") {
                Some(_) => (op.at("responses"), true),
                None => (op.pointer.clone(), true),
            };
            let mut f = Finding::at(file, ptr, format!("`{} {}` has no successful (2xx) or default response", op.method.to_uppercase(), op.path))
                .help("Declare the success response (`200` with its schema, or `202`/`204` without a body).");
            if key {
                f = f.at_key();
            }
            out.push(f);
        }
    }
}
