//! `name-preproduction-word`: the app name says the build is not for production (Beta, Dev,
//! Preview, UAT, Test…).

use super::util::{listing_texts, tokens};
use crate::engine::Ctx;
use crate::finding::{Finding, Severity};
use crate::rules::{registry, CodeRule};

pub struct PreproductionWord;

/// Named by the guidelines: error.
const NAMED: &[&str] = &["beta", "dev", "preview", "uat"];
/// Same meaning, not named by the guidelines: warning.
const LIKELY: &[&str] = &[
    "test", "testing", "staging", "qa", "alpha", "demo", "sandbox", "debug", "poc",
];

impl CodeRule for PreproductionWord {
    fn id(&self) -> &'static str {
        "name-preproduction-word"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for t in listing_texts(ctx).into_iter().filter(|t| t.field.is_name()) {
            let mut hit = None;
            for (_, w) in tokens(t.value) {
                let lower = w.to_lowercase();
                if NAMED.contains(&lower.as_str()) {
                    hit = Some((w, Severity::Error));
                    break;
                }
                if hit.is_none() && LIKELY.contains(&lower.as_str()) {
                    hit = Some((w, Severity::Warning));
                }
            }
            let Some((word, sev)) = hit else { continue };
            let mut f = meta
                .finding(
                    t.file.clone(),
                    t.pointer.clone(),
                    format!(
                        "`{}` \"{}\" contains \"{word}\", which marks a pre-production build",
                        t.field.key(),
                        t.value
                    ),
                )
                .help(format!(
                    "Submit the production manifest: remove \"{word}\" from the name (keep environment suffixes such as `${{{{APP_NAME_SUFFIX}}}}` out of production builds)."
                ))
                .label("pre-production word");
            f.severity = sev;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util::test_support::*;
    use crate::finding::Severity;
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
        let demo = name_full("Harborlight Standup demo").findings(ID);
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
        assert!(name_short("Harborlight ${{APP_NAME_SUFFIX}}")
            .hits(ID)
            .is_empty());
    }
}
