//! `bot-command-symbol-prefix`: a bot command title starts with a punctuation or symbol character (split from `bot-command-special-prefix`, which keeps the
//! error part; both share one pass in `helpers::bots::bot_command_special_prefix`).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::bots::bot_command_special_prefix::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning),
    );
}
