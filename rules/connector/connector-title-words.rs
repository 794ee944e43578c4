//! `connector-title-words`: `info.title` holds a restricted word: "API", "Connector", a Power
//! Platform product name or "Copilot Studio".

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;

/// Restricted words and product names, lowercase (matched as whole words).
pub(crate) const RESTRICTED: &[&str] = &[
    "api",
    "apis",
    "connector",
    "connectors",
    "power apps",
    "powerapps",
    "power automate",
    "power bi",
    "power pages",
    "power platform",
    "power virtual agents",
    "logic apps",
    "copilot studio",
    "dataverse",
];

/// The restricted phrases found in `text` as whole words.
pub(crate) fn restricted_in(text: &str, list: &[&'static str]) -> Vec<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined = format!(" {} ", words.join(" "));
    list.iter()
        .copied()
        .filter(|w| joined.contains(&format!(" {w} ")))
        .collect()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(title) = s.pointer("/info/title").and_then(|v| v.as_str()) else {
        return;
    };
    let found = restricted_in(title, RESTRICTED);
    if !found.is_empty() {
        out.push(
            Finding::at(file, "/info/title", format!("`info.title` \"{title}\" contains restricted words: {}", found.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")))
                .help("Remove the words: titles cannot include \"API\", \"Connector\", a Power Platform product name or \"Copilot Studio\"; name the service instead.")
                .label("restricted word"),
        );
    }
}
