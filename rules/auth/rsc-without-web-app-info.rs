//! `rsc-without-web-app-info`: resource-specific consent permissions are declared but the
//! manifest has no `webApplicationInfo`, so admins cannot review and grant them.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::Out;
use serde_json::Value;

const POINTER: &str = "/authorization/permissions/resourceSpecific";

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(perms) = doc.value.pointer(POINTER).and_then(Value::as_array) else {
        return;
    };
    // Application permissions are granted to the Entra app `webApplicationInfo` names;
    // delegated ones (meeting stage, Live Share, Office add-in permissions) act as the user.
    let app_perms = perms
        .iter()
        .filter(|p| {
            p.get("type")
                .and_then(Value::as_str)
                .is_none_or(|t| t.eq_ignore_ascii_case("application"))
        })
        .count();
    if app_perms == 0 || doc.value.get("webApplicationInfo").is_some() {
        return;
    }
    out.push(
            Finding::at(
                    MANIFEST,
                    POINTER,
                    format!(
                        "the app requests {app_perms} application resource-specific permission{} but has no `webApplicationInfo`",
                        if app_perms == 1 { "" } else { "s" }
                    ),
                )
                .help("Add `webApplicationInfo` with the `id` of the Microsoft Entra app registration that holds these permissions (and its `resource` URI if you use SSO).")
                .label("needs webApplicationInfo"),
        );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "rsc-without-web-app-info";

    #[test]
    fn flags_rsc_without_web_application_info() {
        let pkg = Pkg::base().patch("manifest.json", json!({"webApplicationInfo": null}));
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/authorization/permissions/resourceSpecific"
            )]
        );
    }

    #[test]
    fn accepts_rsc_with_web_application_info_and_delegated_rsc_without() {
        assert!(Pkg::base().hits(ID).is_empty());
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"webApplicationInfo": null, "authorization": {"permissions": {"resourceSpecific": [
                {"name": "MeetingStage.Write.Chat", "type": "Delegated"}
            ]}}}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
