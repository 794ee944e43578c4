//! `copilot-description-copilot-unqualified`: the long description says Copilot but not Microsoft 365 Copilot (split from `copilot-description-missing-copilot`, which keeps the
//! error part; both share one pass in `helpers::copilot::copilot_description_missing_copilot`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::copilot::copilot_description_missing_copilot::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(findings(ctx).into_iter().filter(|f| {
        f.severity == Severity::Warning && f.label.as_deref() == Some("Copilot not named")
    }));
}
