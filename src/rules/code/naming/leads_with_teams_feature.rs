//! `name-leads-with-teams-feature`: the app name starts with a core Teams feature name
//! (Chat, Calendar, Files…), which users confuse with the built-in feature.

use super::util::{listing_texts, tokens};
use crate::engine::Ctx;
use crate::finding::{Finding, Severity};
use crate::rules::{registry, CodeRule};

pub struct LeadsWithTeamsFeature;

/// Core Teams features an app name must not lead with.
const FEATURES: &[&str] = &[
    "chat", "contacts", "calendar", "calls", "files", "activity", "teams", "help",
];

impl CodeRule for LeadsWithTeamsFeature {
    fn id(&self) -> &'static str {
        "name-leads-with-teams-feature"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for t in listing_texts(ctx).into_iter().filter(|t| t.field.is_name()) {
            let Some((_, first)) = tokens(t.value).into_iter().next() else {
                continue;
            };
            let lower = first.to_lowercase();
            let weak = lower == "apps";
            if !weak && !FEATURES.contains(&lower.as_str()) {
                continue;
            }
            let mut f = meta
                .finding(
                    t.file.clone(),
                    t.pointer.clone(),
                    format!(
                        "`{}` \"{}\" starts with \"{first}\", the name of a Teams feature",
                        t.field.key(),
                        t.value
                    ),
                )
                .help(format!(
                    "Lead with your own brand, e.g. \"<Brand> {}\"; users must be able to tell your app from the built-in {first} feature in the app bar.",
                    t.value.trim()
                ))
                .label("Teams feature name");
            if weak {
                f.severity = Severity::Warning;
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util::test_support::*;
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "name-leads-with-teams-feature";

    #[test]
    fn fires_on_feature_first() {
        assert_eq!(
            name_short("Calendar Sync").hits(ID),
            vec![at("manifest.json", "/name/short")]
        );
        let apps = name_full("Apps by Harborlight").findings(ID);
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
        assert!(name_short("Chatterbox Notes").hits(ID).is_empty());
    }
}
