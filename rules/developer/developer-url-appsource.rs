//! `developer-url-appsource`: a publisher link that points at the AppSource / commercial
//! marketplace listing instead of the publisher's own page.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::{dev_urls, MARKETPLACE_HOSTS};
use crate::rules::text;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for u in dev_urls(ctx) {
        let Some(host) = u.host() else { continue };
        if !MARKETPLACE_HOSTS.iter().any(|m| text::host_in(&host, m)) {
            continue;
        }
        out.push(
                Finding::at(
                    MANIFEST,
                    u.pointer,
                    format!(
                        "`developer.{}` links to the marketplace (`{host}`) instead of your own {} page",
                        u.field, u.what
                    ),
                )
                .help(format!(
                    "Point it at the {} page hosted on your own domain; store listings must not link to AppSource.",
                    u.what
                ))
                .label("marketplace link"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::developer::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-url-appsource";

    #[test]
    fn fires_on_appsource() {
        assert_eq!(
            with_url(
                "privacyUrl",
                "https://appsource.microsoft.com/en-us/product/office/WA200000001"
            )
            .hits(ID),
            vec![at("manifest.json", "/developer/privacyUrl")]
        );
    }

    #[test]
    fn passes_on_own_domain() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(
            with_url("privacyUrl", "https://harborlightlabs.net/appsource")
                .hits(ID)
                .is_empty()
        );
    }
}
