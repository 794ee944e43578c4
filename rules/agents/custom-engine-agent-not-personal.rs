//! `custom-engine-agent-not-personal`: the bot a custom engine agent names does not have the
//! `personal` scope.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (_, agent) in items(&m.value, "/copilotAgents/customEngineAgents") {
        let Some(id) = agent.get("id").and_then(Value::as_str) else {
            continue;
        };
        for (bp, bot) in items(&m.value, "/bots") {
            let same = bot
                .get("botId")
                .and_then(Value::as_str)
                .is_some_and(|b| b.eq_ignore_ascii_case(id));
            if !same {
                continue;
            }
            let personal = bot
                .get("scopes")
                .and_then(Value::as_array)
                .is_some_and(|s| s.iter().any(|v| v.as_str() == Some("personal")));
            if !personal {
                out.push(
                    Finding::at(MANIFEST, format!("{bp}/scopes"), format!("the bot `{id}` serves a custom engine agent but does not have the `personal` scope"))
                        .help("Add `personal` to the bot's `scopes`: Copilot opens custom engine agents as a personal chat.")
                        .label("no personal scope"),
                );
            }
        }
    }
}
