//! Code rules: Copilot extensibility (policy 1140.9): declarative agents, API plugins, their
//! OpenAPI descriptions, message extensions used by Copilot, Graph connectors.
//!
//! "Copilot-capable" message extension (see `util::me_copilot_capable`): any `composeExtensions`
//! entry when the manifest has `copilotAgents` or `copilotExtensions`, an API-based extension, or
//! one whose commands have a `semanticDescription` or `samplePrompts`.

pub(crate) mod copilot_description_missing_copilot;
pub(crate) mod me_parameter_count_low;
pub(crate) mod util;

/// A conversation starter or sample prompt text compared for duplicates: whitespace collapsed,
/// lowercase, trailing punctuation dropped.
pub fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(['.', '?', '!'])
        .to_string()
}

/// The legal URLs of an API plugin: (key, what it is).
pub const KEYS: &[(&str, &str)] = &[
    ("privacy_policy_url", "privacy policy"),
    ("legal_info_url", "terms of use"),
];

/// Conversation starters of each agent whose `key` (`title` or `text`) repeats an earlier one
/// (case, spacing and final punctuation ignored), as findings at the repeat.
pub(crate) fn duplicate_starters(
    ctx: &crate::model::Ctx<'_>,
    key: &str,
) -> Vec<crate::finding::Finding> {
    use util::{agents, items, real_text};
    let mut out = Vec::new();
    for (file, a) in agents(ctx) {
        let mut seen: std::collections::BTreeMap<String, String> = Default::default();
        for (ptr, s) in items(a, "/conversation_starters") {
            let Some(t) = s
                .get(key)
                .and_then(serde_json::Value::as_str)
                .filter(|t| real_text(t))
            else {
                continue;
            };
            let n = normalize(t);
            if n.is_empty() {
                continue;
            }
            let p = format!("{ptr}/{key}");
            match seen.get(&n) {
                Some(first) => out.push(
                    crate::finding::Finding::at(
                        file,
                        p,
                        format!(
                            "conversation starter {key} \"{t}\" repeats `{}`",
                            crate::finding::display_path(first)
                        ),
                    )
                    .help("Make every conversation starter a different task, or remove the repeated one.")
                    .label("duplicate"),
                ),
                None => {
                    seen.insert(n, p);
                }
            }
        }
    }
    out
}
