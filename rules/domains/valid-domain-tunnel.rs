//! `valid-domain-tunnel`: a `validDomains` entry names a tunnelling service, localhost or an IP
//! address.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{domain_entries, entry_domain, strip_wildcards};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (pointer, entry) in domain_entries(&doc.value) {
        let domain = entry_domain(entry);
        let (rest, _) = strip_wildcards(&domain);
        if rest.is_empty() {
            continue;
        }
        let Some(why) = bad_host_reason(rest) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!("`{}` is \"{entry}\", which {why}", display_path(&pointer)),
                )
                .help("Remove development hosts from `validDomains` and list the production domain your organization controls (for example `app.contoso.com`).")
                .label("development host"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "valid-domain-tunnel";

    #[test]
    fn flags_tunnels_localhost_and_ips() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlightlabs.net", "abc123.ngrok-free.app", "*.devtunnels.ms", "localhost:3978", "10.0.0.4"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/validDomains/1"),
                at("manifest.json", "/validDomains/2"),
                at("manifest.json", "/validDomains/3"),
                at("manifest.json", "/validDomains/4"),
            ]
        );
    }

    #[test]
    fn accepts_production_domains() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
