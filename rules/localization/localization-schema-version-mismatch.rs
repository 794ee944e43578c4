//! `localization-schema-version-mismatch`: a localization file's `$schema` names another
//! version than the manifest's `manifestVersion`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::localization::{localization_files, schema_url_version};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(manifest) = ctx.manifest() else {
        return;
    };
    let Some(version) = manifest.str_at("/manifestVersion") else {
        return;
    };
    if has_placeholder(version) {
        return;
    }
    for file in localization_files(ctx) {
        let Some(doc) = ctx.docs.get(&file) else {
            continue;
        };
        let Some(url) = doc.str_at("/$schema") else {
            continue;
        };
        if has_placeholder(url) {
            continue;
        }
        let Some(loc_version) = schema_url_version(url) else {
            continue;
        };
        if loc_version.eq_ignore_ascii_case(version.trim()) {
            continue;
        }
        out.push(
                Finding::at(
                    file.clone(),
                    "/$schema",
                    format!(
                        "`{file}` uses the localization schema {loc_version}, but `manifestVersion` is {version}"
                    ),
                )
                .help(format!(
                    "Point `$schema` at https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.Localization.schema.json, the version of the manifest, and update the file to that schema."
                ))
                .label("other version"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "localization-schema-version-mismatch";
    const LOC: &str = "fixtures/packages/localized-tab";

    #[test]
    fn flags_an_older_localization_schema() {
        let pkg = Pkg::from_fixture(LOC).patch(
            "fr-fr.json",
            json!({"$schema": "https://developer.microsoft.com/json-schemas/teams/v1.28/MicrosoftTeams.Localization.schema.json"}),
        );
        assert_eq!(pkg.hits(ID), vec![at("fr-fr.json", "/$schema")]);
    }

    #[test]
    fn accepts_matching_versions() {
        assert!(Pkg::from_fixture(LOC).hits(ID).is_empty());
    }
}
