//! `connector-swagger-version`: the swagger's `swagger` is not "2.0".

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    match s.get("swagger") {
        Some(Value::String(v)) if v == "2.0" => {}
        Some(v) => out.push(
            Finding::at(file, "/swagger", format!("`swagger` is {v}; connectors must be Swagger (OpenAPI) 2.0"))
                .help("Set `\"swagger\": \"2.0\"`; Power Platform connectors do not accept OpenAPI 3 definitions (convert them to 2.0).")
                .label("not 2.0"),
        ),
        None => out.push(
            Finding::at(file, "", "the swagger has no `swagger` version field; it must be \"2.0\"")
                .help("Add `\"swagger\": \"2.0\"` at the top of the file."),
        ),
    }
}
