//! `openapi-version-unsupported`: an OpenAPI description that is not OpenAPI 3.0.x or 3.1.x
//! (Swagger 2.0, or no `openapi` field).

use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::distinct_specs;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, parsed) in distinct_specs(ctx) {
        let Ok(spec) = parsed.as_ref() else {
            continue;
        };
        let v = &spec.value;
        let (ptr, message) = match (v.get("openapi"), v.get("swagger")) {
                (Some(Value::String(s)), _) if s.starts_with("3.0.") || s.starts_with("3.1.") || s == "3.0" || s == "3.1" || has_placeholder(s) => continue,
                (Some(o), _) => ("/openapi", format!("`openapi` is {o}; Microsoft 365 Copilot and API-based message extensions read OpenAPI 3.0.x and 3.1.x")),
                (None, Some(s)) => ("/swagger", format!("{} is a Swagger {} description; Microsoft 365 Copilot and API-based message extensions need OpenAPI 3.0.x or 3.1.x", u.target, s.as_str().unwrap_or("2.0"))),
                (None, None) if v.is_object() => ("", format!("{} has no `openapi` version field, so it is not an OpenAPI 3 description", u.target)),
                (None, None) => ("", format!("{} is not an OpenAPI description (its top level is not an object)", u.target)),
            };
        out.push(
                spec.finding(ptr, message)
                    .help("Convert the description to OpenAPI 3.0.x (for example with the Swagger Editor's conversion or `npx swagger2openapi`) and set `openapi: 3.0.3`."),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "openapi-version-unsupported";
    const ME: &str = "fixtures/packages/me-api-based";
    const SPEC: &str = "apiSpecificationFile/openapi.json";

    #[test]
    fn flags_swagger() {
        let pkg = Pkg::from_fixture(ME).patch(SPEC, json!({"openapi": null, "swagger": "2.0"}));
        assert_eq!(pkg.hits(ID), vec![at(SPEC, "/swagger")]);
    }

    #[test]
    fn accepts_3_0() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
