//! `openapi-consequential-disabled`: an operation that changes data (POST, PUT, PATCH, DELETE)
//! called by an API plugin with user confirmation turned off.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{
    items, parse_spec, plugins, runtime_runs, runtime_spec_target,
};
use crate::rules::Out;
use serde_json::Value;

const FLAGS: &[&str] = &["x-openai-isConsequential", "x-oai-isConsequential"];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (_, r) in items(p, "/runtimes") {
            let Some(target) = runtime_spec_target(file, r) else {
                continue;
            };
            let parsed = parse_spec(ctx, &target);
            let Some(Ok(spec)) = parsed.as_deref() else {
                continue;
            };
            for (fp, f) in items(p, "/functions") {
                let Some(name) = f.get("name").and_then(Value::as_str) else {
                    continue;
                };
                if !runtime_runs(r, name) {
                    continue;
                }
                let Some((op_ptr, method, path, op)) = spec.operation(name) else {
                    continue;
                };
                if !matches!(method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE") {
                    continue;
                }
                for flag in FLAGS {
                    if op.get(*flag) == Some(&Value::Bool(false)) {
                        out.push(
                                spec.finding(&format!("{op_ptr}/{flag}"), format!("`{flag}: false` on {method} {path} (`{name}`) lets Copilot change data without asking the user"))
                                    .help(format!("Remove `{flag}` or set it to true: operations that create, update or delete data must ask the user to confirm."))
                                    .label("confirmation off"),
                            );
                    }
                }
                if f.pointer("/capabilities/confirmation/type")
                    .and_then(Value::as_str)
                    == Some("None")
                {
                    out.push(
                            Finding::at(file, format!("{fp}/capabilities/confirmation/type"), format!("function `{name}` calls {method} {path} but turns its confirmation off (`\"type\": \"None\"`)"))
                                .help("Use `\"type\": \"AdaptiveCard\"` with a `body` that asks the user to approve the change, or remove `confirmation` to get the default prompt.")
                                .label("confirmation off"),
                        );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::copilot::util::replace_text;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "openapi-consequential-disabled";
    const DA: &str = "fixtures/packages/declarative-agent";
    const SPEC: &str = "apis/openapi.yaml";

    #[test]
    fn flags_flag_in_spec_and_plugin() {
        let pkg = replace_text(
            Pkg::from_fixture(DA),
            SPEC,
            "x-openai-isConsequential: true",
            "x-openai-isConsequential: false",
        )
        .edit("ai-plugin.json", |p| {
            p["functions"][3]["capabilities"]["confirmation"] = json!({"type": "None"});
        });
        let hits = pkg.hits(ID);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(
            hits[0],
            at(
                "ai-plugin.json",
                "/functions/3/capabilities/confirmation/type"
            )
        );
        assert_eq!(hits[1].0, SPEC);
        assert!(hits[1].1.ends_with("/post/x-openai-isConsequential"));
        let f = pkg.findings(ID);
        assert!(f.iter().any(|f| f.file == SPEC && f.line.is_some()));
    }

    #[test]
    fn accepts_default_confirmation() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
