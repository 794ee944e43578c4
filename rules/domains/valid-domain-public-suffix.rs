//! `valid-domain-public-suffix`: a `validDomains` entry is a top-level domain or public suffix,
//! bare or under a wildcard (`*.com`, `com`, `*.co.uk`).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{
    domain_entries, entry_domain, is_known_public_suffix, is_token_host, strip_wildcards,
};
use crate::rules::text::{host_in, is_local_or_ip, shared_suffixes, tunnel_suffix};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (pointer, entry) in domain_entries(&doc.value) {
        let domain = entry_domain(entry);
        if is_token_host(&domain)
            || domain.contains('*') && domain.split('.').any(|l| l.contains('*') && l != "*")
        {
            continue; // tokens are allowed; malformed wildcards have their own rule
        }
        let (rest, _) = strip_wildcards(&domain);
        // Shared hosts (many are on the public suffix list) and tunnels have their own rules.
        if !rest.is_empty() && (tunnel_suffix(rest).is_some() || is_local_or_ip(rest)) {
            continue;
        }
        if rest.contains('.') && shared_suffixes().any(|s| host_in(s, rest)) {
            continue;
        }
        if !is_known_public_suffix(rest) {
            continue;
        }
        let what = if rest.is_empty() {
            "matches every domain".to_string()
        } else {
            format!("covers every domain under the public suffix `.{rest}`")
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!("`{}` is \"{entry}\", which {what}", display_path(&pointer)),
                )
                .help("List only domains your organization controls, such as `contoso.com` or `*.contoso.com`; a top-level domain or public suffix is never accepted.")
                .label("top-level domain"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "valid-domain-public-suffix";

    #[test]
    fn flags_top_level_and_public_suffix_wildcards() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["*.com", "harborlightlabs.net", "*.co.uk", "org", "*"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/validDomains/0"),
                at("manifest.json", "/validDomains/2"),
                at("manifest.json", "/validDomains/3"),
                at("manifest.json", "/validDomains/4"),
            ]
        );
    }

    #[test]
    fn accepts_registrable_domains_and_leaves_shared_hosts_to_their_rule() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["*.harborlightlabs.co.uk", "harborlightlabs.net", "*.azurewebsites.net", "{teamSiteDomain}", "AppDomain1", "[WebAppDomain]"]}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
