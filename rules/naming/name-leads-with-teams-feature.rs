//! `name-leads-with-teams-feature`: the app name starts with a core Teams feature name
//! (Chat, Calendar, Files…), which users confuse with the built-in feature.

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_leads_with_teams_feature::findings;
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
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "name-leads-with-teams-feature";

    #[test]
    fn fires_on_feature_first() {
        assert_eq!(
            name_short("Calendar Sync").hits(ID),
            vec![at("manifest.json", "/name/short")]
        );
        assert!(name_full("Apps by Harborlight").hits(ID).is_empty());
        let apps = name_full("Apps by Harborlight").findings("name-leads-with-apps");
        assert_eq!(apps.len(), 1);
        assert_eq!(apps[0].pointer, "/name/full");
        assert_eq!(apps[0].severity, Severity::Warning);
    }

    #[test]
    fn fires_in_localization_files() {
        let pkg = Pkg::from_fixture(LOCALIZED)
            .edit("fr-fr.json", |v| v["name.short"] = "Chat Maplewick".into());
        assert_eq!(pkg.hits(ID), vec![at("fr-fr.json", "/name.short")]);
    }

    #[test]
    fn passes_when_brand_leads() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(name_short("Harborlight Chat").hits(ID).is_empty());
        assert!(name_short("Harborlight Apps")
            .hits("name-leads-with-apps")
            .is_empty());
        assert!(name_short("Chatterbox Notes").hits(ID).is_empty());
    }
}
