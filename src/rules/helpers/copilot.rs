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
