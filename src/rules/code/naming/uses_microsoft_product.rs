//! `name-uses-microsoft-product`: the app name leads with a Microsoft product name, or puts
//! one in parentheses, which suggests the app is a Microsoft offering.

use super::util::{listing_texts, tokens};
use crate::engine::Ctx;
use crate::finding::{Finding, Severity};
use crate::rules::{registry, CodeRule};

pub struct UsesMicrosoftProduct;

/// Microsoft product names, matched case-sensitively as whole words.
const PRODUCTS: &[&str] = &[
    "Microsoft",
    "Teams",
    "Office",
    "Outlook",
    "Excel",
    "PowerPoint",
    "OneDrive",
    "SharePoint",
    "OneNote",
    "Azure",
    "Copilot",
    "Windows",
    "Skype",
    "Yammer",
    "Xbox",
    "Bing",
    "Viva",
    "Dynamics",
    "M365",
    "Word",
    "Surface",
];

/// Product names that are also common English words: warning only.
const COMMON_WORDS: &[&str] = &["Word", "Surface", "Office", "Windows", "Dynamics"];

/// Words that introduce what an app works with ("Lumen connector for Microsoft Teams").
const CONNECTORS: &[&str] = &[
    "for",
    "with",
    "in",
    "into",
    "inside",
    "within",
    "on",
    "to",
    "and",
    "via",
    "using",
    "across",
    "connector",
    "integration",
];

fn product(word: &str) -> Option<&'static str> {
    PRODUCTS.iter().copied().find(|p| {
        *p == word || (!COMMON_WORDS.contains(p) && *p != "Teams" && p.eq_ignore_ascii_case(word))
    })
}

/// The problem with a name, if any: (product, how, severity).
fn problem(name: &str) -> Option<(&'static str, &'static str, Severity)> {
    let toks = tokens(name);
    for (i, (off, w)) in toks.iter().enumerate() {
        let Some(p) = product(w) else { continue };
        let sev = if COMMON_WORDS.contains(&p) {
            Severity::Warning
        } else {
            Severity::Error
        };
        let before = &name[..*off];
        let in_parens = before.matches('(').count() > before.matches(')').count();
        if in_parens {
            // "(L&D Teams)": "Teams" after an ordinary word is the common noun.
            let open = before.rfind('(').unwrap_or(0);
            let common_noun = p == "Teams"
                && i > 0
                && toks[i - 1].0 > open
                && toks[i - 1].1 != "Microsoft"
                && !CONNECTORS.contains(&toks[i - 1].1.to_lowercase().as_str());
            if common_noun {
                continue;
            }
            return Some((p, "puts the Microsoft product name {p} in parentheses", sev));
        }
        if i == 0 {
            // "Teams …" is name-leads-with-teams-feature's finding.
            if p == "Teams" {
                return None;
            }
            return Some((p, "leads with the Microsoft product name {p}", sev));
        }
        let connected = toks[..i]
            .iter()
            .skip(1)
            .any(|(_, t)| CONNECTORS.contains(&t.to_lowercase().as_str()));
        if !connected {
            return Some((
                p,
                "uses the Microsoft product name {p} as part of the app's own name",
                Severity::Warning,
            ));
        }
        return None;
    }
    None
}

impl CodeRule for UsesMicrosoftProduct {
    fn id(&self) -> &'static str {
        "name-uses-microsoft-product"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let meta = registry().meta(self.id());
        for t in listing_texts(ctx).into_iter().filter(|t| t.field.is_name()) {
            let Some((p, how, sev)) = problem(t.value) else {
                continue;
            };
            let mut f = meta
                .finding(
                    t.file.clone(),
                    t.pointer.clone(),
                    format!("`{}` \"{}\" {}", t.field.key(), t.value, how.replace("{p}", &format!("\"{p}\""))),
                )
                .help(format!(
                    "Name the app after your own brand. Mention {p} only to say what the app works with, after your own name and without parentheses (\"Lumen connector for Microsoft Teams\"), and only with an official Microsoft partnership."
                ))
                .label("Microsoft product name");
            f.severity = sev;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util::test_support::*;
    use super::problem;
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "name-uses-microsoft-product";

    #[test]
    fn classifies_names() {
        assert_eq!(problem("Excel Reports").map(|p| p.2), Some(Severity::Error));
        assert_eq!(
            problem("Lumen (for Outlook)").map(|p| p.2),
            Some(Severity::Error)
        );
        assert_eq!(
            problem("Word Counter").map(|p| p.2),
            Some(Severity::Warning)
        );
        assert_eq!(
            problem("Lumen SharePoint Sync").map(|p| p.2),
            Some(Severity::Warning)
        );
        assert!(problem("Lumen connector for Microsoft Teams").is_none());
        assert!(problem("Lumen for Outlook").is_none());
        assert!(problem("Teams Standup").is_none());
        assert!(problem("Standup for teams").is_none());
        assert!(problem("Lumen Wordsmith").is_none());
        assert!(problem("Treinamento (L&D Teams)").is_none());
        assert!(problem("Lumen (for Teams)").is_some());
        assert!(problem("App using SharePoint Embedded").is_none());
    }

    #[test]
    fn fires_on_leading_product() {
        assert_eq!(
            name_short("Microsoft Standup").hits(ID),
            vec![at("manifest.json", "/name/short")]
        );
        let pkg = Pkg::from_fixture(LOCALIZED).edit("de-de.json", |v| {
            v["name.full"] = "Maplewick (Microsoft Teams)".into()
        });
        assert_eq!(pkg.hits(ID), vec![at("de-de.json", "/name.full")]);
    }

    #[test]
    fn passes_when_brand_leads() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(name_full("Harborlight Standup for Microsoft Teams")
            .hits(ID)
            .is_empty());
    }
}
