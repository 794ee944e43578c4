//! `bot-without-commands-not-notification-only`: a bot lists no command and is not marked
//! `isNotificationOnly`.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::bots::items;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (bp, bot) in items(&doc.value, "bots", "") {
        if bot.get("isNotificationOnly").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let has_command = items(bot, "commandLists", &bp).iter().any(|(_, l)| {
            l.get("commands")
                .and_then(Value::as_array)
                .is_some_and(|c| !c.is_empty())
        });
        if has_command {
            continue;
        }
        let pointer = if bot.get("isNotificationOnly").is_some() {
            format!("{bp}/isNotificationOnly")
        } else {
            bp.clone()
        };
        let f = Finding::at(
                    MANIFEST,
                    pointer.clone(),
                    format!(
                        "the bot `{}` lists no command and is not marked `isNotificationOnly`",
                        display_path(&bp)
                    ),
                )
                .help("If the bot only sends notifications, set `\"isNotificationOnly\": true`; otherwise add a `commandLists` entry with at least one command and its description for each scope.")
                .label("no commands");
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-without-commands-not-notification-only";

    #[test]
    fn flags_bots_without_commands() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0].as_object_mut().unwrap().remove("commandLists");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/bots/0/isNotificationOnly")]
        );
    }

    #[test]
    fn accepts_notification_only_bots_and_bots_with_commands() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0].as_object_mut().unwrap().remove("commandLists");
            m["bots"][0]["isNotificationOnly"] = json!(true);
        });
        assert!(pkg.hits(ID).is_empty());
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
