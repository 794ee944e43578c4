//! `agent-conversation-starter-duplicate`: two conversation starters of an agent with the same
//! text or the same title.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::normalize;
use crate::rules::helpers::copilot::util::{agents, items, real_text};
use crate::rules::Out;
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, a) in agents(ctx) {
        for key in ["text", "title"] {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            for (ptr, s) in items(a, "/conversation_starters") {
                let Some(t) = s.get(key).and_then(Value::as_str).filter(|t| real_text(t)) else {
                    continue;
                };
                let n = normalize(t);
                if n.is_empty() {
                    continue;
                }
                let p = format!("{ptr}/{key}");
                match seen.get(&n) {
                        Some(first) => out.push(
                            Finding::at(file, p, format!("conversation starter {key} \"{t}\" repeats `{}`", crate::finding::display_path(first)))
                                .help("Make every conversation starter a different task, or remove the repeated one.")
                                .label("duplicate"),
                        ),
                        None => {
                            seen.insert(n, p);
                        }
                    }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "agent-conversation-starter-duplicate";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_repeated_text() {
        let pkg = Pkg::from_fixture(DA).edit("declarativeAgent.json", |v| {
            v["conversation_starters"][3]["text"] = v["conversation_starters"][0]["text"].clone();
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/conversation_starters/3/text")]
        );
    }

    #[test]
    fn accepts_distinct_starters() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
