//! `listing-microsoft-abbreviation`: "MS" or "MSFT" used for Microsoft in a name or
//! description.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, tokens};
use crate::rules::Out;

/// The first "MS"/"MSFT" standing alone (not part of "MS-DOS" or "ms"), if any.
pub fn abbreviation(s: &str) -> Option<&str> {
    tokens(s).into_iter().find_map(|(off, w)| {
        if w != "MS" && w != "MSFT" {
            return None;
        }
        let prev = s[..off].chars().next_back();
        let rest = &s[off + w.len()..];
        let next = rest.chars().next();
        let joined = |c: Option<char>| matches!(c, Some('-' | '.' | '/' | '_' | '@' | '&'));
        // "MS-Teams", "MS-Office": the abbreviation joined to a Microsoft product by a hyphen.
        let product = [
            "Teams",
            "Office",
            "Outlook",
            "Excel",
            "Word",
            "Windows",
            "SharePoint",
        ]
        .iter()
        .any(|p| rest.strip_prefix('-').is_some_and(|r| r.starts_with(p)));
        (product || (!joined(prev) && !joined(next))).then_some(w)
    })
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in listing_texts(ctx) {
        let Some(w) = abbreviation(t.value) else {
            continue;
        };
        out.push(
            Finding::at(
                t.file.clone(),
                t.pointer.clone(),
                format!("`{}` abbreviates Microsoft as \"{w}\"", t.field.key()),
            )
            .help(format!(
                "Write \"Microsoft\" in full (\"Microsoft Teams\", not \"{w} Teams\")."
            ))
            .label("abbreviation of Microsoft"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::abbreviation;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "listing-microsoft-abbreviation";

    #[test]
    fn fires_on_ms_and_msft() {
        assert_eq!(
            desc_short("Daily check-ins in MS Teams.").hits(ID),
            vec![at("manifest.json", "/description/short")]
        );
        assert_eq!(abbreviation("Works with MSFT tools"), Some("MSFT"));
    }

    #[test]
    fn passes_on_other_uses() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert_eq!(abbreviation("Runs on MS-DOS"), None);
        assert_eq!(abbreviation("Check-ins in MS-Teams."), Some("MS"));
        assert_eq!(abbreviation("responds in 200 ms"), None);
        assert_eq!(abbreviation("MSc students"), None);
    }
}
