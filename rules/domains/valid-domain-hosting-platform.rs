//! `valid-domain-hosting-platform`: a valid domain is a wildcard over a shared hosting platform (split from `valid-domain-shared-host`, which keeps the
//! error part; both share one pass in `helpers::domains::valid_domain_shared_host`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::domains::valid_domain_shared_host::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
