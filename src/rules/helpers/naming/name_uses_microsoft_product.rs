//! The shared logic of `name-uses-microsoft-product` and the rules split from it (`name-microsoft-product-weak`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, tokens};

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
pub(crate) fn problem(name: &str) -> Option<(&'static str, &'static str, Severity)> {
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

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for t in listing_texts(ctx).into_iter().filter(|t| t.field.is_name()) {
        let Some((p, how, sev)) = problem(t.value) else {
            continue;
        };
        let mut f = Finding::at(
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

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
