//! `bot-command-description-empty`: a bot command whose description is empty or blank (the
//! schema requires the property but accepts an empty string).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::bots::{command_lists, items};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (lp, list) in command_lists(&doc.value) {
        for (cp, cmd) in items(list, "commands", &lp) {
            let Some(desc) = cmd.get("description").and_then(Value::as_str) else {
                continue; // a missing description is a schema finding
            };
            if !desc.trim().is_empty() {
                continue;
            }
            let title = cmd.get("title").and_then(Value::as_str).unwrap_or("");
            let pointer = format!("{cp}/description");
            out.push(
                    Finding::at(
                        MANIFEST,
                        pointer.clone(),
                        format!(
                            "`{}` of the command \"{title}\" is empty",
                            display_path(&pointer)
                        ),
                    )
                    .help("Describe what the command does or give an example of its syntax, in one short sentence.")
                    .label("empty description"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-command-description-empty";

    #[test]
    fn flags_blank_descriptions() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0]["commandLists"][1]["commands"][0]["description"] = json!("  ");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/bots/0/commandLists/1/commands/0/description"
            )]
        );
    }

    #[test]
    fn accepts_described_commands() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
