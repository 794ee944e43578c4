//! `url-host-not-in-valid-domains`: a tab content, website or configuration URL whose host is
//! not covered by `validDomains` (wildcards honoured) and is not a Teams host.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::helpers::domains::util::{
    domains_have_placeholder, host_covered, is_token_host, split_url, tab_urls, valid_domains,
    TEAMS_OWN_HOSTS,
};
use crate::rules::text::{bad_host_reason, host_in};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    if domains_have_placeholder(&doc.value) {
        return; // the list is not final: the placeholder rule reports it
    }
    let domains = valid_domains(&doc.value);
    for (pointer, url) in tab_urls(&doc.value) {
        if is_placeholder_like(url) {
            continue;
        }
        let Some(parts) = split_url(url) else {
            continue;
        };
        let host = parts.host;
        if is_token_host(&host)
                || bad_host_reason(&host).is_some() // tab-url-local-or-tunnel reports it
                || TEAMS_OWN_HOSTS.iter().any(|h| host_in(&host, h))
                || host_covered(&domains, &host)
        {
            continue;
        }
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!(
                        "`{}` loads from `{host}`, which `validDomains` does not list",
                        display_path(&pointer)
                    ),
                )
                .help(format!(
                    "Add \"{host}\" (or a wildcard over your own domain such as \"*.{}\") to `validDomains`.",
                    crate::rules::text::registrable_domain(&host).unwrap_or_else(|| host.clone())
                ))
                .label("host not in validDomains"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "url-host-not-in-valid-domains";
    const TAB: &str = "fixtures/packages/tab-personal";

    #[test]
    fn flags_tab_hosts_missing_from_valid_domains() {
        let pkg = Pkg::from_fixture(TAB).patch(
            "manifest.json",
            json!({"validDomains": ["app.quillstone.app"]}),
        );
        // websiteUrl of the help tab is on quillstone.app itself.
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/staticTabs/1/websiteUrl")]
        );
    }

    #[test]
    fn honours_wildcards_tokens_and_teams_hosts() {
        let pkg = Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["validDomains"] = json!(["*.quillstone.app", "quillstone.app"]);
            m["staticTabs"][0]["contentUrl"] =
                json!("https://cdn.app.quillstone.app/tab?locale={locale}");
            m["staticTabs"][1]["contentUrl"] = json!("https://{teamSiteDomain}/sites/x");
            m["staticTabs"][1]["websiteUrl"] = json!("https://products.office.com/x");
        });
        assert!(pkg.hits(ID).is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/localized-tab")
            .hits(ID)
            .is_empty());
    }
}
