//! `me-query-command-missing`: a Copilot-capable message extension without a search (`query`)
//! command; only search commands are used by Microsoft 365 Copilot.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{copilot_mes, items};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in copilot_mes(&m.value) {
        let commands = items(me, "/commands");
        if commands.is_empty() {
            continue; // an extension of message handlers only: nothing for Copilot to call
        }
        let has_query = commands.iter().any(|(_, c)| {
            c.get("type").and_then(Value::as_str).unwrap_or("query") == "query"
                && c.get("fetchTask") != Some(&Value::Bool(true))
        });
        if !has_query {
            out.push(
                    Finding::at(MANIFEST, format!("{mp}/commands"), "the message extension is meant for Microsoft 365 Copilot but has no search command (`\"type\": \"query\"` without `fetchTask`)")
                        .help("Add a `query` command with parameters: Copilot only calls search commands; action commands and dialog-based search do not work in Copilot.")
                        .label("no query command"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-query-command-missing";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_action_only_extension() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            if let Some(cmds) = m["composeExtensions"][0]["commands"].as_array_mut() {
                for c in cmds {
                    c["type"] = json!("action");
                    c["fetchTask"] = json!(true);
                }
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/composeExtensions/0/commands")]
        );
    }

    #[test]
    fn accepts_search_commands() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
