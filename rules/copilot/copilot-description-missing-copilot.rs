//! `copilot-description-missing-copilot`: the long description of an app that extends
//! Microsoft 365 Copilot must say so and give an example prompt.

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::copilot::copilot_description_missing_copilot::findings;
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

    const ID: &str = "copilot-description-missing-copilot";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_description_without_copilot_or_example() {
        let pkg = Pkg::from_fixture(ME).patch(
            "manifest.json",
            json!({"description": {"full": "Parcelwise Shipments lets logistics coordinators find shipments and carriers from the compose box in Microsoft Teams."}}),
        );
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/description/full")]);
        assert_eq!(pkg.findings(ID)[0].severity, Severity::Error);
        let prompt = pkg.findings("copilot-description-example-prompt-missing");
        assert_eq!(prompt.len(), 1);
        assert_eq!(prompt[0].severity, Severity::Warning);
        assert!(pkg
            .hits("copilot-description-copilot-unqualified")
            .is_empty());
        let unqualified = Pkg::from_fixture(ME).patch(
            "manifest.json",
            json!({"description": {"full": "Parcelwise finds shipments from Copilot. For example, ask: \"Where is shipment 42 now?\""}}),
        );
        assert!(unqualified.hits(ID).is_empty());
        assert!(unqualified
            .hits("copilot-description-example-prompt-missing")
            .is_empty());
        let f = unqualified.findings("copilot-description-copilot-unqualified");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn accepts_fixtures_and_non_copilot_apps() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
        assert!(Pkg::base().hits(ID).is_empty());
        for id in [
            "copilot-description-copilot-unqualified",
            "copilot-description-example-prompt-missing",
        ] {
            assert!(Pkg::from_fixture(ME).hits(id).is_empty());
        }
    }
}
