//! `valid-domain-not-a-domain`: a `validDomains` entry holds a scheme, path, query, port or
//! whitespace instead of a bare host name.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{domain_entries, entry_domain};
use crate::rules::Out;

/// What is wrong with the entry, if anything.
fn problem(entry: &str) -> Option<&'static str> {
    if entry.contains("://") {
        Some("a scheme")
    } else if entry.chars().any(char::is_whitespace) {
        Some("whitespace")
    } else if entry.contains(['/', '\\']) {
        Some("a path")
    } else if entry.contains(['?', '#']) {
        Some("a query or fragment")
    } else if entry.contains('@') {
        Some("user information")
    } else if entry.contains(':') {
        Some("a port")
    } else {
        None
    }
}

/// `https://host[:port]` with nothing after it (an optional trailing `/`).
fn is_origin(entry: &str) -> bool {
    let Some(rest) = entry.trim().strip_prefix("https://") else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    !rest.is_empty() && !rest.contains(['/', '?', '#', '@', ' ', '\\'])
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    // Office add-ins (unified manifest with `extensions`) declare app domains as origins.
    let add_in = doc.value.get("extensions").is_some();
    for (pointer, entry) in domain_entries(&doc.value) {
        if add_in && is_origin(entry) {
            continue;
        }
        let Some(what) = problem(entry) else { continue };
        let domain = entry_domain(entry);
        out.push(
            Finding::at(
                MANIFEST,
                pointer.clone(),
                format!(
                    "`{}` is \"{entry}\", which holds {what}; a valid domain is a host name only",
                    display_path(&pointer)
                ),
            )
            .help(format!(
                "Write the host name alone, without scheme, path or port: \"{domain}\"."
            ))
            .label("not a bare host name"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "valid-domain-not-a-domain";

    #[test]
    fn flags_scheme_path_and_port() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["https://harborlightlabs.net", "app.harborlightlabs.net/tab", "app.harborlightlabs.net:8443"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/validDomains/0"),
                at("manifest.json", "/validDomains/1"),
                at("manifest.json", "/validDomains/2"),
            ]
        );
    }

    #[test]
    fn accepts_origins_in_office_add_ins() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"extensions": [{"requirements": {}}], "validDomains": ["https://harborlightlabs.net", "app.harborlightlabs.net"]}),
        );
        assert!(pkg.hits(ID).is_empty());
    }

    #[test]
    fn accepts_hosts_wildcards_and_team_site_token() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlightlabs.net", "*.harborlightlabs.net", "{teamSiteDomain}", "${{TAB_DOMAIN}}"]}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
