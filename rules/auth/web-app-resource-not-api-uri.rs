//! `web-app-resource-not-api-uri`: `webApplicationInfo.resource` is not an `api://` application
//! ID URI, so Teams single sign-on cannot request a token for it.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{is_placeholder_like, is_token_host, split_url};
use crate::rules::Out;

const POINTER: &str = "/webApplicationInfo/resource";

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(resource) = doc.str_at(POINTER) else {
        return;
    };
    let r = resource.trim();
    if is_placeholder_like(r) || r.to_ascii_lowercase().starts_with("api://") {
        return;
    }
    // Apps without SSO put a dummy value here (`https://RscBasedStoreApp`, the old docs'
    // `https://notapplicable`), and SharePoint Framework apps their SharePoint host: only a
    // real domain that is not SharePoint suggests a broken SSO setup.
    let Some(parts) = split_url(r) else { return };
    if !parts.host.contains('.')
        || is_token_host(&parts.host)
        || parts.host.contains("sharepoint")
        || parts.host == "notapplicable"
    {
        return;
    }
    out.push(
            Finding::at(
                    MANIFEST,
                    POINTER,
                    format!("`webApplicationInfo.resource` is \"{resource}\"; single sign-on needs the app's `api://` Application ID URI"),
                )
                .help("Use the Application ID URI exposed by your Microsoft Entra app registration, such as `api://app.contoso.com/<application id>` (tabs) or `api://botid-<bot id>` (bots).")
                .label("not an api:// URI"),
        );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "web-app-resource-not-api-uri";

    #[test]
    fn flags_https_resources() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"webApplicationInfo": {"resource": "https://app.harborlightlabs.net"}}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/webApplicationInfo/resource")]
        );
    }

    #[test]
    fn accepts_api_uris_dummies_and_sharepoint() {
        assert!(Pkg::base().hits(ID).is_empty());
        for ok in [
            "https://RscBasedStoreApp",
            "https://{teamSiteDomain}",
            "https://contoso.sharepoint.com",
        ] {
            let pkg = Pkg::base().patch(
                "manifest.json",
                json!({"webApplicationInfo": {"resource": ok}}),
            );
            assert!(pkg.hits(ID).is_empty(), "{ok}");
        }
    }
}
