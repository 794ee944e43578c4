//! `custom-engine-agent-bot-mismatch`: `copilotAgents.customEngineAgents[].id` must be the id
//! of a bot declared in `bots`.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    let bots: Vec<&str> = items(&m.value, "/bots")
        .iter()
        .filter_map(|(_, b)| b.get("botId").and_then(Value::as_str))
        .collect();
    if bots.iter().any(|b| has_placeholder(b)) {
        return;
    }
    for (p, agent) in items(&m.value, "/copilotAgents/customEngineAgents") {
        let Some(id) = agent.get("id").and_then(Value::as_str) else {
            continue;
        };
        if has_placeholder(id) || bots.iter().any(|b| b.eq_ignore_ascii_case(id)) {
            continue;
        }
        let message = if bots.is_empty() {
            format!(
                "the custom engine agent `{id}` names a bot, but the manifest declares no `bots`"
            )
        } else {
            format!(
                "the custom engine agent id `{id}` is not the id of the app's bot (`{}`)",
                bots.join("`, `")
            )
        };
        out.push(
                Finding::at(MANIFEST, format!("{p}/id"), message)
                    .help("Set `copilotAgents.customEngineAgents[].id` to the `botId` of the bot in `bots` that serves the agent (and declare that bot).")
                    .label("no such bot"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "custom-engine-agent-bot-mismatch";
    const CEA: &str = "fixtures/packages/custom-engine-agent";

    #[test]
    fn flags_other_id() {
        let pkg = Pkg::from_fixture(CEA).edit("manifest.json", |m| {
            m["copilotAgents"]["customEngineAgents"][0]["id"] =
                serde_json::json!("0b6f8a2e-3c1d-4e5f-9a7b-8c9d0e1f2a3b");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/copilotAgents/customEngineAgents/0/id"
            )]
        );
    }

    #[test]
    fn accepts_the_bot_id() {
        assert!(Pkg::from_fixture(CEA).hits(ID).is_empty());
    }
}
