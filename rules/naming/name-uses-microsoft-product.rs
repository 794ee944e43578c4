//! `name-uses-microsoft-product`: the app name leads with a Microsoft product name, or puts
//! one in parentheses, which suggests the app is a Microsoft offering.

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_uses_microsoft_product::findings;
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
    use crate::rules::helpers::naming::name_uses_microsoft_product::problem;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "name-uses-microsoft-product";

    #[test]
    fn classifies_names() {
        assert_eq!(problem("Excel Reports").map(|p| p.2), Some(Severity::Error));
        assert_eq!(
            problem("Lumen (for Outlook)").map(|p| p.2),
            Some(Severity::Error)
        );
        assert_eq!(
            problem("Word Counter").map(|p| p.2),
            Some(Severity::Warning)
        );
        assert_eq!(
            problem("Lumen SharePoint Sync").map(|p| p.2),
            Some(Severity::Warning)
        );
        assert!(problem("Lumen connector for Microsoft Teams").is_none());
        assert!(problem("Lumen for Outlook").is_none());
        assert!(problem("Teams Standup").is_none());
        assert!(problem("Standup for teams").is_none());
        assert!(problem("Lumen Wordsmith").is_none());
        assert!(problem("Treinamento (L&D Teams)").is_none());
        assert!(problem("Lumen (for Teams)").is_some());
        assert!(problem("App using SharePoint Embedded").is_none());
    }

    #[test]
    fn fires_on_leading_product() {
        assert_eq!(
            name_short("Microsoft Standup").hits(ID),
            vec![at("manifest.json", "/name/short")]
        );
        let pkg = Pkg::from_fixture(LOCALIZED).edit("de-de.json", |v| {
            v["name.full"] = "Maplewick (Microsoft Teams)".into()
        });
        assert_eq!(pkg.hits(ID), vec![at("de-de.json", "/name.full")]);
    }

    #[test]
    fn passes_when_brand_leads() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(name_full("Harborlight Standup for Microsoft Teams")
            .hits(ID)
            .is_empty());
    }
}
