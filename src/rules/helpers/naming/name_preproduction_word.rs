//! The shared logic of `name-preproduction-word` and the rules split from it (`name-preproduction-word-likely`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, tokens};

/// Named by the guidelines (Beta, Dev, Preview, UAT) and by the common reasons for failure
/// ("names appended with Beta, Dev, and Prod"): error.
const NAMED: &[&str] = &["beta", "dev", "preview", "uat", "prod"];
/// Same meaning, not named by the guidelines: warning.
const LIKELY: &[&str] = &[
    "test", "testing", "staging", "qa", "alpha", "demo", "sandbox", "debug", "poc",
];

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
        let mut f = Finding::at(
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

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
