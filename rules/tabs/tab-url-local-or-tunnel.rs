//! `tab-url-local-or-tunnel`: a tab content, website or configuration URL on localhost, an IP
//! address or a tunnelling service.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::helpers::domains::util::{split_url, tab_urls};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (pointer, url) in tab_urls(&doc.value) {
        if is_placeholder_like(url) {
            continue;
        }
        let Some(parts) = split_url(url) else {
            continue;
        };
        let Some(why) = bad_host_reason(&parts.host) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!("`{}` {why} (`{}`)", display_path(&pointer), parts.host),
                )
                .help("Point the tab at the production HTTPS host your organization controls and list that host in `validDomains`.")
                .label("development host"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "tab-url-local-or-tunnel";
    const TAB: &str = "fixtures/packages/tab-personal";

    #[test]
    fn flags_localhost_ips_and_tunnels() {
        let pkg = Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["staticTabs"][0]["contentUrl"] = json!("https://localhost:53000/index.html#/tab");
            m["staticTabs"][1]["websiteUrl"] = json!("https://a1b2.ngrok-free.app/help");
            m["configurableTabs"][0]["configurationUrl"] = json!("http://127.0.0.1:3978/config");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/staticTabs/0/contentUrl"),
                at("manifest.json", "/staticTabs/1/websiteUrl"),
                at("manifest.json", "/configurableTabs/0/configurationUrl"),
            ]
        );
    }

    #[test]
    fn accepts_production_hosts() {
        assert!(Pkg::from_fixture(TAB).hits(ID).is_empty());
    }
}
