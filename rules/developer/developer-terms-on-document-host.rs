//! `developer-terms-on-document-host`: the terms of use are a shared document (Google Docs,
//! GitHub, OneDrive…) instead of a page on the publisher's own domain. A document host is the
//! publisher's own domain when `developer.websiteUrl` is that domain's home page (GitHub's
//! terms on github.com): a page of the publisher on the host (github.com/yourorg) does not
//! make the domain theirs.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::{dev_urls, DOCUMENT_HOSTS};
use crate::rules::text;
use crate::rules::Out;

/// Whether the publisher's website is the home page of `doc_host`'s domain (so the document
/// host is the publisher's own domain): `https://github.com` or `https://www.github.com/`
/// for github.com. Public-suffix hosts such as github.io belong to no single publisher.
fn website_owns(website: Option<&url::Url>, doc_host: &str) -> bool {
    let Some(site) = website else { return false };
    let Some(site_host) = site.host_str() else {
        return false;
    };
    let site_host = site_host.trim_end_matches('.').to_ascii_lowercase();
    let site_host = site_host.strip_prefix("www.").unwrap_or(&site_host);
    let at_root = site.path().trim_end_matches('/').is_empty();
    let Some(domain) = text::registrable_domain(doc_host) else {
        return false;
    };
    at_root && (site_host == doc_host || site_host == domain)
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let urls = dev_urls(ctx);
    let website = urls
        .iter()
        .find(|u| u.field == "websiteUrl")
        .and_then(|u| u.url.as_ref());
    for u in &urls {
        if u.field != "termsOfUseUrl" {
            continue;
        }
        let Some(host) = u.host() else { continue };
        let Some(doc_host) = DOCUMENT_HOSTS.iter().find(|d| text::host_in(&host, d)) else {
            continue;
        };
        if website_owns(website, doc_host) {
            continue;
        }
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
    fn the_publishers_own_document_host_passes() {
        use serde_json::json;
        let own = |site: &str, terms: &str| {
            Pkg::base().patch(
                "manifest.json",
                json!({"developer": {"websiteUrl": site, "termsOfUseUrl": terms}}),
            )
        };
        let terms = "https://docs.github.com/en/site-policy/github-terms/github-terms-of-service";
        assert!(own("https://github.com", terms).hits(ID).is_empty());
        assert!(own("https://www.github.com/", "https://github.com/terms")
            .hits(ID)
            .is_empty());
        // A page of the publisher on the host does not make the domain theirs.
        assert_eq!(
            own(
                "https://github.com/harborlight",
                "https://github.com/harborlight/terms"
            )
            .hits(ID),
            vec![at("manifest.json", "/developer/termsOfUseUrl")]
        );
        // Nor does a site on a shared suffix.
        assert_eq!(
            own(
                "https://harborlight.github.io",
                "https://harborlight.github.io/terms"
            )
            .hits(ID),
            vec![at("manifest.json", "/developer/termsOfUseUrl")]
        );
    }

    #[test]
    fn passes_on_own_domain_and_other_fields() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://github.com/harborlight")
            .hits(ID)
            .is_empty());
    }
}
