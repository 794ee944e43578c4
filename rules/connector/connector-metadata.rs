//! `connector-metadata`: `x-ms-connector-metadata` lacks Website, Privacy policy or
//! Categories, or the Website or Privacy policy is not an absolute URL.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{is_absolute_url, metadata, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    if !s
        .get("x-ms-connector-metadata")
        .is_some_and(Value::is_array)
    {
        out.push(
            Finding::at(file, "", "the swagger has no `x-ms-connector-metadata` (Website, Privacy policy, Categories)")
                .help("Add `\"x-ms-connector-metadata\": [{\"propertyName\": \"Website\", \"propertyValue\": \"https://…\"}, {\"propertyName\": \"Privacy policy\", \"propertyValue\": \"https://…\"}, {\"propertyName\": \"Categories\", \"propertyValue\": \"Productivity;Data\"}]` at the root of the swagger."),
        );
        return;
    }
    let mut missing = Vec::new();
    for name in ["Website", "Privacy policy", "Categories"] {
        match metadata(s, name) {
            None => missing.push(name),
            Some((i, v)) => {
                let text = v.as_str().unwrap_or_default();
                if text.trim().is_empty() {
                    missing.push(name);
                } else if name != "Categories" && !is_absolute_url(text) {
                    out.push(
                        Finding::at(
                            file,
                            format!("/x-ms-connector-metadata/{i}/propertyValue"),
                            format!("the {name} \"{text}\" is not an absolute URL"),
                        )
                        .help("Give an absolute https URL.")
                        .label("not a URL"),
                    );
                }
            }
        }
    }
    if !missing.is_empty() {
        out.push(
            Finding::at(file, "/x-ms-connector-metadata", format!("`x-ms-connector-metadata` lacks {}", missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", ")))
                .help("Add an entry `{\"propertyName\": …, \"propertyValue\": …}` for each of Website, Privacy policy and Categories.")
                .label("incomplete metadata"),
        );
    }
}
