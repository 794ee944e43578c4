//! `description-unverified-claim` (heuristic): a description claims a rank it does not source:
//! "best", "#1", "number one", "top-rated", "ranked first", "leading" (as in "the leading
//! provider", "industry-leading"), "world's first".

use crate::model::Ctx;
use crate::rules::helpers::naming::util::{report_descriptions, tokens};
use crate::rules::Out;

/// Nouns after which "leading" is a rank ("the leading platform").
const LEADING_NOUNS: &[&str] = &[
    "provider",
    "providers",
    "platform",
    "platforms",
    "solution",
    "solutions",
    "app",
    "apps",
    "application",
    "applications",
    "tool",
    "tools",
    "vendor",
    "vendors",
    "company",
    "companies",
    "software",
    "service",
    "services",
    "product",
    "products",
    "brand",
    "supplier",
    "suppliers",
];

/// Words before "leading" that make it a rank ("industry-leading").
const LEADING_BEFORE: &[&str] = &["industry", "market", "world", "globally", "category"];

/// Uses of "best" that are not a claim about the app.
const BEST_PHRASES: &[&str] = &[
    "practice",
    "practices",
    "effort",
    "efforts",
    "regards",
    "wishes",
];

/// The first unverified claim in `s`, as written, if any.
pub fn claim(s: &str) -> Option<String> {
    // "#1" (not "#12") and "No. 1".
    for (i, _) in s.match_indices("#1") {
        if !s[i + 2..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some("#1".into());
        }
    }
    let toks: Vec<(usize, &str)> = tokens(s);
    let lower: Vec<String> = toks.iter().map(|(_, w)| w.to_lowercase()).collect();
    let word = |i: usize| lower.get(i).map(String::as_str).unwrap_or("");
    let text = |a: usize, b: usize| -> String {
        let start = toks[a].0;
        let end = toks[b].0 + toks[b].1.len();
        s[start..end].to_string()
    };
    for i in 0..lower.len() {
        match word(i) {
            "best" => {
                let prev = if i > 0 { word(i - 1) } else { "" };
                if prev == "at" || BEST_PHRASES.contains(&word(i + 1)) {
                    continue;
                }
                return Some(toks[i].1.to_string());
            }
            "number" if matches!(word(i + 1), "one" | "1") => return Some(text(i, i + 1)),
            "no" if word(i + 1) == "1" && s[toks[i].0 + 2..].starts_with('.') => {
                return Some(text(i, i + 1))
            }
            "top" | "highest" if matches!(word(i + 1), "rated" | "ranked") => {
                return Some(text(i, i + 1))
            }
            "ranked" if matches!(word(i + 1), "first" | "1st" | "1" | "number" | "no" | "top") => {
                return Some(text(i, i + 1))
            }
            "leading" => {
                let prev = if i > 0 { word(i - 1) } else { "" };
                if LEADING_BEFORE.contains(&prev) {
                    return Some(text(i - 1, i));
                }
                if matches!(prev, "the" | "a") && LEADING_NOUNS.contains(&word(i + 1)) {
                    return Some(text(i - 1, i + 1));
                }
            }
            "world"
                if word(i + 1) == "s"
                    && matches!(
                        word(i + 2),
                        "first" | "best" | "largest" | "leading" | "most" | "only"
                    ) =>
            {
                return Some(text(i, i + 2))
            }
            _ => {}
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_descriptions(
        ctx,
        out,
        claim,
        |key, c| format!("`{key}` claims \"{c}\", a rank or superlative the listing does not source"),
        "Remove the claim, or name its source in the description (an award, a published ranking); describe what the app does instead.",
        "unverified claim",
    );
}

#[cfg(test)]
mod tests {
    use super::claim;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-unverified-claim";

    #[test]
    fn finds_claims() {
        assert_eq!(claim("The #1 standup bot.").as_deref(), Some("#1"));
        assert_eq!(claim("The best way to plan.").as_deref(), Some("best"));
        assert_eq!(
            claim("Our Number One planner").as_deref(),
            Some("Number One")
        );
        assert_eq!(claim("A top-rated app").as_deref(), Some("top-rated"));
        assert_eq!(
            claim("Ranked first by users").as_deref(),
            Some("Ranked first")
        );
        assert_eq!(
            claim("An industry-leading CRM").as_deref(),
            Some("industry-leading")
        );
        assert_eq!(
            claim("The leading provider of rotas").as_deref(),
            Some("The leading provider")
        );
        assert_eq!(
            claim("The world's first rota bot").as_deref(),
            Some("world's first")
        );
        assert_eq!(
            desc_full("Harborlight is the best standup app in Microsoft Teams.").hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
    }

    #[test]
    fn ignores_ordinary_uses() {
        for s in [
            "Follow best practices for check-ins.",
            "Replies arrive at best within a minute.",
            "Strip leading zeros from ticket numbers.",
            "Leading teams use it daily",
            "Results are ranked by relevance.",
            "Pin it to the top of the channel.",
            "Issue #12 tracks it.",
        ] {
            assert_eq!(claim(s), None, "{s}");
        }
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
