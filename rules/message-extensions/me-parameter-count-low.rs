//! `me-parameter-count-low`: a Copilot-capable message extension none of whose search commands
//! takes the Teams Store guidelines' minimum of 2 parameters (judged per extension, as the
//! guideline speaks of the extension). Taking 2 but fewer than the agent guidelines' 3 is
//! `me-parameter-count-few`. Both numbers are configurable (`[thresholds]` in appcert.toml).

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

    fn with_counts(a: usize, b: usize) -> Pkg {
        Pkg::from_fixture(ME).edit("manifest.json", |m| {
            for (i, n) in [(0, a), (1, b)] {
                if let Some(p) =
                    m["composeExtensions"][0]["commands"][i]["parameters"].as_array_mut()
                {
                    p.truncate(n);
                }
            }
        })
    }

    #[test]
    fn judges_the_extension_by_its_best_search_command() {
        let one = with_counts(1, 1);
        assert_eq!(
            one.hits(ID),
            vec![at("manifest.json", "/composeExtensions/0")]
        );
        assert_eq!(one.findings(ID)[0].severity, Severity::Warning);
        assert!(one.hits("me-parameter-count-few").is_empty());
        // One command with one parameter is fine when another takes three.
        assert!(with_counts(1, 3).hits(ID).is_empty());
        assert!(with_counts(1, 3).hits("me-parameter-count-few").is_empty());
        // Two at most: the agent guidelines' warning, not this rule's.
        let two = with_counts(2, 1);
        assert!(two.hits(ID).is_empty());
        let few = two.findings("me-parameter-count-few");
        assert_eq!(few.len(), 1);
        assert_eq!(few[0].pointer, "/composeExtensions/0");
        assert_eq!(few[0].severity, Severity::Warning);
        assert!(
            few[0].message.contains("`searchShipments`"),
            "{}",
            few[0].message
        );
    }

    #[test]
    fn accepts_three() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
        assert!(Pkg::from_fixture(ME)
            .hits("me-parameter-count-few")
            .is_empty());
    }
}
