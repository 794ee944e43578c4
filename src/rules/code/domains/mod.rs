//! Code rules: domains (`validDomains` and the hosts the manifest loads).

mod url_host_not_in_valid_domains;
pub mod util;
mod valid_domain_not_a_domain;
mod valid_domain_public_suffix;
mod valid_domain_shared_host;
mod valid_domain_tunnel;
mod valid_domain_wildcard_syntax;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &valid_domain_not_a_domain::ValidDomainNotADomain,
    &valid_domain_public_suffix::ValidDomainPublicSuffix,
    &valid_domain_shared_host::ValidDomainSharedHost,
    &valid_domain_tunnel::ValidDomainTunnel,
    &valid_domain_wildcard_syntax::ValidDomainWildcardSyntax,
    &url_host_not_in_valid_domains::UrlHostNotInValidDomains,
];
