//! `plugin-function-without-runtime`: an API plugin function that no runtime runs.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::{items, plugins, runtime_runs};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        let runtimes = items(p, "/runtimes");
        for (fp, f) in items(p, "/functions") {
            let Some(name) = f.get("name").and_then(Value::as_str) else {
                continue;
            };
            if has_placeholder(name) || runtimes.iter().any(|(_, r)| runtime_runs(r, name)) {
                continue;
            }
            out.push(
                    Finding::at(file, format!("{fp}/name"), format!("no runtime runs the function `{name}`: it is missing from every `run_for_functions` list"))
                        .help(format!("Add \"{name}\" to the `run_for_functions` of the runtime whose API implements it, or remove the function."))
                        .label("never runs"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-function-without-runtime";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_unrun_function() {
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["runtimes"][0]["run_for_functions"] =
                json!(["getTravelPolicy", "getPerDiemRate", "listMyTrips"]);
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/functions/3/name")]
        );
    }

    #[test]
    fn accepts_all_run_and_wildcards() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["runtimes"][0]["run_for_functions"] =
                json!(["get*", "listMyTrips", "createTripRequest"]);
        });
        assert!(pkg.hits(ID).is_empty());
    }
}
