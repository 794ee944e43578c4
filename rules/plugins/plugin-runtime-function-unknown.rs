//! `plugin-runtime-function-unknown`: a `run_for_functions` entry that names no declared
//! function.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::{items, plugins, wildcard_match};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        let names: Vec<&str> = items(p, "/functions")
            .iter()
            .filter_map(|(_, f)| f.get("name").and_then(Value::as_str))
            .collect();
        for (rp, r) in items(p, "/runtimes") {
            // An MCP server without static tool descriptions lists its tools at run time
            // (`tools/list`): `"*"` is the documented shape for dynamic tool discovery, with no
            // functions declared in the plugin.
            let dynamic_mcp = r.get("type").and_then(Value::as_str) == Some("RemoteMCPServer")
                && r.pointer("/spec/mcp_tool_description").is_none();
            for (ep, e) in items(r, "/run_for_functions") {
                let Some(entry) = e.as_str() else { continue };
                if dynamic_mcp && entry == "*" {
                    continue;
                }
                if has_placeholder(entry) || names.iter().any(|n| wildcard_match(entry, n)) {
                    continue;
                }
                let known = if names.is_empty() {
                    "the plugin declares no functions".to_string()
                } else {
                    format!("declared: `{}`", names.join("`, `"))
                };
                out.push(
                        Finding::at(file, format!("{rp}{ep}"), format!("`run_for_functions` names `{entry}`, which is not a function of this plugin ({known})"))
                            .help("Use the `name` of a function declared in `functions` (check the spelling), or declare the function.")
                            .label("unknown function"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-runtime-function-unknown";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_exact_entry() {
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["runtimes"][0]["run_for_functions"][1] = json!("getPerDiemRates");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/runtimes/0/run_for_functions/1")]
        );
    }

    #[test]
    fn accepts_declared_names() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
