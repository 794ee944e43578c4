//! `valid-domain-shared-host`: a `validDomains` wildcard over a shared Microsoft or hosting
//! domain (`*.azurewebsites.net`, `*.microsoft.com`, `*.botframework.com`…), or one of the
//! Microsoft hosts the guidelines forbid by name (`teams.microsoft.com`, `go.microsoft.com`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::domains::valid_domain_shared_host::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Error),
    );
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
            ]
        );
        assert!(pkg
            .findings(ID)
            .iter()
            .all(|f| f.severity == Severity::Error));
        let hosting = pkg.findings("valid-domain-hosting-platform");
        assert_eq!(hosting.len(), 1);
        assert_eq!(hosting[0].pointer, "/validDomains/3");
        assert_eq!(hosting[0].severity, Severity::Warning);
    }

    #[test]
    fn accepts_own_subdomains_of_shared_hosts() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlight.azurewebsites.net", "token.botframework.com", "*.harborlightlabs.net"]}),
        );
        assert!(pkg.hits(ID).is_empty());
        assert!(pkg.hits("valid-domain-hosting-platform").is_empty());
    }
}
