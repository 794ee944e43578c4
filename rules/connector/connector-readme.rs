//! `connector-readme`: the README lacks a required section of the repository's template
//! (Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::Out;

const SECTIONS: &[(&str, &[&str])] = &[
    ("Publisher", &["publisher"]),
    (
        "Prerequisites",
        &[
            "prerequisite",
            "pre-requisite",
            "pre requisite",
            "requirement",
        ],
    ),
    (
        "Supported Operations",
        &["supported operation", "operation", "action", "trigger"],
    ),
    (
        "Obtaining Credentials",
        &["credential", "authentication", "api key", "api-key"],
    ),
    (
        "Known Issues and Limitations",
        &["known issue", "limitation"],
    ),
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(file) = ctx.connector.as_ref().and_then(|c| c.readme.as_deref()) else {
        return;
    };
    let Some(text) = ctx.unparsed.get(file) else {
        return;
    };
    let headings: Vec<String> = text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .map(|l| l.trim_start_matches([' ', '#']).to_lowercase())
        .collect();
    let missing: Vec<&str> = SECTIONS
        .iter()
        .filter(|(_, keys)| !headings.iter().any(|h| keys.iter().any(|k| h.contains(k))))
        .map(|(name, _)| *name)
        .collect();
    if !missing.is_empty() {
        out.push(
            Finding::at(file, "", format!("the README lacks the required sections {}", missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", ")))
                .help("Follow the repository's readme template: `## Publisher: …`, `## Prerequisites`, `## Supported Operations`, `## Obtaining Credentials`, `## Known Issues and Limitations` (marked Required there).")
                .at_span(0..text.lines().next().map_or(0, str::len)),
        );
    }
}
