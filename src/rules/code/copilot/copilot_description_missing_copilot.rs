//! `copilot-description-missing-copilot`: the long description of an app that extends
//! Microsoft 365 Copilot must say so and give an example prompt.

use super::util::{app_is_copilot, real_text};
use crate::engine::{Ctx, MANIFEST};
use crate::finding::{Finding, Severity};
use crate::rules::{registry, CodeRule};

pub struct CopilotDescriptionMissingCopilot;

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

impl CodeRule for CopilotDescriptionMissingCopilot {
    fn id(&self) -> &'static str {
        "copilot-description-missing-copilot"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        if !app_is_copilot(ctx) {
            return;
        }
        let Some(m) = ctx.manifest() else { return };
        let Some(full) = m.str_at("/description/full").filter(|s| real_text(s)) else {
            return;
        };
        let meta = registry().meta(self.id());
        let lower = full.to_lowercase();
        if !lower.contains("microsoft 365 copilot") && !lower.contains("m365 copilot") {
            let mut f = meta
                .finding(MANIFEST, "/description/full", if lower.contains("copilot") {
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
            let mut f = meta
                .finding(MANIFEST, "/description/full", "`description.full` gives no example prompt for Copilot")
                .help("Add an example of what users can ask, in quotes: For example, ask Copilot: \"Find open tickets assigned to me.\"")
                .label("no example prompt");
            f.severity = Severity::Warning;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "copilot-description-missing-copilot";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_description_without_copilot_or_example() {
        let pkg = Pkg::from_fixture(ME).patch(
            "manifest.json",
            json!({"description": {"full": "Parcelwise Shipments lets logistics coordinators find shipments and carriers from the compose box in Microsoft Teams."}}),
        );
        let f = pkg.findings(ID);
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("manifest.json", "/description/full"),
                at("manifest.json", "/description/full")
            ]
        );
        assert!(f.iter().any(|f| f.severity == Severity::Error));
        assert!(f.iter().any(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn accepts_fixtures_and_non_copilot_apps() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
