//! `agent-conversation-starters-count`: a store agent needs 3 to 6 conversation starters (the
//! schema allows 1 to 12). Both numbers are configurable (`[thresholds]` in appcert.toml).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::agents;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (min, max) = (
        ctx.thresholds.conversation_starters_min,
        ctx.thresholds.conversation_starters_max,
    );
    for (file, a) in agents(ctx) {
        let (ptr, n) = match a.get("conversation_starters") {
            None => ("", 0),
            Some(Value::Array(v)) => ("/conversation_starters", v.len()),
            Some(_) => continue, // wrong type: the schema reports it
        };
        if (min..=max).contains(&n) {
            continue;
        }
        let message = if n < min {
            format!(
                "the agent has {n} conversation starter{}; the store asks for at least {min}",
                if n == 1 { "" } else { "s" }
            )
        } else {
            format!("the agent has {n} conversation starters; the store guidelines allow at most {max} (the schema allows up to 12 from declarative agent v1.6, and the org profile accepts them)")
        };
        out.push(
                Finding::at(file, ptr, message)
                    .help(format!("Give the agent {min} to {max} conversation starters, each a distinct task the agent can really do."))
                    .label(if n < min { "too few" } else { "too many" }),
            );
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
