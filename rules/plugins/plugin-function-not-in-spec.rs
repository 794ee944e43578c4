//! `plugin-function-not-in-spec`: a function run by an OpenApi runtime whose name is not an
//! `operationId` of that runtime's OpenAPI description.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::{
    items, parse_spec, plugins, runtime_runs, runtime_spec_target,
};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (_, r) in items(p, "/runtimes") {
            if r.get("type").and_then(Value::as_str) != Some("OpenApi") {
                continue;
            }
            let Some(target) = runtime_spec_target(file, r) else {
                continue;
            };
            let parsed = parse_spec(ctx, &target);
            let Some(Ok(spec)) = parsed.as_deref() else {
                continue;
            };
            let ids = spec.operation_ids();
            for (fp, f) in items(p, "/functions") {
                let Some(name) = f.get("name").and_then(Value::as_str) else {
                    continue;
                };
                if has_placeholder(name) || !runtime_runs(r, name) || ids.contains(name) {
                    continue;
                }
                out.push(
                        Finding::at(file, format!("{fp}/name"), format!("function `{name}` is not an `operationId` in {target}"))
                            .help(format!("Name the function after the `operationId` of the operation it calls in {target} (names are case-sensitive), or add that operation."))
                            .label("no such operation"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-function-not-in-spec";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_unknown_operation() {
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["functions"][1]["name"] = json!("getPerDiem");
            p["runtimes"][0]["run_for_functions"][1] = json!("getPerDiem");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/functions/1/name")]
        );
    }

    #[test]
    fn accepts_matching_operations() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
