//! `connector-publisher`: `publisher` or `stackOwner` is missing or empty in
//! `apiProperties.json`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::properties;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, p)) = properties(ctx) else {
        return;
    };
    for key in ["publisher", "stackOwner"] {
        match p.get(key).and_then(Value::as_str) {
            Some(v) if !v.trim().is_empty() => {}
            Some(_) => out.push(
                Finding::at(file, format!("/properties/{key}"), format!("`{key}` is empty"))
                    .help("Name the publishing organization (`publisher`) and the owner of the service (`stackOwner`).")
                    .label("empty"),
            ),
            None => out.push(
                Finding::at(file, "/properties", format!("`{key}` is missing in apiProperties.json"))
                    .help("Name the publishing organization (`publisher`) and the owner of the service (`stackOwner`)."),
            ),
        }
    }
}
