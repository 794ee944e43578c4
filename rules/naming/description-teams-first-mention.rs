//! `description-teams-first-mention`: the first mention of Teams in a description is not
//! "Microsoft Teams".

use crate::model::Ctx;
use crate::rules::helpers::naming::util::{report_descriptions, tokens};
use crate::rules::Out;

/// Whether the first "Teams" (case-sensitive word) of `s` is not preceded by "Microsoft".
/// "MS Teams" is left to listing-microsoft-abbreviation.
pub fn bad_first_mention(s: &str) -> bool {
    let toks = tokens(s);
    let Some(i) = toks.iter().position(|(_, w)| *w == "Teams") else {
        return false;
    };
    let Some((poff, prev)) = i.checked_sub(1).and_then(|j| toks.get(j)) else {
        return true;
    };
    let between = &s[poff + prev.len()..toks[i].0];
    let adjacent = !between.is_empty() && between.chars().all(char::is_whitespace);
    !(adjacent && matches!(*prev, "Microsoft" | "MS" | "MSFT"))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_descriptions(
        ctx,
        out,
        |s| bad_first_mention(s).then(String::new),
        |key, _| format!("`{key}` first mentions \"Teams\" without \"Microsoft\""),
        "Write \"Microsoft Teams\" the first time the description names Teams; later mentions may say \"Teams\".",
        "first mention must be \"Microsoft Teams\"",
    );
}

#[cfg(test)]
mod tests {
    use super::bad_first_mention;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-teams-first-mention";

    #[test]
    fn fires_when_first_mention_is_bare() {
        assert_eq!(
            desc_full("Post your standup in Teams. Works in Microsoft Teams channels.").hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
        assert!(bad_first_mention("Teams can share notes."));
    }

    #[test]
    fn passes_on_microsoft_teams_and_common_noun() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(!bad_first_mention(
            "Use it in Microsoft Teams. Teams love it."
        ));
        assert!(!bad_first_mention("Helps sales teams close deals."));
        assert!(!bad_first_mention("Use MS Teams"));
        assert!(desc_short("Helps teams plan.").hits(ID).is_empty());
    }
}
