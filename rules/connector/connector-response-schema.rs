//! `connector-response-schema`: a 200 or 201 response has no schema (unless the operation's
//! schema is dynamic, it is a DELETE, or it registers a webhook, whose notification content
//! has the schema).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, resolve, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        // DELETE answers 200 without a body in most APIs; webhooks get their schema from the
        // notification content.
        if op.is_webhook() || op.method == "delete" {
            continue;
        }
        let Some(responses) = op.op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        for code in ["200", "201"] {
            let Some(r) = responses.get(code) else {
                continue;
            };
            let r = resolve(s, r);
            if r.get("schema").is_none() && r.get("x-ms-dynamic-schema").is_none() {
                out.push(
                    Finding::at(file, format!("{}/{code}", op.at("responses")), format!("the {code} response of `{} {}` has no schema", op.method.to_uppercase(), op.path))
                        .help("Describe the response body with a `schema` (its properties become the dynamic content makers use); if the response has no body, answer 204 or 202 instead.")
                        .at_key(),
                );
            }
        }
    }
}
