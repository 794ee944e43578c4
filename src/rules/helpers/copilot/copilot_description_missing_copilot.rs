//! The shared logic of `copilot-description-missing-copilot` and the rules split from it (`copilot-description-copilot-unqualified`, `copilot-description-example-prompt-missing`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{app_is_copilot, real_text};

/// Whether the text quotes something a user could ask (quotes of a few words or more).
fn has_example_prompt(s: &str) -> bool {
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')] {
        let mut rest = s;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else { break };
            if after[..j].split_whitespace().count() >= 3 {
                return true;
            }
            rest = &after[j + close.len_utf8()..];
        }
    }
    let lower = s.to_lowercase();
    [
        "for example, ask",
        "try asking",
        "ask copilot",
        "prompt:",
        "try:",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !app_is_copilot(ctx) {
        return;
    }
    let Some(m) = ctx.manifest() else { return };
    let Some(full) = m.str_at("/description/full").filter(|s| real_text(s)) else {
        return;
    };
    let lower = full.to_lowercase();
    if !lower.contains("microsoft 365 copilot") && !lower.contains("m365 copilot") {
        let mut f = Finding::at(MANIFEST, "/description/full", if lower.contains("copilot") {
                    "`description.full` mentions Copilot but not Microsoft 365 Copilot by name".to_string()
                } else {
                    "`description.full` does not say that the app works in Microsoft 365 Copilot".to_string()
                })
                .help("Say in the long description how the app works in Microsoft 365 Copilot, for example: \"Use Contoso in Microsoft 365 Copilot to search and summarize your tasks.\"")
                .label("Copilot not named");
        if lower.contains("copilot") {
            f.severity = Severity::Warning;
        }
        out.push(f);
    }
    if !has_example_prompt(full) {
        let mut f = Finding::at(MANIFEST, "/description/full", "`description.full` gives no example prompt for Copilot")
                .help("Add an example of what users can ask, in quotes: For example, ask Copilot: \"Find open tickets assigned to me.\"")
                .label("no example prompt");
        f.severity = Severity::Warning;
        out.push(f);
    }
}

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
