//! `web-app-resource-not-api-uri`: `webApplicationInfo.resource` is not an `api://` application
//! ID URI, so Teams single sign-on cannot request a token for it.

use crate::engine::{Ctx, MANIFEST};
use crate::finding::Finding;
use crate::references::has_placeholder;
use crate::rules::{registry, CodeRule};

pub struct WebAppResourceNotApiUri;

const POINTER: &str = "/webApplicationInfo/resource";

impl CodeRule for WebAppResourceNotApiUri {
    fn id(&self) -> &'static str {
        "web-app-resource-not-api-uri"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(doc) = ctx.manifest() else { return };
        let Some(resource) = doc.str_at(POINTER) else { return };
        let r = resource.trim();
        if has_placeholder(r) || r.to_ascii_lowercase().starts_with("api://") {
            return;
        }
        out.push(
            registry()
                .meta(self.id())
                .finding(
                    MANIFEST,
                    POINTER,
                    format!("`webApplicationInfo.resource` is \"{resource}\"; single sign-on needs the app's `api://` Application ID URI"),
                )
                .help("Use the Application ID URI exposed by your Microsoft Entra app registration, such as `api://app.contoso.com/<application id>` (tabs) or `api://botid-<bot id>` (bots).")
                .label("not an api:// URI"),
        );
    }
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
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/webApplicationInfo/resource")]);
    }

    #[test]
    fn accepts_api_uris() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
