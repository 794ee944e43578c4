//! `agent-conversation-starters-count`: a store agent needs 3 to 6 conversation starters (the
//! schema allows 1 to 12).

use super::util::agents;
use crate::engine::Ctx;
use crate::finding::Finding;
use crate::rules::{registry, CodeRule};
use serde_json::Value;

pub struct AgentConversationStartersCount;

pub const MIN: usize = 3;
pub const MAX: usize = 6;

impl CodeRule for AgentConversationStartersCount {
    fn id(&self) -> &'static str {
        "agent-conversation-starters-count"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for (file, a) in agents(ctx) {
            let (ptr, n) = match a.get("conversation_starters") {
                None => ("", 0),
                Some(Value::Array(v)) => ("/conversation_starters", v.len()),
                Some(_) => continue, // wrong type: the schema reports it
            };
            if (MIN..=MAX).contains(&n) {
                continue;
            }
            let message = if n < MIN {
                format!(
                    "the agent has {n} conversation starter{}; the store asks for at least {MIN}",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                format!("the agent has {n} conversation starters; the store allows at most {MAX} (the schema allows 12)")
            };
            out.push(
                meta.finding(file, ptr, message)
                    .help(format!("Give the agent {MIN} to {MAX} conversation starters, each a distinct task the agent can really do."))
                    .label(if n < MIN { "too few" } else { "too many" }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use crate::rules::Profile;
    use serde_json::json;

    const ID: &str = "agent-conversation-starters-count";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_too_few_and_too_many() {
        let pkg = Pkg::from_fixture(DA).edit("declarativeAgent.json", |v| {
            if let Some(a) = v["conversation_starters"].as_array_mut() {
                a.truncate(2);
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/conversation_starters")]
        );
        let starters: Vec<_> = (0..7)
            .map(|i| json!({"text": format!("Question {i}?")}))
            .collect();
        let pkg = Pkg::from_fixture(DA).patch(
            "declarativeAgent.json",
            json!({"conversation_starters": starters}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/conversation_starters")]
        );
        let f = pkg.profile(Profile::Org).findings(ID);
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn accepts_four() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
