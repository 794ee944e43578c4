//! `plugin-auth-mismatch`: an OpenApi runtime's `auth.type` that does not fit the security
//! schemes of its OpenAPI description (OAuth without an OAuth scheme, API key without an API key
//! or bearer scheme, no authentication for an API that requires it).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{
    items, parse_spec, plugins, runtime_runs, runtime_spec_target, Spec,
};
use crate::rules::Out;
use serde_json::Value;

/// The kinds of the description's security schemes: `oauth2`, `openIdConnect`, `apiKey`,
/// `http:bearer`, `http:basic`.
fn scheme_kinds(spec: &Spec) -> Vec<String> {
    spec.value
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(_, s)| {
            let t = s.get("type").and_then(Value::as_str)?;
            Some(if t == "http" {
                format!(
                    "http:{}",
                    s.get("scheme")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_ascii_lowercase()
                )
            } else {
                t.to_string()
            })
        })
        .collect()
}

fn requires_security(v: Option<&Value>) -> bool {
    v.and_then(Value::as_array).is_some_and(|reqs| {
        !reqs.is_empty()
            && reqs
                .iter()
                .all(|r| r.as_object().is_some_and(|o| !o.is_empty()))
    })
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (rp, r) in items(p, "/runtimes") {
            let Some(auth) = r.pointer("/auth/type").and_then(Value::as_str) else {
                continue;
            };
            let Some(target) = runtime_spec_target(file, r) else {
                continue;
            };
            let parsed = parse_spec(ctx, &target);
            let Some(Ok(spec)) = parsed.as_deref() else {
                continue;
            };
            let kinds = scheme_kinds(spec);
            let has = |k: &[&str]| kinds.iter().any(|x| k.contains(&x.as_str()));
            let problem = match auth {
                "OAuthPluginVault"
                    if !kinds.is_empty() && !has(&["oauth2", "openIdConnect", "http:bearer"]) =>
                {
                    Some(if kinds.is_empty() {
                        format!("`auth.type` is OAuthPluginVault but {target} declares no security scheme")
                    } else {
                        format!("`auth.type` is OAuthPluginVault but {target} declares only {} security schemes", kinds.join(", "))
                    })
                }
                "ApiKeyPluginVault" if !kinds.is_empty() && !has(&["apiKey", "http:bearer"]) => {
                    Some(if kinds.is_empty() {
                        format!("`auth.type` is ApiKeyPluginVault but {target} declares no security scheme")
                    } else {
                        format!("`auth.type` is ApiKeyPluginVault but {target} declares only {} security schemes", kinds.join(", "))
                    })
                }
                "None" => {
                    let global = requires_security(spec.value.get("security"));
                    let op_requires = items(p, "/functions").iter().any(|(_, f)| {
                        let Some(name) = f.get("name").and_then(Value::as_str) else {
                            return false;
                        };
                        runtime_runs(r, name)
                            && spec.operation(name).is_some_and(|(_, _, _, op)| {
                                match op.get("security") {
                                    Some(s) => requires_security(Some(s)),
                                    None => global,
                                }
                            })
                    });
                    op_requires.then(|| format!("`auth.type` is None but {target} requires authentication (`security`) for operations this runtime calls"))
                }
                _ => None,
            };
            if let Some(message) = problem {
                out.push(
                        Finding::at(file, format!("{rp}/auth/type"), message)
                            .help("Make them agree: OAuthPluginVault with an oauth2 (authorization code) scheme, ApiKeyPluginVault with an apiKey or http bearer scheme, None only for an API that needs no authentication; register the secret in the Teams Developer Portal and put its id in `reference_id`.")
                            .label("does not match the API"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-auth-mismatch";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_oauth_with_api_key_scheme() {
        let pkg = crate::rules::helpers::copilot::util::replace_text(
            Pkg::from_fixture(DA),
            "apis/openapi.yaml",
            "components:\n",
            "components:\n  securitySchemes:\n    key:\n      type: apiKey\n      in: header\n      name: X-Key\n",
        )
        .edit("ai-plugin.json", |p| {
            p["runtimes"][0]["auth"] = json!({"type": "OAuthPluginVault", "reference_id": "abc123"});
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/runtimes/0/auth/type")]
        );
        // a description without security schemes leaves the vault's token to the runtime
        let pkg = Pkg::from_fixture(DA).edit("ai-plugin.json", |p| {
            p["runtimes"][0]["auth"] =
                json!({"type": "OAuthPluginVault", "reference_id": "abc123"});
        });
        assert!(pkg.hits(ID).is_empty());
    }

    #[test]
    fn flags_none_for_secured_api() {
        let pkg = Pkg::from_fixture("fixtures/packages/declarative-agent");
        let pkg = crate::rules::helpers::copilot::util::replace_text(
            pkg,
            "apis/openapi.yaml",
            "paths:\n",
            "security:\n  - apiKey: []\npaths:\n",
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("ai-plugin.json", "/runtimes/0/auth/type")]
        );
    }

    #[test]
    fn accepts_none_for_open_api() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
