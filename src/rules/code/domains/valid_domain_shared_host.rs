//! `valid-domain-shared-host`: a `validDomains` wildcard over a shared Microsoft or hosting
//! domain (`*.azurewebsites.net`, `*.microsoft.com`, `*.botframework.com`…), or one of the
//! Microsoft hosts the guidelines forbid by name (`teams.microsoft.com`, `go.microsoft.com`).

use super::util::{domain_entries, entry_domain, strip_wildcards};
use crate::engine::{Ctx, MANIFEST};
use crate::finding::{display_path, Finding, Severity};
use crate::rules::text::{host_in, shared_suffixes, HOSTING_SHARED_SUFFIXES};
use crate::rules::{registry, CodeRule};

pub struct ValidDomainSharedHost;

/// Microsoft hosts the guidelines forbid even without a wildcard.
const FORBIDDEN_HOSTS: &[&str] = &["teams.microsoft.com", "go.microsoft.com"];

impl CodeRule for ValidDomainSharedHost {
    fn id(&self) -> &'static str {
        "valid-domain-shared-host"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(doc) = ctx.manifest() else { return };
        let meta = registry().meta(self.id());
        for (pointer, entry) in domain_entries(&doc.value) {
            let domain = entry_domain(entry);
            let (rest, stars) = strip_wildcards(&domain);
            let path = display_path(&pointer);
            let (message, help, severity) = if stars == 0 {
                if !FORBIDDEN_HOSTS.contains(&rest) {
                    continue;
                }
                (
                    format!("`{path}` is \"{entry}\", a Microsoft host the store does not accept in `validDomains`"),
                    "Remove it: Teams already trusts its own hosts, and `validDomains` lists only domains your organization controls.".to_string(),
                    Severity::Error,
                )
            } else {
                // The wildcard covers a shared suffix when the rest is that suffix or a parent of it.
                let Some(shared) = shared_suffixes()
                    .filter(|s| rest.contains('.') && host_in(s, rest))
                    .min_by_key(|s| s.len())
                else {
                    continue;
                };
                let severity = if HOSTING_SHARED_SUFFIXES.contains(&shared) {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let help = match shared {
                    "sharepoint.com" => "List `{teamSiteDomain}` instead: Teams replaces it with the tenant's own SharePoint host.".to_string(),
                    "botframework.com" => "List `token.botframework.com` (needed for OAuth cards and bot SSO) instead of the wildcard.".to_string(),
                    _ => format!("List the exact host your app uses (for example `yourapp.{shared}`) instead of a wildcard over `{shared}`, which other tenants share."),
                };
                (
                    format!("`{path}` is \"{entry}\", a wildcard over `{shared}`, which is shared by many publishers"),
                    help,
                    severity,
                )
            };
            let mut f = meta
                .finding(MANIFEST, pointer.clone(), message)
                .help(help)
                .label("shared domain");
            f.severity = severity;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "valid-domain-shared-host";

    #[test]
    fn flags_wildcards_over_shared_hosts() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["*.azurewebsites.net", "*.botframework.com", "teams.microsoft.com", "*.sharepoint.com", "harborlightlabs.net"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/validDomains/0"),
                at("manifest.json", "/validDomains/1"),
                at("manifest.json", "/validDomains/2"),
                at("manifest.json", "/validDomains/3"),
            ]
        );
        let sev: Vec<Severity> = pkg.findings(ID).iter().map(|f| f.severity).collect();
        assert_eq!(
            sev,
            vec![
                Severity::Error,
                Severity::Error,
                Severity::Error,
                Severity::Warning
            ]
        );
    }

    #[test]
    fn accepts_own_subdomains_of_shared_hosts() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlight.azurewebsites.net", "token.botframework.com", "*.harborlightlabs.net"]}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
