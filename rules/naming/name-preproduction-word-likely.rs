//! `name-preproduction-word-likely`: the app name holds a word that likely marks a pre-production build (split from `name-preproduction-word`, which keeps the
//! error part; both share one pass in `helpers::naming::name_preproduction_word`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_preproduction_word::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
