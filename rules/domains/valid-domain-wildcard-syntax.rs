//! `valid-domain-wildcard-syntax`: a `*` in a `validDomains` entry must be a whole label, and
//! only leading labels may be wildcards (`*.*.contoso.com` is valid, `foo.*.contoso.com` and
//! `app*.contoso.com` are not).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{domain_entries, entry_domain};
use crate::rules::Out;

/// Why the wildcard use is invalid, if it is.
fn problem(domain: &str) -> Option<String> {
    let labels: Vec<&str> = domain.split('.').collect();
    if let Some(l) = labels.iter().find(|l| l.contains('*') && **l != "*") {
        return Some(format!("the label \"{l}\" mixes `*` with other characters"));
    }
    let last_star = labels.iter().rposition(|l| *l == "*")?;
    if labels[..last_star].iter().any(|l| *l != "*") {
        return Some("a wildcard label follows a literal label".to_string());
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (pointer, entry) in domain_entries(&doc.value) {
        let Some(why) = problem(&entry_domain(entry)) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!("`{}` is \"{entry}\": {why}", display_path(&pointer)),
                )
                .help("A `*` must be a whole label and only the leading labels may be wildcards: write `*.contoso.com` or `*.*.contoso.com`, or list each subdomain.")
                .label("invalid wildcard"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "valid-domain-wildcard-syntax";

    #[test]
    fn flags_inner_and_partial_wildcards() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["app.*.harborlightlabs.net", "app*.harborlightlabs.net", "harborlightlabs.net"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/validDomains/0"),
                at("manifest.json", "/validDomains/1"),
            ]
        );
    }

    #[test]
    fn accepts_leading_wildcards() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["*.harborlightlabs.net", "*.*.harborlightlabs.net", "harborlightlabs.net", "app.harborlightlabs.net"]}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
