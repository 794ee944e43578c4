//! Shared helpers for the naming rules: the listing texts (names and descriptions) of the
//! manifest and of every localization file, and word tokens with their positions.

use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::data::{files_of, FileSet};

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

/// Words of `s` (runs of letters and digits) with their byte offsets.
pub fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
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
    }
}
