//! Shared helpers for the developer rules: the publisher URLs of the manifest.

use crate::model::Ctx;
use crate::references::has_placeholder;

/// The publisher URL fields of `developer`, with their pointer and a human name.
pub const URL_FIELDS: &[(&str, &str, &str)] = &[
    ("privacyUrl", "/developer/privacyUrl", "privacy policy"),
    ("termsOfUseUrl", "/developer/termsOfUseUrl", "terms of use"),
    ("websiteUrl", "/developer/websiteUrl", "website"),
];

/// One publisher URL of the manifest.
pub struct DevUrl<'a> {
    /// Field name under `developer` (`privacyUrl`).
    pub field: &'static str,
    pub pointer: &'static str,
    /// What the link is for (`privacy policy`).
    pub what: &'static str,
    pub raw: &'a str,
    /// The parsed URL, when it parses as an absolute URL.
    pub url: Option<url::Url>,
}

impl DevUrl<'_> {
    /// The host in lowercase, when the URL parsed and has one.
    pub fn host(&self) -> Option<String> {
        self.url
            .as_ref()
            .and_then(|u| u.host_str())
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
    }
}

/// Every non-empty publisher URL string of the manifest without a template placeholder
/// (missing or mistyped fields are the schema's, placeholders the placeholder rule's).
pub fn dev_urls<'a>(ctx: &'a Ctx<'_>) -> Vec<DevUrl<'a>> {
    let Some(dev) = ctx.manifest().and_then(|m| m.value.get("developer")) else {
        return Vec::new();
    };
    URL_FIELDS
        .iter()
        .filter_map(|(field, pointer, what)| {
            let raw = dev.get(*field)?.as_str()?;
            if raw.trim().is_empty() || has_placeholder(raw) {
                return None;
            }
            Some(DevUrl {
                field,
                pointer,
                what,
                raw,
                url: url::Url::parse(raw.trim()).ok(),
            })
        })
        .collect()
}

/// Marketplace listing hosts (AppSource and the commercial marketplace).
pub const MARKETPLACE_HOSTS: &[&str] = &[
    "appsource.microsoft.com",
    "azuremarketplace.microsoft.com",
    "marketplace.microsoft.com",
];

/// Generic document and file hosts that are not the publisher's own domain.
pub const DOCUMENT_HOSTS: &[&str] = &[
    "docs.google.com",
    "drive.google.com",
    "sites.google.com",
    "github.com",
    "raw.githubusercontent.com",
    "gist.github.com",
    "github.io",
    "notion.site",
    "notion.so",
    "dropbox.com",
    "onedrive.live.com",
    "1drv.ms",
    "sharepoint.com",
    "wixsite.com",
    "pastebin.com",
];

#[cfg(test)]
pub mod test_support {
    use crate::rules::testing::Pkg;
    use serde_json::json;

    /// The base package with one developer URL replaced.
    pub fn with_url(field: &str, value: &str) -> Pkg {
        Pkg::base().patch("manifest.json", json!({"developer": {field: value}}))
    }
}
