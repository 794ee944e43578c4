//! `me-command-not-in-spec`: a command of an API-based message extension whose `id` is not an
//! `operationId` of the extension's OpenAPI description.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::{has_placeholder, resolve};
use crate::rules::helpers::copilot::util::{items, parse_spec};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        let Some(raw) = me.get("apiSpecificationFile").and_then(Value::as_str) else {
            continue;
        };
        if has_placeholder(raw) {
            continue;
        }
        let Some(target) = resolve(MANIFEST, raw) else {
            continue;
        };
        let parsed = parse_spec(ctx, &target);
        let Some(Ok(spec)) = parsed.as_deref() else {
            continue;
        };
        let ids = spec.operation_ids();
        for (cp, c) in items(me, "/commands") {
            let Some(id) = c.get("id").and_then(Value::as_str) else {
                continue;
            };
            if has_placeholder(id) || ids.contains(id) {
                continue;
            }
            out.push(
                    Finding::at(MANIFEST, format!("{mp}{cp}/id"), format!("command `{id}` is not an `operationId` in {target}"))
                        .help(format!("Set the command `id` to the `operationId` of the operation it calls in {target} (case-sensitive), or add that operation."))
                        .label("no such operation"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-command-not-in-spec";
    const ME: &str = "fixtures/packages/me-api-based";

    #[test]
    fn flags_unknown_command() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            m["composeExtensions"][0]["commands"][1]["id"] = json!("findSuppliers");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/composeExtensions/0/commands/1/id")]
        );
    }

    #[test]
    fn accepts_matching_ids() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
