//! `agent-conversation-starter-duplicate`: two conversation starters of an agent with the same
//! title (the schema asks for unique titles). Repeated texts are
//! `agent-conversation-starter-text-duplicate`.

use crate::model::Ctx;
use crate::rules::helpers::copilot::duplicate_starters;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    out.extend(duplicate_starters(ctx, "title"));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "agent-conversation-starter-duplicate";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_repeated_title_not_text() {
        let pkg = Pkg::from_fixture(DA).edit("declarativeAgent.json", |v| {
            v["conversation_starters"][3]["title"] = v["conversation_starters"][0]["title"].clone();
            v["conversation_starters"][2]["text"] = v["conversation_starters"][0]["text"].clone();
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "declarativeAgent.json",
                "/conversation_starters/3/title"
            )]
        );
        assert_eq!(
            pkg.hits("agent-conversation-starter-text-duplicate"),
            vec![at("declarativeAgent.json", "/conversation_starters/2/text")]
        );
    }

    #[test]
    fn accepts_distinct_starters() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
