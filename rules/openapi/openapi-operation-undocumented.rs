//! `openapi-operation-undocumented`: an operation that a plugin function or an API-based
//! message extension command calls lacks a description or summary, a parameter description, or
//! described responses. Copilot picks and fills operations from these texts.

use crate::model::{Ctx, MANIFEST};
use crate::references::resolve;
use crate::rules::helpers::copilot::util::{
    items, parse_spec, plugins, runtime_runs, runtime_spec_target, Spec,
};
use crate::rules::Out;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn nonempty(v: Option<&Value>) -> bool {
    v.and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty())
}

fn check_op(spec: &Spec, id: &str, out: &mut Out<'_>) {
    let Some((ptr, method, path, op)) = spec.operation(id) else {
        return;
    };
    if !nonempty(op.get("description")) && !nonempty(op.get("summary")) {
        out.push(
            spec.finding(&ptr, format!("{method} {path} (`{id}`) has neither a `description` nor a `summary`"))
                .help("Add a `description` saying what the operation does and when to use it; Copilot chooses operations by it.")
                .label("undescribed operation"),
        );
    }
    for (pp, p) in items(op, "/parameters") {
        if p.get("$ref").is_some() || nonempty(p.get("description")) {
            continue;
        }
        let name = p.get("name").and_then(Value::as_str).unwrap_or("?");
        out.push(
            spec.finding(&format!("{ptr}{pp}"), format!("parameter `{name}` of {method} {path} (`{id}`) has no `description`"))
                .help("Describe every parameter: what it holds, its format (for example YYYY-MM-DD) and an example value, so Copilot can fill it from the user's words.")
                .label("undescribed parameter"),
        );
    }
    match op.get("responses").and_then(Value::as_object) {
        Some(r) if !r.is_empty() => {
            for (code, resp) in r {
                if resp.get("$ref").is_some() || nonempty(resp.get("description")) {
                    continue;
                }
                out.push(
                    spec.finding(&format!("{ptr}/responses/{code}"), format!("response {code} of {method} {path} (`{id}`) has no `description`"))
                        .help("Describe every response (OpenAPI requires `description`), including the error responses.")
                        .label("undescribed response"),
                );
            }
        }
        _ => out.push(
            spec.finding(&ptr, format!("{method} {path} (`{id}`) describes no `responses`"))
                .help("Add `responses` with the success response and its schema, and the error responses.")
                .label("no responses"),
        ),
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    // spec file -> operation ids used
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, p) in plugins(ctx) {
        for (_, r) in items(p, "/runtimes") {
            let Some(target) = runtime_spec_target(file, r) else {
                continue;
            };
            for (_, f) in items(p, "/functions") {
                if let Some(name) = f.get("name").and_then(Value::as_str) {
                    if runtime_runs(r, name) {
                        used.entry(target.clone())
                            .or_default()
                            .insert(name.to_string());
                    }
                }
            }
        }
    }
    if let Some(m) = ctx.manifest() {
        for (_, me) in items(&m.value, "/composeExtensions") {
            let Some(target) = me
                .get("apiSpecificationFile")
                .and_then(Value::as_str)
                .and_then(|s| resolve(MANIFEST, s))
            else {
                continue;
            };
            for (_, c) in items(me, "/commands") {
                if let Some(id) = c.get("id").and_then(Value::as_str) {
                    used.entry(target.clone())
                        .or_default()
                        .insert(id.to_string());
                }
            }
        }
    }
    for (target, ids) in used {
        let parsed = parse_spec(ctx, &target);
        let Some(Ok(spec)) = parsed.as_deref() else {
            continue;
        };
        for id in ids {
            check_op(spec, &id, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::copilot::util::replace_text;
    use crate::rules::testing::Pkg;

    const ID: &str = "openapi-operation-undocumented";

    #[test]
    fn flags_missing_parameter_description() {
        let pkg = Pkg::from_fixture("fixtures/packages/me-api-based").edit(
            "apiSpecificationFile/openapi.json",
            |v| {
                if let Some(o) = v["paths"]["/items"]["get"]["parameters"][1].as_object_mut() {
                    o.remove("description");
                }
            },
        );
        let hits = pkg.hits(ID);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1, "/paths/~1items/get/parameters/1");
    }

    #[test]
    fn flags_operation_without_description_in_yaml() {
        let pkg = replace_text(
            Pkg::from_fixture("fixtures/packages/declarative-agent"),
            "apis/openapi.yaml",
            "      summary: Get travel policy rules\n      description: Returns the travel policy rules that apply to a destination country and trip type, including booking lead time, hotel rate limit, permitted travel class, and approval requirements.\n",
            "",
        );
        let f = pkg.findings(ID);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(14));
    }

    #[test]
    fn accepts_documented_operations() {
        assert!(Pkg::from_fixture("fixtures/packages/me-api-based")
            .hits(ID)
            .is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
    }
}
