//! `name-preproduction-word`: the app name says the build is not for production (Beta, Dev,
//! Preview, UAT, Test…).

use crate::finding::Severity;
use crate::model::Ctx;
use crate::rules::helpers::naming::name_preproduction_word::findings;
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

    const ID: &str = "name-preproduction-word";

    #[test]
    fn fires_on_named_and_likely_words() {
        let beta = name_short("Harborlight Standup (Beta)").findings(ID);
        assert_eq!(
            (beta[0].file.as_str(), beta[0].pointer.as_str()),
            ("manifest.json", "/name/short")
        );
        assert_eq!(beta[0].severity, Severity::Error);
        assert!(name_full("Harborlight Standup demo").hits(ID).is_empty());
        let demo = name_full("Harborlight Standup demo").findings("name-preproduction-word-likely");
        assert_eq!(demo[0].pointer, "/name/full");
        assert_eq!(demo[0].severity, Severity::Warning);
        let loc = Pkg::from_fixture(LOCALIZED)
            .edit("fr-fr.json", |v| v["name.short"] = "Maplewick-dev".into());
        assert_eq!(loc.hits(ID), vec![at("fr-fr.json", "/name.short")]);
    }

    #[test]
    fn passes_on_production_names() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(name_short("Devon Testimonials").hits(ID).is_empty());
        assert!(name_short("Devon Testimonials")
            .hits("name-preproduction-word-likely")
            .is_empty());
        assert!(name_short("Harborlight ${{APP_NAME_SUFFIX}}")
            .hits(ID)
            .is_empty());
    }
}
