//! `me-link-unfurling-domain-not-owned`: a link unfurling domain
//! (`composeExtensions[].messageHandlers[].value.domains`) that no single publisher owns: a
//! top-level domain or public suffix (`*.com`), `*`, a Bot Framework or other Microsoft host, a
//! wildcard over a host shared by many tenants (`*.azurewebsites.net`, `*.herokuapp.com`), a
//! tunnelling service, localhost or an IP address.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::items;
use crate::rules::helpers::domains::util::{
    entry_domain, is_known_public_suffix, is_placeholder_like, is_token_host, strip_wildcards,
};
use crate::rules::text::{bad_host_reason, host_in, shared_suffixes};
use crate::rules::Out;
use serde_json::Value;

/// Microsoft domains no publisher but Microsoft owns, in any form.
const MICROSOFT_OWNED: &[&str] = &[
    "botframework.com",
    "microsoft.com",
    "microsoftonline.com",
    "office.com",
    "office365.com",
    "onmicrosoft.com",
    "cloud.microsoft",
];

/// Why the publisher cannot own `entry`, if it cannot.
pub fn not_owned(entry: &str) -> Option<String> {
    let domain = entry_domain(entry);
    if domain.is_empty() || is_token_host(&domain) {
        return None;
    }
    let (rest, stars) = strip_wildcards(&domain);
    if rest.is_empty() {
        return Some("matches every domain".into());
    }
    if let Some(why) = bad_host_reason(rest) {
        return Some(why);
    }
    if let Some(ms) = MICROSOFT_OWNED.iter().find(|s| host_in(rest, s)) {
        // A tenant's own name under onmicrosoft.com is the publisher's (yourapp.onmicrosoft.com).
        if !(*ms == "onmicrosoft.com" && stars == 0 && rest != "onmicrosoft.com") {
            return Some(format!("is a Microsoft domain (`{ms}`)"));
        }
    }
    if stars > 0 {
        if let Some(shared) = shared_suffixes()
            .filter(|s| rest.contains('.') && host_in(s, rest))
            .min_by_key(|s| s.len())
        {
            return Some(format!(
                "is a wildcard over `{shared}`, which many publishers share"
            ));
        }
    }
    if is_known_public_suffix(rest) {
        return Some(format!(
            "covers every domain under the public suffix `.{rest}`"
        ));
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        for (hp, h) in items(me, "/messageHandlers") {
            let Some(domains) = h.pointer("/value/domains").and_then(Value::as_array) else {
                continue;
            };
            for (i, d) in domains.iter().enumerate() {
                let Some(entry) = d.as_str() else { continue };
                if is_placeholder_like(entry) {
                    continue; // the placeholder rule reports it
                }
                let Some(why) = not_owned(entry) else {
                    continue;
                };
                let pointer = format!("{mp}{hp}/value/domains/{i}");
                out.push(
                    Finding::at(
                        MANIFEST,
                        pointer.clone(),
                        format!(
                            "link unfurling domain `{}` is \"{entry}\", which {why}: the app would unfurl links it does not own",
                            display_path(&pointer)
                        ),
                    )
                    .help("List only domains your organization owns, such as `contoso.com` or `*.contoso.com` (or your exact host on a shared platform, such as `contoso.azurewebsites.net`).")
                    .label("domain not owned"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::not_owned;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-link-unfurling-domain-not-owned";

    #[test]
    fn classifies_domains() {
        for d in [
            "*.botframework.com",
            "token.botframework.com",
            "*.com",
            "*",
            "*.co.uk",
            "*.azurewebsites.net",
            "*.herokuapp.com",
            "abc.ngrok-free.app",
            "localhost",
            "teams.microsoft.com",
            "*.onmicrosoft.com",
        ] {
            assert!(not_owned(d).is_some(), "{d}");
        }
        for d in [
            "contoso.com",
            "*.contoso.com",
            "www.contoso.co.uk",
            "contoso.azurewebsites.net",
            "contoso.onmicrosoft.com",
            "{teamSiteDomain}",
        ] {
            assert!(not_owned(d).is_none(), "{d}");
        }
    }

    #[test]
    fn reports_each_domain_of_each_handler() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/me-bot-copilot").edit("manifest.json", |m| {
                m["composeExtensions"][0]["messageHandlers"] = json!([
                    {"type": "link", "value": {"domains": ["parcelwise.io", "*.botframework.com"]}},
                    {"type": "link", "value": {"domains": ["*.com"]}}
                ]);
            });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/composeExtensions/0/messageHandlers/0/value/domains/1"
                ),
                at(
                    "manifest.json",
                    "/composeExtensions/0/messageHandlers/1/value/domains/0"
                ),
            ]
        );
    }
}
