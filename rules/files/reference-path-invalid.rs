//! `reference-path-invalid`: a file reference (icon, localization, agent, plugin, OpenAPI,
//! template) must be a relative path inside the package: no URL, no leading `/` or `\`, no
//! drive letter, no `..`. A missing file or a case-only mismatch is reference-missing-file's.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::Out;

/// Why a raw reference is not a relative package path, if it is not.
pub fn path_problem(raw: &str) -> Option<&'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None; // the schema's business
    }
    if raw.contains("://") {
        return Some("is a URL; it must be the path of a file inside the package");
    }
    if let Some((scheme, _)) = raw.split_once(':') {
        let b = scheme.as_bytes();
        if b.len() == 1 && b[0].is_ascii_alphabetic() {
            return Some("is an absolute Windows path (drive letter); it must be relative to the package root");
        }
        if b.len() > 1
            && b[0].is_ascii_alphabetic()
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        {
            return Some("is a URI; it must be the path of a file inside the package");
        }
    }
    if raw.starts_with('/') || raw.starts_with('\\') {
        return Some("is an absolute path; it must be relative to the package root");
    }
    if raw.split(['/', '\\']).any(|seg| seg == "..") {
        return Some("climbs up with `..`; it must name a file inside the package without `..`");
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for r in &ctx.refs {
        if has_placeholder(&r.raw) {
            continue;
        }
        let Some(problem) = path_problem(&r.raw) else {
            continue;
        };
        out.push(
                Finding::at(
                    r.from.clone(),
                    r.pointer.clone(),
                    format!("`{}` is \"{}\", which {problem}", display_path(&r.pointer), r.raw.trim()),
                )
                .help("Put the file in the package and reference it by its path relative to the package root (for example `color.png` or `agents/declarativeAgent.json`): Teams reads files from the package only.")
                .label("not a package path"),
            );
    }
}

#[cfg(test)]
mod tests {
    use super::path_problem;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    #[test]
    fn url_absolute_and_parent_paths() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"icons": {"color": "https://cdn.example.org/color.png", "outline": "../outline.png"}}),
        );
        assert_eq!(
            pkg.hits("reference-path-invalid"),
            vec![
                at("manifest.json", "/icons/color"),
                at("manifest.json", "/icons/outline")
            ]
        );
        assert!(path_problem("/color.png").is_some());
        assert!(path_problem("\\color.png").is_some());
        assert!(path_problem("C:\\icons\\color.png").is_some());
        assert!(path_problem("data:image/png;base64,iVBOR").is_some());
    }

    #[test]
    fn relative_paths_and_placeholders_pass() {
        assert!(Pkg::base().hits("reference-path-invalid").is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits("reference-path-invalid")
            .is_empty());
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"icons": {"color": "${{ICON_URL}}"}}),
        );
        assert!(pkg.hits("reference-path-invalid").is_empty());
        assert!(path_problem("./img/color.png").is_none());
    }
}
