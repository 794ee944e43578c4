//! `bot-command-special-prefix`: a bot command title starts with `/` (error) or another
//! punctuation or symbol character (warning).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::bots::bot_command_special_prefix::findings;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(
        findings(ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Error),
    );
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
            vec![at(
                "manifest.json",
                "/bots/0/commandLists/0/commands/0/title"
            )]
        );
        assert_eq!(pkg.findings(ID)[0].severity, Severity::Error);
        let symbol = pkg.findings("bot-command-symbol-prefix");
        assert_eq!(symbol.len(), 1);
        assert_eq!(symbol[0].pointer, "/bots/0/commandLists/1/commands/1/title");
        assert_eq!(symbol[0].severity, Severity::Warning);
    }

    #[test]
    fn accepts_plain_titles() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(Pkg::base().hits("bot-command-symbol-prefix").is_empty());
    }
}
