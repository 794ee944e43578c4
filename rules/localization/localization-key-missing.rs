//! `localization-key-missing`: a localization file does not translate a name or description
//! the manifest has (`name.short`, `name.full`, `description.short`, `description.full`).
//! Keys the file's schema requires are left to the schema.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::localization::{localization_files, schema_url_version};
use crate::rules::Out;
use serde_json::Value;

const KEYS: &[(&str, &str)] = &[
    ("name.short", "/name/short"),
    ("name.full", "/name/full"),
    ("description.short", "/description/short"),
    ("description.full", "/description/full"),
];

/// The properties the localization schema that applies to the file requires.
fn required_by_schema(ctx: &Ctx<'_>, doc: &Value) -> Vec<String> {
    let file = "MicrosoftTeams.Localization.schema.json";
    let path = doc
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(crate::schema::schema_path_for_url)
        .filter(|p| p.ends_with(file))
        .or_else(|| {
            let v = ctx.manifest_version.clone().or_else(|| {
                doc.get("$schema")
                    .and_then(Value::as_str)
                    .and_then(schema_url_version)
            })?;
            crate::schema::teams_schema_path(&v, file)
        });
    let Some(path) = path else { return Vec::new() };
    let Some((_, text)) = crate::schema::files().iter().find(|(p, _)| *p == path) else {
        return Vec::new();
    };
    let schema: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(manifest) = ctx.manifest() else {
        return;
    };
    let present: Vec<&str> = KEYS
        .iter()
        .filter(|(_, p)| manifest.str_at(p).is_some_and(|s| !s.trim().is_empty()))
        .map(|(k, _)| *k)
        .collect();
    for file in localization_files(ctx) {
        let Some(doc) = ctx.docs.get(&file) else {
            continue;
        };
        let Some(obj) = doc.value.as_object() else {
            continue;
        };
        let required = required_by_schema(ctx, &doc.value);
        let missing: Vec<&str> = present
            .iter()
            .copied()
            .filter(|k| !obj.contains_key(*k) && !required.iter().any(|r| r == k))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list = missing
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
                Finding::at(
                    file.clone(),
                    "",
                    format!("`{file}` does not translate {list}, which the manifest has"),
                )
                .help(format!(
                    "Add {list} to `{file}` with the translated text, so users of that language see the same names and descriptions as the default language."
                ))
                .label("untranslated keys"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "localization-key-missing";
    const LOC: &str = "fixtures/packages/localized-tab";

    #[test]
    fn flags_a_file_missing_the_full_name() {
        // `name.full` is optional in the 1.30 localization schema.
        let pkg = Pkg::from_fixture(LOC).patch("de-de.json", json!({"name.full": null}));
        assert_eq!(pkg.hits(ID), vec![at("de-de.json", "")]);
        assert!(pkg.findings(ID)[0].message.contains("`name.full`"));
    }

    #[test]
    fn leaves_schema_required_keys_to_the_schema() {
        let pkg = Pkg::from_fixture(LOC).patch("de-de.json", json!({"description.full": null}));
        assert!(pkg.hits(ID).is_empty());
        assert!(Pkg::from_fixture(LOC).hits(ID).is_empty());
    }
}
