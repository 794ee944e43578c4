//! Code rules: bots (`bots[]` and the bot ids of message extensions).

pub(crate) mod bot_command_special_prefix;
use serde_json::Value;

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
