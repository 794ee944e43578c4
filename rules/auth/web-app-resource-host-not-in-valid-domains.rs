//! `web-app-resource-host-not-in-valid-domains`: the host of the `api://` resource of
//! `webApplicationInfo` is not covered by `validDomains`.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::helpers::domains::util::{
    domains_have_placeholder, host_covered, is_token_host, split_url, valid_domains,
};
use crate::rules::Out;

const POINTER: &str = "/webApplicationInfo/resource";

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(resource) = doc.str_at(POINTER) else {
        return;
    };
    if is_placeholder_like(resource) || domains_have_placeholder(&doc.value) {
        return;
    }
    let Some(parts) = split_url(resource) else {
        return;
    };
    // `api://botid-<guid>` and `api://<guid>` name no host: bot SSO needs no domain.
    if parts.scheme != "api" || !parts.host.contains('.') || is_token_host(&parts.host) {
        return;
    }
    let domains = valid_domains(&doc.value);
    if host_covered(&domains, &parts.host) {
        return;
    }
    out.push(
            Finding::at(
                    MANIFEST,
                    POINTER,
                    format!(
                        "the single sign-on resource is on `{}`, which `validDomains` does not list",
                        parts.host
                    ),
                )
                .help(format!(
                    "Add \"{}\" to `validDomains`: Teams only requests SSO tokens for an Application ID URI on a domain the app declares.",
                    parts.host
                ))
                .label("host not in validDomains"),
        );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "web-app-resource-host-not-in-valid-domains";

    #[test]
    fn flags_resource_hosts_missing_from_valid_domains() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlightlabs.net"]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/webApplicationInfo/resource")]
        );
    }

    #[test]
    fn accepts_covered_hosts_and_bot_resources() {
        assert!(Pkg::base().hits(ID).is_empty());
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["*.harborlightlabs.net"]}),
        );
        assert!(pkg.hits(ID).is_empty());
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlightlabs.net"], "webApplicationInfo": {"resource": "api://botid-c487a380-ab23-4aa3-9b98-8018b589095c"}}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
