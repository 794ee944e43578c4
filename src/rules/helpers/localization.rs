//! Code rules: localization (`localizationInfo` and the localization files).

use crate::model::Ctx;

/// The parsed localization files of the package, sorted and deduplicated.
pub(crate) fn localization_files(ctx: &Ctx<'_>) -> Vec<String> {
    crate::rules::data::files_of(ctx, crate::rules::data::FileSet::Localization)
}

/// The manifest version a `$schema` URL names (`1.16`, `devPreview`), if it names one.
pub(crate) fn schema_url_version(url: &str) -> Option<String> {
    if let Some(v) = crate::schema::schema_path_for_url(url)
        .as_deref()
        .and_then(crate::schema::teams_version_of_path)
    {
        return Some(v);
    }
    url.split(['/', '\\']).find_map(|seg| {
        let rest = seg.strip_prefix('v').or_else(|| seg.strip_prefix('V'))?;
        if rest.eq_ignore_ascii_case("devpreview") {
            return Some("devPreview".to_string());
        }
        let ok = rest.split('.').count() >= 2
            && rest
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        ok.then(|| rest.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::schema_url_version;

    #[test]
    fn reads_versions_from_schema_urls() {
        assert_eq!(
            schema_url_version("https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.Localization.schema.json").as_deref(),
            Some("1.16")
        );
        assert_eq!(
            schema_url_version(
                "https://example.org/teams/v1.99/MicrosoftTeams.Localization.schema.json"
            )
            .as_deref(),
            Some("1.99")
        );
        assert_eq!(
            schema_url_version("https://developer.microsoft.com/json-schemas/teams/vDevPreview/MicrosoftTeams.Localization.schema.json").as_deref(),
            Some("devPreview")
        );
        assert_eq!(schema_url_version("https://x.org/schema.json"), None);
    }
}
