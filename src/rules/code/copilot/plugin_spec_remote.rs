//! `plugin-spec-remote`: an OpenApi runtime whose `spec.url` is a web address: appcert cannot
//! check that description offline.

use super::util::{items, plugins};
use crate::engine::Ctx;
use crate::finding::Finding;
use crate::references::has_placeholder;
use crate::rules::{registry, CodeRule};
use serde_json::Value;

pub struct PluginSpecRemote;

impl CodeRule for PluginSpecRemote {
    fn id(&self) -> &'static str {
        "plugin-spec-remote"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
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
                    meta.finding(file, format!("{rp}/spec/url"), format!("the OpenAPI description is fetched from {url}; it cannot be verified offline, so the function names, servers and confirmation settings were not checked"))
                        .help("Package the OpenAPI description with the plugin (`\"url\": \"apiSpecificationFile/openapi.yaml\"`) so it is validated and versioned with the app, or check it separately.")
                        .label("remote description"),
                );
            }
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
