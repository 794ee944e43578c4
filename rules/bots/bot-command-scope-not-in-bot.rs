//! `bot-command-scope-not-in-bot`: a command list declares a scope the bot itself does not
//! have.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::bots::items;
use crate::rules::Out;
use serde_json::Value;

fn scopes(v: &Value) -> Option<Vec<&str>> {
    Some(
        v.get("scopes")?
            .as_array()?
            .iter()
            .filter_map(Value::as_str)
            .collect(),
    )
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (bp, bot) in items(&doc.value, "bots", "") {
        let Some(bot_scopes) = scopes(bot) else {
            continue;
        };
        for (lp, list) in items(bot, "commandLists", &bp) {
            for (i, scope) in list
                .get("scopes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let Some(scope) = scope.as_str() else {
                    continue;
                };
                if bot_scopes.iter().any(|s| s.eq_ignore_ascii_case(scope)) {
                    continue;
                }
                let pointer = format!("{lp}/scopes/{i}");
                out.push(
                        Finding::at(
                            MANIFEST,
                            pointer.clone(),
                            format!(
                                "`{}` is \"{scope}\", but the bot's scopes are {}",
                                display_path(&pointer),
                                bot_scopes
                                    .iter()
                                    .map(|s| format!("\"{s}\""))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                        .help(format!(
                            "Add \"{scope}\" to `{}` if the bot works there, or remove it from the command list.",
                            display_path(&format!("{bp}/scopes"))
                        ))
                        .label("scope the bot lacks"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-command-scope-not-in-bot";

    #[test]
    fn flags_list_scopes_outside_the_bot_scopes() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0]["commandLists"][1]["scopes"] = json!(["team", "groupChat"]);
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/bots/0/commandLists/1/scopes/1")]
        );
    }

    #[test]
    fn accepts_subsets() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
