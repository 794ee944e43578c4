//! `developer-url-local-host`: a publisher link that points at localhost, an IP address or a
//! tunnelling service.

use super::util::dev_urls;
use crate::engine::{Ctx, MANIFEST};
use crate::finding::Finding;
use crate::rules::{registry, text, CodeRule};

pub struct UrlLocalHost;

impl CodeRule for UrlLocalHost {
    fn id(&self) -> &'static str {
        "developer-url-local-host"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for u in dev_urls(ctx) {
            let Some(host) = u.host() else { continue };
            let Some(reason) = text::bad_host_reason(&host) else {
                continue;
            };
            out.push(
                meta.finding(
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
}

#[cfg(test)]
mod tests {
    use super::super::util::test_support::with_url;
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
