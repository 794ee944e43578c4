//! `me-parameter-count-few`: a Copilot-capable message extension whose best search command
//! takes fewer parameters than the agent guidelines ask (3) but the Teams Store minimum (2)
//! or more (split from `me-parameter-count-low`; both share one pass in
//! `helpers::copilot::me_parameter_count_low`).

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
