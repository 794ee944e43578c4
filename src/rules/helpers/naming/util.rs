//! Shared helpers for the naming rules: the listing texts (names and descriptions) of the
//! manifest and of every localization file, and word tokens with their positions.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::data::{files_of, FileSet};
use crate::rules::Out;

/// A listing field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    NameShort,
    NameFull,
    DescriptionShort,
    DescriptionFull,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::NameShort,
        Field::NameFull,
        Field::DescriptionShort,
        Field::DescriptionFull,
    ];

    /// The dotted name, as the localization files write it (`name.short`).
    pub fn key(self) -> &'static str {
        match self {
            Field::NameShort => "name.short",
            Field::NameFull => "name.full",
            Field::DescriptionShort => "description.short",
            Field::DescriptionFull => "description.full",
        }
    }

    pub fn is_name(self) -> bool {
        matches!(self, Field::NameShort | Field::NameFull)
    }
}

/// One listing text of one file.
pub struct ListingText<'a> {
    pub file: String,
    pub pointer: String,
    pub field: Field,
    pub value: &'a str,
}

/// Reports what `find` finds in each description (the listing texts other than the names)
/// of the manifest and its localization files: one finding at the text, its message
/// `message(field key, what was found)`.
pub fn report_descriptions(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    find: impl Fn(&str) -> Option<String>,
    message: impl Fn(&str, &str) -> String,
    help: &str,
    label: &str,
) {
    for t in listing_texts(ctx)
        .into_iter()
        .filter(|t| !t.field.is_name())
    {
        let Some(found) = find(t.value) else { continue };
        out.push(
            Finding::at(t.file, t.pointer, message(t.field.key(), &found))
                .help(help)
                .label(label),
        );
    }
}

/// The listing texts of the manifest and of every localization file, skipping missing and
/// empty values (the schema's) and values holding a template placeholder (the placeholder
/// rule's).
pub fn listing_texts<'a>(ctx: &'a Ctx<'_>) -> Vec<ListingText<'a>> {
    let mut out = Vec::new();
    for file in files_of(ctx, FileSet::ManifestAndLocalization) {
        let Some(doc) = ctx.docs.get(&file) else {
            continue;
        };
        for field in Field::ALL {
            let pointer = if file == MANIFEST {
                format!("/{}", field.key().replace('.', "/"))
            } else {
                format!("/{}", field.key())
            };
            let Some(value) = doc.value.pointer(&pointer).and_then(|v| v.as_str()) else {
                continue;
            };
            if value.trim().is_empty() || has_placeholder(value) {
                continue;
            }
            out.push(ListingText {
                file: file.clone(),
                pointer,
                field,
                value,
            });
        }
    }
    out
}

/// Whether `c` belongs to a script written without spaces between words (Chinese, Japanese
/// kana, Korean Hangul, Thai and its neighbours): a change between such a script and any
/// other letter is a word boundary, so "在Microsoft Teams" holds the word "Microsoft".
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x1100..=0x11FF    // Hangul Jamo
        | 0x2E80..=0x2FDF    // CJK radicals
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x31F0..=0x31FF    // Katakana extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x3134F // CJK extensions B to G
    )
}

/// Words of `s` (runs of letters and digits) with their byte offsets. A change between a
/// script written without spaces (CJK, Thai…) and another script also ends a word.
pub fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut unspaced = false;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            let u = is_unspaced_script(c);
            match start {
                None => start = Some(i),
                Some(b) if u != unspaced => {
                    out.push((b, &s[b..i]));
                    start = Some(i);
                }
                Some(_) => {}
            }
            unspaced = u;
        } else if let Some(b) = start.take() {
            out.push((b, &s[b..i]));
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// Texts in tests: the base package with the manifest's listing fields patched.
#[cfg(test)]
pub mod test_support {
    use crate::rules::testing::Pkg;
    use serde_json::json;

    pub fn name_short(v: &str) -> Pkg {
        Pkg::base().patch("manifest.json", json!({"name": {"short": v}}))
    }

    pub fn name_full(v: &str) -> Pkg {
        Pkg::base().patch("manifest.json", json!({"name": {"full": v}}))
    }

    pub fn desc_full(v: &str) -> Pkg {
        Pkg::base().patch("manifest.json", json!({"description": {"full": v}}))
    }

    pub fn desc_short(v: &str) -> Pkg {
        Pkg::base().patch("manifest.json", json!({"description": {"short": v}}))
    }

    pub const LOCALIZED: &str = "fixtures/packages/localized-tab";
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn tokens_with_offsets() {
        assert_eq!(
            tokens("Lumen (for MS-Teams) 365"),
            vec![
                (0, "Lumen"),
                (7, "for"),
                (11, "MS"),
                (14, "Teams"),
                (21, "365")
            ]
        );
        // Chinese writes no space before a Latin word: the script change is a boundary.
        assert_eq!(
            tokens("在Microsoft Teams中"),
            vec![(0, "在"), (3, "Microsoft"), (13, "Teams"), (18, "中")]
        );
        assert_eq!(tokens("テスト版Beta"), vec![(0, "テスト版"), (12, "Beta")]);
    }
}
