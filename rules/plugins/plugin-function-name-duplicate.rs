//! `plugin-function-name-duplicate`: two functions of an API plugin with the same `name`.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{items, plugins};
use crate::rules::Out;
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (fp, f) in items(p, "/functions") {
            let Some(name) = f.get("name").and_then(Value::as_str) else {
                continue;
            };
            let ptr = format!("{fp}/name");
            if let Some(first) = seen.get(name) {
                out.push(
                        Finding::at(file, ptr, format!("function name `{name}` is already used by `{}`", display_path(first)))
                            .help("Give every function a unique name (the `operationId` of the operation it calls), or remove the duplicate.")
                            .label("duplicate"),
                    );
            } else {
                seen.insert(name, ptr);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "plugin-function-name-duplicate";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_second_use() {
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["functions"][2]["name"] = serde_json::json!("getTravelPolicy");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/functions/2/name")]
        );
    }

    #[test]
    fn accepts_unique_names() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
