//! `bot-command-duplicate`: two commands of one command list share a title (case-insensitive,
//! trimmed). The same command in lists for different scopes is fine.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::helpers::bots::{command_lists, items};
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (lp, list) in command_lists(&doc.value) {
        let mut seen: HashMap<String, String> = HashMap::new();
        for (cp, cmd) in items(list, "commands", &lp) {
            let Some(title) = cmd.get("title").and_then(Value::as_str) else {
                continue;
            };
            let key = title.trim().to_lowercase();
            if key.is_empty() || has_placeholder(title) {
                continue;
            }
            let pointer = format!("{cp}/title");
            match seen.get(&key) {
                    Some(first) => out.push(
                        Finding::at(
                            MANIFEST,
                            pointer.clone(),
                            format!(
                                "`{}` is \"{title}\", the same command as `{}` in this command list",
                                display_path(&pointer),
                                display_path(first)
                            ),
                        )
                        .help("Remove the duplicate command or give it a distinct title; each command of a list must be unique.")
                        .label("duplicate command"),
                    ),
                    None => {
                        seen.insert(key, pointer);
                    }
                }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-command-duplicate";

    #[test]
    fn flags_case_insensitive_duplicates_within_a_list() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0]["commandLists"][0]["commands"][2]["title"] = json!(" Post Update ");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/bots/0/commandLists/0/commands/2/title"
            )]
        );
    }

    #[test]
    fn accepts_same_command_in_lists_for_different_scopes() {
        // The base package has "help" in both its personal and its team list.
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
