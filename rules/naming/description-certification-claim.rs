//! `description-certification-claim` (heuristic): a description says the app is "certified
//! for" something, or "powered by" Microsoft or one of its products, which only officially
//! certified partners may say.

use crate::model::Ctx;
use crate::rules::helpers::naming::util::{report_descriptions, tokens};
use crate::rules::Out;

/// Microsoft and its products, as the word after "powered by" (within three words).
pub const MICROSOFT_WORDS: &[&str] = &[
    "microsoft",
    "teams",
    "azure",
    "office",
    "copilot",
    "outlook",
    "sharepoint",
    "onedrive",
    "dynamics",
    "excel",
    "word",
    "powerpoint",
    "onenote",
    "windows",
    "bing",
    "graph",
    "entra",
];

/// The first certification claim in `s`, as written, if any.
pub fn claim(s: &str) -> Option<String> {
    let toks = tokens(s);
    let lower: Vec<String> = toks.iter().map(|(_, w)| w.to_lowercase()).collect();
    let text = |a: usize, b: usize| s[toks[a].0..toks[b].0 + toks[b].1.len()].to_string();
    for i in 0..lower.len().saturating_sub(1) {
        match (lower[i].as_str(), lower[i + 1].as_str()) {
            ("certified", "for") => return Some(text(i, i + 1)),
            ("powered", "by") => {
                let end = (i + 5).min(lower.len());
                if let Some(j) =
                    (i + 2..end).find(|j| MICROSOFT_WORDS.contains(&lower[*j].as_str()))
                {
                    return Some(text(i, j));
                }
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
        |key, c| format!("`{key}` says \"{c}\", a claim only officially certified partners may make"),
        "Remove the claim unless your app or company is officially certified by Microsoft; say what the app works with instead (\"works with Microsoft Teams\").",
        "certification claim",
    );
}

#[cfg(test)]
mod tests {
    use super::claim;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-certification-claim";

    #[test]
    fn finds_claims() {
        assert_eq!(
            claim("Certified for Microsoft Teams.").as_deref(),
            Some("Certified for")
        );
        assert_eq!(
            claim("Powered by Microsoft Azure AI").as_deref(),
            Some("Powered by Microsoft")
        );
        assert_eq!(
            claim("powered by the Azure cloud").as_deref(),
            Some("powered by the Azure")
        );
        assert_eq!(
            desc_full("Harborlight Standup is certified for Microsoft Teams.").hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
    }

    #[test]
    fn other_uses_pass() {
        for s in [
            "Powered by our own scheduling engine.",
            "Certified accountants review every report.",
            "Works with Microsoft Teams and Outlook.",
        ] {
            assert_eq!(claim(s), None, "{s}");
        }
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
