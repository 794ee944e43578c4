//! `agent-instructions-missing`: a declarative agent without instructions (absent or only
//! whitespace; the schema accepts both).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::agents;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, a) in agents(ctx) {
        match a.get("instructions") {
                None => out.push(
                    Finding::at(file, "", format!("the declarative agent {file} has no `instructions`"))
                        .help("Add `instructions` that tell the agent what it is for, which actions and knowledge to use and how to answer (at most 8,000 characters)."),
                ),
                Some(Value::String(s)) if !s.is_empty() && s.trim().is_empty() => out.push(
                    Finding::at(file, "/instructions", "`instructions` holds only whitespace")
                        .help("Write instructions that tell the agent what it is for, which actions and knowledge to use and how to answer.")
                        .label("blank"),
                ),
                _ => {}
            }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "agent-instructions-missing";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_absent_and_blank_instructions() {
        let pkg =
            Pkg::from_fixture(DA).patch("declarativeAgent.json", json!({"instructions": null}));
        assert_eq!(pkg.hits(ID), vec![at("declarativeAgent.json", "")]);
        let pkg =
            Pkg::from_fixture(DA).patch("declarativeAgent.json", json!({"instructions": "  \n "}));
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/instructions")]
        );
    }

    #[test]
    fn accepts_instructions() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
