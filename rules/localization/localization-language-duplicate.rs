//! `localization-language-duplicate`: an additional language is listed twice, or is the
//! default language (compared case-insensitively).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(info) = doc.value.get("localizationInfo") else {
        return;
    };
    let default = info
        .get("defaultLanguageTag")
        .and_then(Value::as_str)
        .map(|s| s.trim().to_ascii_lowercase());
    let mut seen: HashMap<String, String> = HashMap::new();
    let langs = info.get("additionalLanguages").and_then(Value::as_array);
    for (i, lang) in langs.into_iter().flatten().enumerate() {
        let Some(tag) = lang.get("languageTag").and_then(Value::as_str) else {
            continue;
        };
        let key = tag.trim().to_ascii_lowercase();
        if key.is_empty() || has_placeholder(tag) {
            continue;
        }
        let pointer = format!("/localizationInfo/additionalLanguages/{i}/languageTag");
        let (message, help) = if default.as_deref() == Some(key.as_str()) {
            (
                    format!("`{}` is \"{tag}\", the default language of the app", display_path(&pointer)),
                    "Remove this entry: the default language's strings are the manifest's own (or `defaultLanguageFile`).".to_string(),
                )
        } else if let Some(first) = seen.get(&key) {
            (
                format!(
                    "`{}` is \"{tag}\", already listed at `{}`",
                    display_path(&pointer),
                    display_path(first)
                ),
                "List each language once, with one localization file.".to_string(),
            )
        } else {
            seen.insert(key, pointer);
            continue;
        };
        out.push(
            Finding::at(MANIFEST, pointer, message)
                .help(help)
                .label("language listed twice"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "localization-language-duplicate";
    const LOC: &str = "fixtures/packages/localized-tab";

    #[test]
    fn flags_repeated_and_default_languages() {
        let pkg = Pkg::from_fixture(LOC).edit("manifest.json", |m| {
            m["localizationInfo"]["additionalLanguages"] = json!([
                {"languageTag": "fr-fr", "file": "fr-fr.json"},
                {"languageTag": "FR-FR", "file": "de-de.json"},
                {"languageTag": "en-US", "file": "de-de.json"}
            ]);
        });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/localizationInfo/additionalLanguages/1/languageTag"
                ),
                at(
                    "manifest.json",
                    "/localizationInfo/additionalLanguages/2/languageTag"
                ),
            ]
        );
    }

    #[test]
    fn accepts_distinct_languages() {
        assert!(Pkg::from_fixture(LOC).hits(ID).is_empty());
    }
}
