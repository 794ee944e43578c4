//! `developer-terms-on-document-host`: the terms of use are a shared document (Google Docs,
//! GitHub, OneDrive…) instead of a page on the publisher's own domain.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::{dev_urls, DOCUMENT_HOSTS};
use crate::rules::text;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for u in dev_urls(ctx) {
        if u.field != "termsOfUseUrl" {
            continue;
        }
        let Some(host) = u.host() else { continue };
        let Some(doc_host) = DOCUMENT_HOSTS.iter().find(|d| text::host_in(&host, d)) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    u.pointer,
                    format!(
                        "`developer.termsOfUseUrl` is a document on `{doc_host}`, not a page on your own domain"
                    ),
                )
                .help("Publish the terms of use on your own website (e.g. https://yourdomain.com/terms) and link to that page.")
                .label("generic document host"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::developer::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-terms-on-document-host";

    #[test]
    fn fires_on_document_hosts() {
        for url in [
            "https://docs.google.com/document/d/abc/edit",
            "https://harborlight.github.io/terms",
            "https://github.com/harborlight/app/blob/main/TERMS.md",
        ] {
            assert_eq!(
                with_url("termsOfUseUrl", url).hits(ID),
                vec![at("manifest.json", "/developer/termsOfUseUrl")],
                "{url}"
            );
        }
    }

    #[test]
    fn passes_on_own_domain_and_other_fields() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://github.com/harborlight")
            .hits(ID)
            .is_empty());
    }
}
