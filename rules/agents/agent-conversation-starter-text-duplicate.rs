//! `agent-conversation-starter-text-duplicate`: two conversation starters of an agent with the
//! same text (split from `agent-conversation-starter-duplicate`, which keeps the titles).

use crate::model::Ctx;
use crate::rules::helpers::copilot::duplicate_starters;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(duplicate_starters(ctx, "text"));
}
