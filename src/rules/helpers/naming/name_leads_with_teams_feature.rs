//! The shared logic of `name-leads-with-teams-feature` and the rules split from it (`name-leads-with-apps`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, tokens};

/// Core Teams features an app name must not lead with.
const FEATURES: &[&str] = &[
    "chat", "contacts", "calendar", "calls", "files", "activity", "teams", "help",
];

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for t in listing_texts(ctx).into_iter().filter(|t| t.field.is_name()) {
        let Some((_, first)) = tokens(t.value).into_iter().next() else {
            continue;
        };
        let lower = first.to_lowercase();
        let weak = lower == "apps";
        if !weak && !FEATURES.contains(&lower.as_str()) {
            continue;
        }
        let mut f = Finding::at(
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

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
