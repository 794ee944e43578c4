//! Code rules: bots (`bots[]` and the bot ids of message extensions).

mod bot_command_description_empty;
mod bot_command_duplicate;
mod bot_command_scope_not_in_bot;
mod bot_command_special_prefix;
mod bot_id_not_guid;
mod bot_without_commands_not_notification_only;

use crate::rules::CodeRule;
use serde_json::Value;

pub static RULES: &[&dyn CodeRule] = &[
    &bot_command_description_empty::BotCommandDescriptionEmpty,
    &bot_command_duplicate::BotCommandDuplicate,
    &bot_command_scope_not_in_bot::BotCommandScopeNotInBot,
    &bot_command_special_prefix::BotCommandSpecialPrefix,
    &bot_id_not_guid::BotIdNotGuid,
    &bot_without_commands_not_notification_only::BotWithoutCommandsNotNotificationOnly,
];

/// Items of an array member of `v` with their pointers under `base`.
pub(crate) fn items<'v>(v: &'v Value, key: &str, base: &str) -> Vec<(String, &'v Value)> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, item)| (format!("{base}/{key}/{i}"), item))
        .collect()
}

/// Every command list of every bot: (pointer of the list, list).
pub(crate) fn command_lists(manifest: &Value) -> Vec<(String, &Value)> {
    items(manifest, "bots", "")
        .into_iter()
        .flat_map(|(p, bot)| items(bot, "commandLists", &p))
        .collect()
}
