//! The shared logic of `bot-command-special-prefix` and the rules split from it (`bot-command-symbol-prefix`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{display_path, Finding, Severity};
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::helpers::bots::{command_lists, items};
use serde_json::Value;

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(doc) = ctx.manifest() else { return };
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
            let mut f = Finding::at(
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

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
