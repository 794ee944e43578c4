//! `localization-languages-not-listed` (heuristic): the app has localization files, but the
//! manifest's long description does not name the languages it is available in.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

/// Primary language subtags with their English name and other names a description may use
/// (the language's own name, common variants). Languages not listed are not judged.
const LANGUAGES: &[(&str, &[&str])] = &[
    ("ar", &["Arabic", "العربية"]),
    ("bg", &["Bulgarian", "български"]),
    ("bn", &["Bengali", "Bangla"]),
    ("ca", &["Catalan", "Català"]),
    ("cs", &["Czech", "Čeština"]),
    ("cy", &["Welsh", "Cymraeg"]),
    ("da", &["Danish", "Dansk"]),
    ("de", &["German", "Deutsch"]),
    ("el", &["Greek", "Ελληνικά"]),
    ("en", &["English"]),
    ("es", &["Spanish", "Español", "Castilian"]),
    ("et", &["Estonian", "Eesti"]),
    ("eu", &["Basque", "Euskara"]),
    ("fa", &["Persian", "Farsi", "فارسی"]),
    ("fi", &["Finnish", "Suomi"]),
    ("fil", &["Filipino", "Tagalog"]),
    ("fr", &["French", "Français"]),
    ("ga", &["Irish", "Gaeilge"]),
    ("gl", &["Galician", "Galego"]),
    ("gu", &["Gujarati"]),
    ("he", &["Hebrew", "עברית"]),
    ("hi", &["Hindi", "हिन्दी"]),
    ("hr", &["Croatian", "Hrvatski"]),
    ("hu", &["Hungarian", "Magyar"]),
    ("id", &["Indonesian", "Bahasa Indonesia"]),
    ("is", &["Icelandic", "Íslenska"]),
    ("it", &["Italian", "Italiano"]),
    ("ja", &["Japanese", "日本語"]),
    ("kk", &["Kazakh"]),
    ("kn", &["Kannada"]),
    ("ko", &["Korean", "한국어"]),
    ("lt", &["Lithuanian", "Lietuvių"]),
    ("lv", &["Latvian", "Latviešu"]),
    ("mr", &["Marathi"]),
    ("ms", &["Malay", "Bahasa Melayu"]),
    ("nb", &["Norwegian", "Norsk", "Bokmål"]),
    ("nl", &["Dutch", "Nederlands", "Flemish"]),
    ("nn", &["Norwegian", "Norsk", "Nynorsk"]),
    ("no", &["Norwegian", "Norsk"]),
    ("pl", &["Polish", "Polski"]),
    ("pt", &["Portuguese", "Português"]),
    ("ro", &["Romanian", "Română"]),
    ("ru", &["Russian", "Русский"]),
    ("sk", &["Slovak", "Slovenčina"]),
    ("sl", &["Slovenian", "Slovene", "Slovenščina"]),
    ("sq", &["Albanian", "Shqip"]),
    ("sr", &["Serbian", "Srpski", "Српски"]),
    ("sv", &["Swedish", "Svenska"]),
    ("sw", &["Swahili", "Kiswahili"]),
    ("ta", &["Tamil"]),
    ("te", &["Telugu"]),
    ("th", &["Thai", "ไทย"]),
    ("tr", &["Turkish", "Türkçe"]),
    ("uk", &["Ukrainian", "Українська"]),
    ("ur", &["Urdu"]),
    ("vi", &["Vietnamese", "Tiếng Việt"]),
    (
        "zh",
        &[
            "Chinese",
            "中文",
            "简体",
            "繁體",
            "繁体",
            "Mandarin",
            "Cantonese",
        ],
    ),
];

fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let m = &doc.value;
    let Some(full) = doc.str_at("/description/full") else {
        return;
    };
    if full.trim().is_empty() || has_placeholder(full) {
        return;
    }
    let default = m
        .pointer("/localizationInfo/defaultLanguageTag")
        .and_then(Value::as_str)
        .map(primary)
        .unwrap_or_default();
    let lower = full.to_lowercase();
    let mut missing: Vec<&str> = Vec::new();
    for (_, lang) in items(m, "/localizationInfo/additionalLanguages") {
        let Some(tag) = lang.get("languageTag").and_then(Value::as_str) else {
            continue;
        };
        let p = primary(tag);
        if p == default {
            continue; // a regional variant of the default language
        }
        let Some((_, names)) = LANGUAGES.iter().find(|(code, _)| *code == p) else {
            continue;
        };
        if names.iter().any(|n| lower.contains(&n.to_lowercase())) || missing.contains(&names[0]) {
            continue;
        }
        missing.push(names[0]);
    }
    if missing.is_empty() {
        return;
    }
    out.push(
        Finding::at(
            MANIFEST,
            "/description/full",
            format!(
                "the app is localized into {}, but `description.full` does not name {}",
                missing.join(", "),
                if missing.len() == 1 { "that language" } else { "these languages" }
            ),
        )
        .help(format!(
            "Add a sentence such as \"This app is available in English, {}.\" to the long description (and to the description in Partner Center).",
            missing.join(", ")
        ))
        .label("supported languages not listed"),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "localization-languages-not-listed";
    const LOC: &str = "fixtures/packages/localized-tab";

    #[test]
    fn names_the_languages_missing_from_the_description() {
        let pkg = Pkg::from_fixture(LOC).edit("manifest.json", |m| {
            let full = m["description"]["full"].as_str().unwrap().replace(
                "This app is available in English, French, and German.",
                "This app is available in English and French.",
            );
            m["description"]["full"] = json!(full);
        });
        let f = pkg.findings(ID);
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/description/full")]);
        assert!(f[0].message.contains("into German"), "{}", f[0].message);
    }

    #[test]
    fn listed_native_and_default_variants_pass() {
        assert!(Pkg::from_fixture(LOC).hits(ID).is_empty());
        let variants = Pkg::from_fixture(LOC).edit("manifest.json", |m| {
            let full = m["description"]["full"].as_str().unwrap().replace(
                "This app is available in English, French, and German.",
                "Disponible en français. Auf Deutsch verfügbar.",
            );
            m["description"]["full"] = json!(full);
            m["localizationInfo"]["additionalLanguages"][1]["languageTag"] = json!("en-gb");
        });
        assert!(variants.hits(ID).is_empty());
    }
}
