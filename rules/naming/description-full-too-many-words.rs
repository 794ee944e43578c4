//! `description-full-too-many-words`: the full description is longer than 500 words.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::naming::util::{listing_texts, Field};
use crate::rules::Out;

pub const MAX_WORDS: usize = 500;

/// Words as a reader counts them: whitespace-separated runs holding a letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in listing_texts(ctx) {
        if t.field != Field::DescriptionFull {
            continue;
        }
        let n = word_count(t.value);
        if n <= MAX_WORDS {
            continue;
        }
        out.push(
                Finding::at(
                    t.file.clone(),
                    t.pointer.clone(),
                    format!("`description.full` is {n} words long; the limit is {MAX_WORDS}"),
                )
                .help(format!(
                    "Cut {} words: keep what the app does, for whom, its key features as a short list, prerequisites and a help link.",
                    n - MAX_WORDS
                ))
                .label("over 500 words"),
            );
    }
}

#[cfg(test)]
mod tests {
    use super::word_count;
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "description-full-too-many-words";

    #[test]
    fn fires_over_500_words() {
        assert_eq!(
            desc_full(&"word ".repeat(501)).hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
    }

    #[test]
    fn passes_at_500_words() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(desc_full(&"word ".repeat(500)).hits(ID).is_empty());
        assert_eq!(word_count("- one, two -- three\n\n* four"), 4);
    }
}
