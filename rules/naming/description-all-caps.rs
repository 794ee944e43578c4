//! `description-all-caps` (heuristic): a description writes a sentence or a run of words in
//! capital letters ("TRACK EVERY SHIFT IN ONE PLACE"), or emphasises common words in capitals
//! ("FREE", "NEW"). Acronyms and product names written in capitals (CRM, HR, SAP, JIRA) are not
//! counted on their own.

use crate::model::Ctx;
use crate::rules::helpers::naming::util::{report_descriptions, tokens};
use crate::rules::Out;

/// Words of at least this many consecutive all-capital words make a shouted phrase.
const RUN: usize = 3;

/// Common words written in capitals only for emphasis.
const EMPHASIS: &[&str] = &[
    "FREE",
    "NEW",
    "NOW",
    "BEST",
    "GREAT",
    "AMAZING",
    "IMPORTANT",
    "EASY",
    "FAST",
    "ONLY",
    "NEVER",
    "ALWAYS",
    "EVERY",
    "EVERYTHING",
    "POWERFUL",
    "ULTIMATE",
    "EXCLUSIVE",
    "LIMITED",
    "INSTANTLY",
    "HUGE",
    "SIMPLE",
    "UNLIMITED",
    "TODAY",
    "SAVE",
    "MORE",
    "FASTER",
    "BETTER",
];

/// An all-capital word of letters (at least two, no lowercase).
fn shouted(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(char::is_alphabetic)
        && w.chars().any(char::is_uppercase)
        && !w.chars().any(char::is_lowercase)
}

/// The first text in capitals in `s`, as written, if any.
pub fn caps(s: &str) -> Option<String> {
    let toks = tokens(s);
    let mut i = 0;
    while i < toks.len() {
        if !shouted(toks[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && shouted(toks[i].1) {
            // Words of one run are separated by spaces or light punctuation only.
            if i > start {
                let gap = &s[toks[i - 1].0 + toks[i - 1].1.len()..toks[i].0];
                if gap.contains(['\n', '.', ',', '!', '?', ':', ';', '(', ')', '/', '|']) {
                    break;
                }
            }
            i += 1;
        }
        let run = &toks[start..i];
        let letters: usize = run.iter().map(|(_, w)| w.chars().count()).sum();
        if run.len() >= RUN && letters >= 10 {
            let (a, last) = (run[0].0, run[run.len() - 1]);
            return Some(s[a..last.0 + last.1.len()].to_string());
        }
        if let Some((_, w)) = run.iter().find(|(_, w)| EMPHASIS.contains(w)) {
            return Some(w.to_string());
        }
        if i == start {
            i += 1;
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_descriptions(
        ctx,
        out,
        caps,
        |key, c| format!("`{key}` writes \"{c}\" in capital letters"),
        "Write in sentence case; keep capitals for names and acronyms. Use Markdown bold for emphasis in the long description.",
        "capital letters",
    );
}

#[cfg(test)]
mod tests {
    use super::caps;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-all-caps";

    #[test]
    fn finds_shouted_text() {
        assert_eq!(
            caps("TRACK EVERY SHIFT IN ONE PLACE. Then relax.").as_deref(),
            Some("TRACK EVERY SHIFT IN ONE PLACE")
        );
        assert_eq!(caps("Try it FREE for a month").as_deref(), Some("FREE"));
        assert_eq!(
            desc_short("PLAN SHIFTS AND SWAP THEM WITH COLLEAGUES.").hits(ID),
            vec![at("manifest.json", "/description/short")]
        );
    }

    #[test]
    fn acronyms_and_names_pass() {
        for s in [
            "Sync your CRM and HR data with SAP.",
            "Works with JIRA, AWS and the REST API.",
            "Supports PDF, CSV, XLSX, DOCX and HTML exports.",
            "Uses AI to sort tickets.",
        ] {
            assert_eq!(caps(s), None, "{s}");
        }
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
