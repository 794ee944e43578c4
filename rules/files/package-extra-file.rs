//! `package-extra-file`: a zip may hold only manifest.json and the files the manifest (and the
//! files it references, transitively) point to. Folder inputs are not checked: the Agents
//! Toolkit builds the zip from the referenced files only.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::{has_placeholder, RefKind};
use crate::rules::helpers::files::util::matches_template;
use crate::rules::helpers::secrets::util::secret_file_kind;
use crate::rules::Out;
use std::collections::BTreeSet;

/// What a well-known stray file is.
fn known_junk(name: &str) -> Option<&'static str> {
    let base = name
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(name);
    match base {
        ".DS_Store" => Some("macOS Finder metadata (`.DS_Store`)"),
        "Thumbs.db" | "thumbs.db" => Some("a Windows thumbnail cache (`Thumbs.db`)"),
        "desktop.ini" => Some("Windows folder settings (`desktop.ini`)"),
        _ if base.starts_with("._") => Some("a macOS resource fork (`._` file)"),
        _ => None,
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if !ctx.package.is_zip() || ctx.manifest().is_none() {
        return;
    }
    let mut allowed: BTreeSet<String> = BTreeSet::new();
    allowed.insert(MANIFEST.to_string());
    let mut templates: Vec<String> = Vec::new();
    // Every file of an agent skill folder belongs to the skill (SKILL.md and the scripts,
    // references and assets it may bundle).
    let mut folders: Vec<String> = Vec::new();
    for r in &ctx.refs {
        let Some(t) = &r.target else { continue };
        if r.kind == RefKind::SkillFolder && !has_placeholder(t) {
            folders.push(format!("{}/", t.trim_end_matches('/')));
            continue;
        }
        if has_placeholder(t) {
            templates.push(t.clone());
        } else {
            allowed.insert(t.clone());
        }
    }
    // A declarative agent or plugin file that is missing or unreadable hides the files it
    // would reference: JSON and YAML files are then left alone (one root cause).
    let chain_broken = ctx.refs.iter().any(|r| {
        matches!(r.kind, RefKind::DeclarativeAgent | RefKind::Plugin)
            && r.target.as_ref().is_none_or(|t| !ctx.docs.contains_key(t))
    });
    let maybe_hidden = |name: &str| {
        let lower = name.to_ascii_lowercase();
        chain_broken
            && [".json", ".yaml", ".yml"]
                .iter()
                .any(|e| lower.ends_with(e))
    };
    let lower: BTreeSet<String> = allowed.iter().map(|a| a.to_ascii_lowercase()).collect();
    let is_allowed = |name: &str| {
        allowed.contains(name)
                || folders.iter().any(|f| name.starts_with(f.as_str()))
                // A case-only mismatch is reference-missing-file's finding.
                || lower.contains(&name.to_ascii_lowercase())
                || templates.iter().any(|t| matches_template(t, name))
    };
    let allowed_list: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
    let help = format!(
            "Remove it and rebuild the zip from the allowed files only ({}). The Agents Toolkit (`atk package`) packs exactly these; when zipping by hand, list the files instead of zipping a folder, and on macOS use `zip -X` or exclude `__MACOSX` and `.DS_Store`.",
            allowed_list.join(", ")
        );
    let mut macosx: Vec<&str> = Vec::new();
    for name in ctx.package.names() {
        if name.starts_with("__MACOSX/") {
            macosx.push(name);
            continue;
        }
        if is_allowed(name) || secret_file_kind(name).is_some() || maybe_hidden(name) {
            continue;
        }
        // An archive inside the package is package-nested-zip's finding (one root cause).
        if matches!(ctx.package.read(name), Some(Ok(bytes)) if crate::package::is_zip_data(bytes)) {
            continue;
        }
        let message = match known_junk(name) {
                Some(what) => format!("`{name}` is {what}; the package may hold only the manifest and the files it references"),
                None => format!("`{name}` is not referenced by the manifest or the files it references; the store rejects packages with additional files"),
            };
        out.push(
            Finding::at(name, "", message)
                .help(help.clone())
                .label("additional file"),
        );
    }
    for folder in &ctx.package.folder_entries {
        if folder.starts_with("__MACOSX/") {
            macosx.push(folder);
            continue;
        }
        let holds_allowed = allowed.iter().any(|a| a.starts_with(folder.as_str()))
            || templates.iter().any(|t| t.starts_with(folder.as_str()))
            || folders
                .iter()
                .any(|f| f.starts_with(folder.as_str()) || folder.starts_with(f.as_str()));
        if holds_allowed {
            continue;
        }
        out.push(
                Finding::at(
                    folder.clone(),
                    "",
                    format!("the package holds the folder `{folder}`, which no reference uses; the store rejects packages with additional folders"),
                )
                .help(help.clone())
                .label("additional folder"),
            );
    }
    if let Some(first) = macosx.first() {
        let n = macosx.len();
        out.push(
                Finding::at(
                    *first,
                    "",
                    format!(
                        "the package holds the `__MACOSX/` folder ({n} {}): macOS Finder metadata added by \"Compress\"; the store rejects packages with additional files",
                        if n == 1 { "entry" } else { "entries" }
                    ),
                )
                .help(help.clone())
                .label("__MACOSX"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    #[test]
    fn readme_ds_store_and_macosx() {
        let pkg = Pkg::base()
            .set("README.md", b"# app".to_vec())
            .set("img/.DS_Store", vec![0, 0, 0, 1])
            .set("__MACOSX/._color.png", vec![0])
            .set("__MACOSX/._outline.png", vec![0]);
        let f = pkg.findings("package-extra-file");
        let hits: Vec<_> = f
            .iter()
            .map(|f| (f.file.clone(), f.pointer.clone()))
            .collect();
        assert_eq!(
            hits,
            vec![
                at("README.md", ""),
                at("__MACOSX/._color.png", ""),
                at("img/.DS_Store", "")
            ]
        );
        assert!(
            f[2].message.contains("macOS Finder metadata"),
            "{}",
            f[2].message
        );
        assert!(f[1].message.contains("2 entries"), "{}", f[1].message);
        for allowed in ["`manifest.json`", "`color.png`", "`outline.png`"] {
            assert!(f[0].help.contains(allowed), "{}", f[0].help);
        }
    }

    #[test]
    fn referenced_files_pass_including_placeholder_names() {
        assert!(Pkg::base().hits("package-extra-file").is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits("package-extra-file")
            .is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/localized-tab")
            .hits("package-extra-file")
            .is_empty());
        let pkg = Pkg::base()
            .patch(
                "manifest.json",
                json!({"icons": {"color": "color-${{TEAMSFX_ENV}}.png"}}),
            )
            .set(
                "color-dev.png",
                Pkg::base()
                    .files
                    .iter()
                    .find(|f| f.0 == "color.png")
                    .map(|f| f.1.clone())
                    .unwrap_or_default(),
            )
            .remove("color.png");
        assert!(pkg.hits("package-extra-file").is_empty());
    }

    #[test]
    fn missing_agent_file_hides_what_it_references() {
        let pkg = Pkg::from_fixture("fixtures/packages/declarative-agent")
            .remove("declarativeAgent.json")
            .set("README.md", b"x".to_vec());
        assert_eq!(pkg.hits("package-extra-file"), vec![at("README.md", "")]);
    }

    #[test]
    fn case_only_mismatch_is_left_to_the_reference_rule() {
        let pkg = Pkg::base().patch("manifest.json", json!({"icons": {"color": "Color.png"}}));
        assert!(pkg.hits("package-extra-file").is_empty());
    }
}
