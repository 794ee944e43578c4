//! `bot-command-special-prefix`: a bot command title starts with `/` (error) or another
//! punctuation or symbol character (warning).

use super::{command_lists, items};
use crate::engine::{Ctx, MANIFEST};
use crate::finding::{display_path, Finding, Severity};
use crate::references::has_placeholder;
use crate::rules::{registry, CodeRule};
use serde_json::Value;

pub struct BotCommandSpecialPrefix;

impl CodeRule for BotCommandSpecialPrefix {
    fn id(&self) -> &'static str {
        "bot-command-special-prefix"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(doc) = ctx.manifest() else { return };
        let meta = registry().meta(self.id());
        for (lp, list) in command_lists(&doc.value) {
            for (cp, cmd) in items(list, "commands", &lp) {
                let Some(title) = cmd.get("title").and_then(Value::as_str) else {
                    continue;
                };
                if has_placeholder(title) {
                    continue;
                }
                let Some(first) = title.trim_start().chars().next() else {
                    continue;
                };
                if first.is_alphanumeric() {
                    continue;
                }
                let pointer = format!("{cp}/title");
                let bare = title
                    .trim_start()
                    .trim_start_matches(|c: char| !c.is_alphanumeric());
                let mut f = meta
                    .finding(
                        MANIFEST,
                        pointer.clone(),
                        format!(
                            "`{}` is \"{title}\", which starts with `{first}`; bot commands must not be prefixed with special characters",
                            display_path(&pointer)
                        ),
                    )
                    .help(format!(
                        "Write the command as users type it in Teams, without a prefix: \"{bare}\"."
                    ))
                    .label("special prefix");
                if first != '/' {
                    f.severity = Severity::Warning;
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-command-special-prefix";

    #[test]
    fn flags_slash_as_error_and_other_punctuation_as_warning() {
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0]["commandLists"][0]["commands"][0]["title"] = json!("/post update");
            m["bots"][0]["commandLists"][1]["commands"][1]["title"] = json!("!schedule");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/bots/0/commandLists/0/commands/0/title"),
                at("manifest.json", "/bots/0/commandLists/1/commands/1/title"),
            ]
        );
        let sev: Vec<Severity> = pkg.findings(ID).iter().map(|f| f.severity).collect();
        assert_eq!(sev, vec![Severity::Error, Severity::Warning]);
    }

    #[test]
    fn accepts_plain_titles() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
