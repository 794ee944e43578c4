//! The shared logic of `valid-domain-shared-host` and the rules split from it (`valid-domain-hosting-platform`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{display_path, Finding, Severity};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{domain_entries, entry_domain, strip_wildcards};
use crate::rules::text::{host_in, shared_suffixes, HOSTING_SHARED_SUFFIXES};

/// Microsoft hosts the guidelines forbid even without a wildcard.
const FORBIDDEN_HOSTS: &[&str] = &["teams.microsoft.com", "go.microsoft.com"];

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(doc) = ctx.manifest() else { return };
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
        let mut f = Finding::at(MANIFEST, pointer.clone(), message)
            .help(help)
            .label("shared domain");
        f.severity = severity;
        out.push(f);
    }
}

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
