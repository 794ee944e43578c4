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

/// An Adaptive Card response template of the package.
pub(crate) struct Card<'c> {
    pub file: String,
    /// Pointer of the card object in `file`.
    pub pointer: String,
    pub value: &'c serde_json::Value,
    /// For a plugin's card: the function maps the item's URL in
    /// `response_semantics.properties.url` (Copilot then adds it to the card).
    pub url_mapped: bool,
}

/// Whether a plugin function maps the item's URL (`response_semantics.properties.url`).
fn url_mapped(function: &serde_json::Value) -> bool {
    function
        .pointer("/capabilities/response_semantics/properties/url")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|u| !u.trim().is_empty())
}

/// Every Adaptive Card response template: the `responseCardTemplate` of API-based message
/// extension templates, plugin `response_semantics.static_template` inline, and static
/// template files (`static_template.file`).
pub(crate) fn cards<'c>(ctx: &'c crate::model::Ctx<'_>) -> Vec<Card<'c>> {
    use crate::references::RefKind;
    use serde_json::Value;
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in &ctx.refs {
        let Some(target) = &r.target else { continue };
        if !seen.insert((target.clone(), r.kind)) {
            continue;
        }
        let Some(doc) = ctx.docs.get(target) else {
            continue;
        };
        match r.kind {
            RefKind::ResponseTemplate => {
                if let Some(v) = doc
                    .value
                    .get("responseCardTemplate")
                    .filter(|v| v.is_object())
                {
                    out.push(Card {
                        file: target.clone(),
                        pointer: "/responseCardTemplate".into(),
                        value: v,
                        url_mapped: false,
                    });
                }
            }
            RefKind::AdaptiveCard if doc.value.is_object() => {
                // The function whose static_template names this file.
                let function = r
                    .pointer
                    .split("/capabilities/")
                    .next()
                    .and_then(|fp| ctx.docs.get(&r.from)?.value.pointer(fp));
                out.push(Card {
                    file: target.clone(),
                    pointer: String::new(),
                    value: &doc.value,
                    url_mapped: function.is_some_and(url_mapped),
                });
            }
            RefKind::Plugin => {
                for (fp, f) in util::items(&doc.value, "/functions") {
                    let inner = "/capabilities/response_semantics/static_template";
                    if let Some(v) = f.pointer(inner).filter(|v| {
                        v.is_object()
                            && v.get("file").is_none()
                            && v.get("type").and_then(Value::as_str) == Some("AdaptiveCard")
                    }) {
                        out.push(Card {
                            file: target.clone(),
                            pointer: format!("{fp}{inner}"),
                            value: v,
                            url_mapped: url_mapped(f),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}
