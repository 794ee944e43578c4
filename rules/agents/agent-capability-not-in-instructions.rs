//! `agent-capability-not-in-instructions`: an agent with WebSearch, GraphicArt or
//! CodeInterpreter whose instructions never mention what the capability does.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{agents, items};
use crate::rules::Out;
use serde_json::Value;

/// (capability, words whose presence shows the instructions speak of it, what it does).
const CAPABILITIES: &[(&str, &[&str], &str)] = &[
    (
        "WebSearch",
        &[
            "web", "search", "internet", "online", "site", "bing", "look up",
        ],
        "search the web",
    ),
    (
        "GraphicArt",
        &[
            "image",
            "picture",
            "drawing",
            "draw",
            "illustrat",
            "art",
            "graphic",
            "visual",
            "diagram",
        ],
        "create images",
    ),
    (
        "CodeInterpreter",
        &[
            "code",
            "python",
            "chart",
            "plot",
            "graph",
            "calculat",
            "comput",
            "analy",
            "spreadsheet",
        ],
        "run code",
    ),
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, a) in agents(ctx) {
        let instructions = a
            .get("instructions")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_lowercase();
        for (cp, cap) in items(a, "/capabilities") {
            let Some(name) = cap.get("name").and_then(Value::as_str) else {
                continue;
            };
            let Some((_, words, what)) = CAPABILITIES.iter().find(|(n, _, _)| *n == name) else {
                continue;
            };
            if words.iter().any(|w| instructions.contains(w)) {
                continue;
            }
            out.push(
                Finding::at(file, cp.clone(), format!("the agent can {what} (`{name}`), but its instructions do not say when or how"))
                    .help(format!("Add a sentence to `instructions` that says when the agent should {what}, and for what."))
                    .label("not in instructions"),
            );
        }
    }
}
