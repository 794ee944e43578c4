//! `agent-instructions-boilerplate`: declarative agent instructions that are still the text of a
//! project template or a placeholder.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::agents;
use crate::rules::Out;
use serde_json::Value;

/// Phrases of template and placeholder instructions (lowercase).
const BOILERPLATE: &[&str] = &[
    "created with team toolkit",
    "created with teams toolkit",
    "created with microsoft 365 agents toolkit",
    "created with agents toolkit",
    "thanks for using teams toolkit",
    "thanks for using microsoft 365 agents toolkit",
    "add your instructions here",
    "your instructions here",
    "lorem ipsum",
    "todo:",
];

/// The instructions text: inline, or the file an Agents Toolkit `$[file('…')]` names.
pub fn instructions_text(ctx: &Ctx<'_>, file: &str, raw: &str) -> Option<String> {
    let Some(start) = raw.find("$[file(") else {
        return Some(raw.to_string());
    };
    let inner = &raw[start + 7..];
    let end = inner.find(')')?;
    let name = inner[..end].trim().trim_matches(|c| c == '\'' || c == '"');
    let target = crate::references::resolve(file, name)?;
    let bytes = ctx.package.read(&target)?.ok()?;
    String::from_utf8(bytes.to_vec()).ok()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, a) in agents(ctx) {
        let Some(raw) = a.get("instructions").and_then(Value::as_str) else {
            continue;
        };
        let Some(text) = instructions_text(ctx, file, raw) else {
            continue;
        };
        let lower = text.to_lowercase();
        if let Some(p) = BOILERPLATE.iter().find(|p| lower.contains(*p)) {
            out.push(
                    Finding::at(
                        file,
                        "/instructions",
                        format!("`instructions` still holds template text (\"{p}\")"),
                    )
                    .help("Replace the template text with instructions written for this agent: its purpose, the actions and knowledge it uses, how to answer and what to decline.")
                    .label("template text"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "agent-instructions-boilerplate";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_template_text_inline_and_in_a_file() {
        let pkg = Pkg::from_fixture(DA).patch(
            "declarativeAgent.json",
            json!({"instructions": "You are a declarative agent and were created with Microsoft 365 Agents Toolkit."}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/instructions")]
        );
        let pkg = Pkg::from_fixture(DA)
            .patch(
                "declarativeAgent.json",
                json!({"instructions": "$[file('instruction.txt')]"}),
            )
            .set("instruction.txt", b"TODO: write the instructions".to_vec());
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/instructions")]
        );
    }

    #[test]
    fn accepts_real_instructions() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
