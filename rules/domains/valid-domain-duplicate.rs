//! `valid-domain-duplicate`: a `validDomains` entry repeats an earlier one (case-insensitive).
//! Fix (safe): remove the repeated entry with the separator before it.

use crate::finding::{display_path, Edit, Finding, Fix};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::domain_entries;
use crate::rules::Out;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let mut seen: HashMap<String, String> = HashMap::new();
    for (pointer, entry) in domain_entries(&doc.value) {
        let key = entry.trim().to_ascii_lowercase();
        if key.is_empty() {
            continue;
        }
        let Some(first) = seen.get(&key) else {
            seen.insert(key, pointer);
            continue;
        };
        out.push(
            Finding::at(
                MANIFEST,
                pointer.clone(),
                format!(
                    "`{}` is \"{entry}\", already listed as `{}`",
                    display_path(&pointer),
                    display_path(first)
                ),
            )
            .help("Remove the repeated entry.")
            .label("listed twice")
            .maybe_fix(removal(doc, &pointer)),
        );
    }
}

/// Removes the entry at `pointer` (never the first: it repeats an earlier one) from the end of
/// the entry before it, so the separator and the line break go with it.
fn removal(doc: &crate::json::JsonDoc, pointer: &str) -> Option<Fix> {
    let (list, index) = pointer.rsplit_once('/')?;
    let index: usize = index.parse().ok()?;
    let before = doc.value_span(&format!("{list}/{}", index.checked_sub(1)?))?;
    let this = doc.value_span(pointer)?;
    // Only commas and white space between the two entries.
    let between = doc.text.get(before.end..this.start)?;
    if !between.chars().all(|c| c == ',' || c.is_whitespace()) {
        return None;
    }
    Some(Fix::safe(
        "Remove the repeated entry",
        vec![Edit::new(MANIFEST, before.end..this.end, "")],
    ))
}
