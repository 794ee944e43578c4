//! Code rules: domains (`validDomains` and the hosts the manifest loads).

pub(crate) mod util;
pub(crate) mod valid_domain_shared_host;
