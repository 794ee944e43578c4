//! `me-parameter-count-low`: a search command of a Copilot-capable message extension with too
//! few parameters for compound requests. The sources disagree (§M.1: the Teams Store guidelines
//! say at least 2, the agent validation guidelines 3 or more): fewer than 2 is an error, exactly
//! 2 a warning. Both numbers are configurable (`[thresholds]` in appcert.toml).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::copilot::me_parameter_count_low::findings;
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

    const ID: &str = "me-parameter-count-low";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn error_below_two_warning_at_two() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            if let Some(p) = m["composeExtensions"][0]["commands"][0]["parameters"].as_array_mut() {
                p.truncate(1);
            }
            if let Some(p) = m["composeExtensions"][0]["commands"][1]["parameters"].as_array_mut() {
                p.truncate(2);
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/composeExtensions/0/commands/0/parameters"
            )]
        );
        assert_eq!(pkg.findings(ID)[0].severity, Severity::Error);
        let few = pkg.findings("me-parameter-count-few");
        assert_eq!(few.len(), 1);
        assert_eq!(few[0].pointer, "/composeExtensions/0/commands/1/parameters");
        assert_eq!(few[0].severity, Severity::Warning);
    }

    #[test]
    fn accepts_three() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
        assert!(Pkg::from_fixture(ME)
            .hits("me-parameter-count-few")
            .is_empty());
    }
}
