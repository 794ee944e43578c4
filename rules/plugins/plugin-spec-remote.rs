//! `plugin-spec-remote`: an OpenApi runtime whose `spec.url` is a web address: appcert cannot
//! check that description offline.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::{items, plugins};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (rp, r) in items(p, "/runtimes") {
            if r.get("type").and_then(Value::as_str) != Some("OpenApi") {
                continue;
            }
            let Some(url) = r.pointer("/spec/url").and_then(Value::as_str) else {
                continue;
            };
            if !url.contains("://") || has_placeholder(url) {
                continue;
            }
            out.push(
                    Finding::at(file, format!("{rp}/spec/url"), format!("the OpenAPI description is fetched from {url}; it cannot be verified offline, so the function names, servers and confirmation settings were not checked"))
                        .help("Package the OpenAPI description with the plugin (`\"url\": \"apiSpecificationFile/openapi.yaml\"`) so it is validated and versioned with the app, or check it separately.")
                        .label("remote description"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-spec-remote";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn notes_remote_spec() {
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["runtimes"][0]["spec"]["url"] = json!("https://api.fernhillsystems.com/openapi.yaml");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/runtimes/0/spec/url")]
        );
    }

    #[test]
    fn quiet_for_packaged_spec() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
