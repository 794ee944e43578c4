//! `developer-url-not-https`: a publisher link (privacy policy, terms of use, website) that is
//! not an absolute `https://` URL.

use super::util::dev_urls;
use crate::engine::{Ctx, MANIFEST};
use crate::finding::Finding;
use crate::rules::{registry, CodeRule};

pub struct UrlNotHttps;

impl CodeRule for UrlNotHttps {
    fn id(&self) -> &'static str {
        "developer-url-not-https"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for u in dev_urls(ctx) {
            let message = match &u.url {
                None => format!(
                    "`developer.{}` is \"{}\", which is not an absolute URL",
                    u.field, u.raw
                ),
                Some(url) if url.scheme() != "https" => format!(
                    "`developer.{}` uses `{}://`; the {} link must be a secure https:// URL",
                    u.field,
                    url.scheme(),
                    u.what
                ),
                Some(url) if url.host_str().is_none_or(str::is_empty) => format!(
                    "`developer.{}` is \"{}\", which names no host",
                    u.field, u.raw
                ),
                Some(_) => continue,
            };
            out.push(
                meta.finding(MANIFEST, u.pointer, message)
                    .help(format!(
                        "Give the full address of your published {} page, starting with https:// (e.g. \"https://yourdomain.com/{}\").",
                        u.what,
                        if u.field == "websiteUrl" { "" } else { "legal/..." }
                    ))
                    .label("not an https URL"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-url-not-https";

    #[test]
    fn fires_on_http_and_relative() {
        assert_eq!(
            with_url("privacyUrl", "http://harborlightlabs.net/privacy").hits(ID),
            vec![at("manifest.json", "/developer/privacyUrl")]
        );
        assert_eq!(
            with_url("termsOfUseUrl", "harborlightlabs.net/terms").hits(ID),
            vec![at("manifest.json", "/developer/termsOfUseUrl")]
        );
    }

    #[test]
    fn passes_on_https_and_placeholders() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://{{HOST}}/").hits(ID).is_empty());
    }
}
