//! `me-action-command-duplicate`: two action commands of one message extension share an `id`
//! (exactly) or a `title` (case-insensitive, trimmed).

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{items, report_duplicates};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        let actions = items(me, "/commands")
            .into_iter()
            .filter(|(_, c)| c.get("type").and_then(Value::as_str) == Some("action"))
            .map(|(cp, c)| (format!("{mp}{cp}"), c));
        report_duplicates(
            out,
            actions,
            "id",
            "action command",
            "Remove the duplicate action command, or give each action command its own id and a distinct title.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-action-command-duplicate";

    fn action(id: &str, title: &str) -> serde_json::Value {
        json!({"id": id, "type": "action", "title": title, "context": ["message"], "fetchTask": true})
    }

    #[test]
    fn flags_duplicate_ids_and_titles_of_action_commands() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/me-bot-copilot").edit("manifest.json", |m| {
                let cmds = m["composeExtensions"][0]["commands"]
                    .as_array_mut()
                    .unwrap();
                cmds.push(action("createTicket", "Create ticket"));
                cmds.push(action("createTicket", "Open ticket"));
                cmds.push(action("fileTicket", " create TICKET "));
            });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/composeExtensions/0/commands/3/id"),
                at("manifest.json", "/composeExtensions/0/commands/4/title"),
            ]
        );
    }

    #[test]
    fn search_commands_and_distinct_actions_pass() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/me-bot-copilot").edit("manifest.json", |m| {
                let cmds = m["composeExtensions"][0]["commands"]
                    .as_array_mut()
                    .unwrap();
                cmds.push(action("createTicket", "Create ticket"));
                cmds.push(action("addComment", "Add comment"));
            });
        assert!(pkg.hits(ID).is_empty());
    }
}
