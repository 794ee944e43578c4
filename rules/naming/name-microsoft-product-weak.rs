//! `name-microsoft-product-weak`: the app name may present a Microsoft product name as its own (split from `name-uses-microsoft-product`, which keeps the
//! error part; both share one pass in `helpers::naming::name_uses_microsoft_product`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_uses_microsoft_product::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
