//! `description-full-same-as-short`: the full description repeats the short one word for word.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, Field};
use crate::rules::Out;

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '!'])
        .to_lowercase()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let texts = listing_texts(ctx);
    for full in texts.iter().filter(|t| t.field == Field::DescriptionFull) {
        let Some(short) = texts
            .iter()
            .find(|t| t.file == full.file && t.field == Field::DescriptionShort)
        else {
            continue;
        };
        if normalize(short.value) != normalize(full.value) {
            continue;
        }
        out.push(
                Finding::at(
                    full.file.clone(),
                    full.pointer.clone(),
                    "`description.full` is the same text as `description.short`",
                )
                .help("Write a full description that explains what the app does, for whom, its main features, prerequisites (accounts, licences) and where to get help; keep the short description to one sentence.")
                .label("same as the short description"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-full-same-as-short";

    #[test]
    fn fires_when_equal() {
        let short = Pkg::base().json("manifest.json")["description"]["short"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            desc_full(&format!("  {short} ")).hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
        let loc = Pkg::from_fixture(LOCALIZED).edit("de-de.json", |v| {
            v["description.full"] = v["description.short"].clone();
        });
        assert_eq!(loc.hits(ID), vec![at("de-de.json", "/description.full")]);
    }

    #[test]
    fn passes_when_full_extends_short() {
        assert!(Pkg::base().hits(ID).is_empty());
        let short = Pkg::base().json("manifest.json")["description"]["short"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(desc_full(&format!("{short} Works in channels and chats."))
            .hits(ID)
            .is_empty());
    }
}
