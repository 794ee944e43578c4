//! `listing-office-365-name`: a name or description says "Office 365" or "O365" instead of
//! "Microsoft 365".

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, tokens};
use crate::rules::Out;

/// The outdated name used in `s`, if any.
pub fn outdated(s: &str) -> Option<&'static str> {
    let toks = tokens(s);
    for (i, (off, w)) in toks.iter().enumerate() {
        if w.eq_ignore_ascii_case("O365") {
            return Some("O365");
        }
        if w.eq_ignore_ascii_case("Office365") {
            return Some("Office365");
        }
        if w.eq_ignore_ascii_case("Office") {
            if let Some((noff, "365")) = toks.get(i + 1).copied() {
                let between = &s[off + w.len()..noff];
                if between.chars().all(char::is_whitespace) {
                    return Some("Office 365");
                }
            }
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in listing_texts(ctx) {
        let Some(old) = outdated(t.value) else {
            continue;
        };
        out.push(
            Finding::at(
                t.file.clone(),
                t.pointer.clone(),
                format!(
                    "`{}` says \"{old}\"; the product is now Microsoft 365",
                    t.field.key()
                ),
            )
            .help(format!("Replace \"{old}\" with \"Microsoft 365\"."))
            .label("outdated product name"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::outdated;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "listing-office-365-name";

    #[test]
    fn fires_on_office_365() {
        assert_eq!(
            desc_full("Works with Office 365 groups.").hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
        assert_eq!(outdated("Syncs your O365 mail"), Some("O365"));
        assert_eq!(outdated("Works with Office365."), Some("Office365"));
        assert_eq!(outdated("Search office 365 resources"), Some("Office 365"));
    }

    #[test]
    fn passes_on_microsoft_365() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert_eq!(
            outdated("Works in Microsoft 365 and the Office app, 365 days a year"),
            None
        );
    }
}
