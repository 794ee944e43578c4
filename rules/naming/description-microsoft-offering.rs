//! `description-microsoft-offering` (heuristic): a description presents the app as an offering
//! of Microsoft: "by Microsoft", "from Microsoft" (not followed by a product name, as in "files
//! from Microsoft Teams"), "official Microsoft app", "a Microsoft product".

use crate::model::Ctx;
use crate::rules::helpers::naming::util::{report_descriptions, tokens};
use crate::rules::Out;

/// Words after "Microsoft" that name a product or service, not Microsoft as a maker.
const PRODUCTS: &[&str] = &[
    "teams",
    "365",
    "outlook",
    "office",
    "word",
    "excel",
    "powerpoint",
    "sharepoint",
    "onedrive",
    "azure",
    "copilot",
    "graph",
    "entra",
    "dynamics",
    "power",
    "planner",
    "loop",
    "viva",
    "bing",
    "edge",
    "windows",
    "exchange",
    "intune",
    "purview",
    "fabric",
    "sentinel",
    "defender",
    "forms",
    "lists",
    "stream",
    "to",
    "whiteboard",
    "bookings",
    "visio",
    "project",
    "onenote",
    "skype",
    "yammer",
    "store",
    "appsource",
    "partner",
    "marketplace",
    "account",
    "accounts",
    "apps",
    "cloud",
    "learn",
    "search",
    "security",
    "clarity",
    "authenticator",
];

/// Nouns after "a/an/the Microsoft" or "official Microsoft" that make the app Microsoft's.
const OFFERINGS: &[&str] = &[
    "app",
    "application",
    "product",
    "service",
    "solution",
    "offering",
    "tool",
    "add-in",
    "addin",
    "bot",
    "integration",
];

/// Verbs before "by Microsoft" that make Microsoft the maker.
const MADE: &[&str] = &[
    "made",
    "built",
    "developed",
    "created",
    "published",
    "provided",
    "offered",
    "brought",
    "designed",
    "produced",
    "endorsed",
    "sponsored",
    "backed",
];

/// The first wording that presents the app as Microsoft's, as written, if any.
pub fn offering(s: &str) -> Option<String> {
    let toks = tokens(s);
    let lower: Vec<String> = toks.iter().map(|(_, w)| w.to_lowercase()).collect();
    let word = |i: usize| lower.get(i).map(String::as_str).unwrap_or("");
    let text = |a: usize, b: usize| s[toks[a].0..toks[b].0 + toks[b].1.len()].to_string();
    for i in 0..lower.len() {
        if word(i) != "microsoft" {
            continue;
        }
        let next = word(i + 1);
        let prev = if i > 0 { word(i - 1) } else { "" };
        let prev2 = if i > 1 { word(i - 2) } else { "" };
        if prev == "official" || next == "official" {
            return Some(if prev == "official" {
                text(i - 1, i)
            } else {
                text(i, i + 1)
            });
        }
        if matches!(prev, "a" | "an" | "the") && OFFERINGS.contains(&next) {
            return Some(text(i - 1, i + 1));
        }
        if prev == "by" && MADE.contains(&prev2) && !PRODUCTS.contains(&next) {
            return Some(text(i - 2, i));
        }
        if matches!(prev, "from" | "by") && i >= 1 && !PRODUCTS.contains(&next) {
            // "An app from Microsoft", "by Microsoft." at the end of a phrase.
            let after = &s[toks[i].0 + toks[i].1.len()..];
            let ends_phrase = after.trim_start().is_empty()
                || after
                    .trim_start()
                    .starts_with(['.', ',', ';', ')', '!', '\n']);
            if ends_phrase {
                return Some(text(i - 1, i));
            }
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_descriptions(
        ctx,
        out,
        offering,
        |key, c| format!("`{key}` says \"{c}\", which presents the app as an offering from Microsoft"),
        "Present the app as yours: name your company as its maker and say what it works with (\"Contoso Rota for Microsoft Teams\", \"works with Microsoft 365\"). Only Microsoft's own apps may say they come from Microsoft.",
        "Microsoft offering",
    );
}

#[cfg(test)]
mod tests {
    use super::offering;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-microsoft-offering";

    #[test]
    fn finds_microsoft_offering_wording() {
        assert_eq!(
            offering("The official Microsoft standup app.").as_deref(),
            Some("official Microsoft")
        );
        assert_eq!(
            offering("Built by Microsoft for teams").as_deref(),
            Some("Built by Microsoft")
        );
        assert_eq!(
            offering("A Microsoft app for rotas.").as_deref(),
            Some("A Microsoft app")
        );
        assert_eq!(
            offering("Standups, from Microsoft.").as_deref(),
            Some("from Microsoft")
        );
        assert_eq!(
            desc_full("Harborlight Standup is an official Microsoft app for check-ins.").hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
    }

    #[test]
    fn product_references_pass() {
        for s in [
            "Share files from Microsoft Teams and Outlook.",
            "Reads your calendar from Microsoft Graph.",
            "Sign in by Microsoft account.",
            "Works with Microsoft 365.",
            "Sold by Contoso, a Microsoft partner since 2010.",
        ] {
            assert_eq!(offering(s), None, "{s}");
        }
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
