//! `me-parameter-count-few`: a Copilot search command has fewer parameters than the agent guidelines ask (split from `me-parameter-count-low`, which keeps the
//! error part; both share one pass in `helpers::copilot::me_parameter_count_low`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::copilot::me_parameter_count_low::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
