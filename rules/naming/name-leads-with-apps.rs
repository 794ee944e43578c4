//! `name-leads-with-apps`: the app name starts with "Apps" (split from `name-leads-with-teams-feature`, which keeps the
//! error part; both share one pass in `helpers::naming::name_leads_with_teams_feature`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_leads_with_teams_feature::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
