//! `web-app-id-not-guid`: `webApplicationInfo.id` is not a GUID, or is the nil GUID. The
//! schemas check the GUID pattern themselves; this rule stays quiet where they did.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::text::{is_guid, NIL_GUID};
use crate::rules::Out;

const POINTER: &str = "/webApplicationInfo/id";

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(id) = doc.str_at(POINTER) else {
        return;
    };
    if is_placeholder_like(id) {
        return;
    }
    let message = if !is_guid(id.trim()) {
        format!("`webApplicationInfo.id` is \"{id}\", which is not a GUID")
    } else if id.trim() == NIL_GUID {
        "`webApplicationInfo.id` is the nil GUID, not the id of an app registration".to_string()
    } else {
        return;
    };
    out.push(
            Finding::at(MANIFEST, POINTER, message)
                .help("Use the Application (client) ID of your Microsoft Entra app registration, as shown on its Overview page in the Azure portal.")
                .label("not an application id"),
        );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "web-app-id-not-guid";

    #[test]
    fn flags_the_nil_guid() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"webApplicationInfo": {"id": "00000000-0000-0000-0000-000000000000"}}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/webApplicationInfo/id")]
        );
    }

    #[test]
    fn leaves_pattern_errors_to_the_schema_and_accepts_guids() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"webApplicationInfo": {"id": "harborlight"}}),
        );
        assert!(pkg.hits(ID).is_empty());
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
