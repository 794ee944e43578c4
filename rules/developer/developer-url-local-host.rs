//! `developer-url-local-host`: a publisher link that points at localhost, an IP address or a
//! tunnelling service.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::dev_urls;
use crate::rules::text;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for u in dev_urls(ctx) {
        let Some(host) = u.host() else { continue };
        let Some(reason) = text::bad_host_reason(&host) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    u.pointer,
                    format!("`developer.{}` {reason} (`{host}`)", u.field),
                )
                .help(format!(
                    "Publish the {} page on your production domain and put that https:// address here; development hosts are not reachable by users or reviewers.",
                    u.what
                ))
                .label("development host"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::developer::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-url-local-host";

    #[test]
    fn fires_on_localhost_ip_and_tunnels() {
        for url in [
            "https://localhost:3978/privacy",
            "https://10.0.0.4/privacy",
            "https://abc123.ngrok-free.app/privacy",
        ] {
            assert_eq!(
                with_url("privacyUrl", url).hits(ID),
                vec![at("manifest.json", "/developer/privacyUrl")],
                "{url}"
            );
        }
    }

    #[test]
    fn passes_on_public_domains() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://localhostlabs.com")
            .hits(ID)
            .is_empty());
    }
}
