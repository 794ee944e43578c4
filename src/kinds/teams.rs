//! The Teams app kind: a zip (or folder) with `manifest.json` at its root, the icons, and the
//! localization, declarative agent, plugin, OpenAPI and response template files the manifest
//! references. Its schemas are picked from `manifestVersion` and from each file's own version.

use super::{read_json, validate_doc, PackageKind};
use crate::finding::Finding;
use crate::json::JsonDoc;
use crate::model::{Ctx, MANIFEST};
use crate::options::Options;
use crate::package::Package;
use crate::references::{self, has_placeholder, FileRef, RefKind};
use crate::report::AppInfo;
use crate::schema;
use serde_json::Value;

/// The Teams app package kind.
pub(crate) struct Teams;

impl PackageKind for Teams {
    fn name(&self) -> &'static str {
        "teams"
    }

    fn recognises(&self, _package: &Package) -> bool {
        true
    }

    fn load(&self, ctx: &mut Ctx<'_>, options: &Options, findings: &mut Vec<Finding>) {
        if locate_manifest(ctx.package, findings) {
            load_manifest(ctx, options, findings);
        }
        if ctx.manifest().is_some() {
            check_manifest_schema(ctx, findings);
            check_references(ctx, options, findings);
        }
    }

    fn app_info(&self, ctx: &Ctx<'_>) -> AppInfo {
        app_info(ctx.manifest())
    }
}

fn locate_manifest(package: &Package, findings: &mut Vec<Finding>) -> bool {
    if package.contains(MANIFEST) {
        return true;
    }
    let nested: Vec<&str> = package
        .names()
        .filter(|n| n.rsplit('/').next() == Some(MANIFEST))
        .collect();
    let help_root = if package.is_zip() {
        "The zip must hold manifest.json and the icons at its root, not inside a folder: zip the files themselves (`cd appPackage && zip -r ../app.zip .`), not the folder that holds them."
    } else {
        "Point appcert at the folder that holds manifest.json."
    };
    if nested.is_empty() {
        let case = package
            .names()
            .find(|n| n.eq_ignore_ascii_case(MANIFEST))
            .map(str::to_string);
        let message = match &case {
            Some(c) => format!("the package has no manifest.json at its root (it has `{c}`: the name must be lowercase)"),
            None => "the package has no manifest.json".to_string(),
        };
        findings.push(Finding::new("manifest-missing", "", "", message).help(
            "Every Teams app package needs a manifest.json at the root of the zip, next to the color and outline icons.",
        ));
    } else {
        let folders: Vec<String> = nested
            .iter()
            .map(|n| format!("`{}`", n.trim_end_matches(MANIFEST).trim_end_matches('/')))
            .collect();
        let message = if nested.len() == 1 {
            format!(
                "manifest.json is inside the folder {} instead of at the root of the package",
                folders[0]
            )
        } else {
            format!(
                "the package has several manifest.json files, none at its root (in {})",
                folders.join(", ")
            )
        };
        findings.push(Finding::new("manifest-in-subfolder", "", "", message).help(help_root));
    }
    false
}

fn load_manifest(ctx: &mut Ctx<'_>, options: &Options, findings: &mut Vec<Finding>) {
    if !read_json(ctx, MANIFEST, options, findings) {
        // Keep a non-object manifest out of the rest of the checks.
        if ctx.manifest().is_some_and(|d| !d.value.is_object()) {
            ctx.docs.remove(MANIFEST);
        }
    }
}

fn supported_list() -> String {
    let v = schema::supported_manifest_versions();
    format!(
        "{} to {} (except 1.18) and devPreview",
        v[0],
        v[v.len() - 2]
    )
}

/// The latest manifest version this appcert knows, when `v` is a MAJOR.MINOR version after it
/// (a schema published after this appcert was built).
fn newer_than_known(v: &str) -> Option<String> {
    let parse = |s: &str| -> Option<(u32, u32)> {
        let (maj, min) = s.split_once('.')?;
        let digits =
            |t: &str| !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(maj) || !digits(min) {
            return None;
        }
        Some((maj.parse().ok()?, min.parse().ok()?))
    };
    let wanted = parse(v)?;
    let latest = schema::supported_manifest_versions()
        .into_iter()
        .filter_map(|k| parse(&k).map(|p| (p, k)))
        .max()?;
    (wanted > latest.0).then_some(latest.1)
}

fn check_manifest_schema(ctx: &mut Ctx<'_>, findings: &mut Vec<Finding>) {
    let Some(doc) = ctx.manifest() else { return };
    let mv_value = doc.value.get("manifestVersion");
    let mv = mv_value.and_then(Value::as_str).map(str::to_string);
    let schema_path = match (&mv, mv_value) {
        (None, None) => {
            findings.push(
                Finding::new(
                    "schema-manifest-version-missing",
                    MANIFEST,
                    "",
                    "`manifestVersion` is missing, so the manifest cannot be checked against a schema",
                )
                .help(format!(
                    "Add `\"manifestVersion\"` with the schema version the manifest follows; supported: {}.",
                    supported_list()
                )),
            );
            None
        }
        (None, Some(other)) => {
            // Not a string: no schema can be picked, so say so here (nothing else would).
            findings.push(
                Finding::new(
                    "schema-manifest-version-unknown",
                    MANIFEST,
                    "/manifestVersion",
                    format!(
                        "`manifestVersion` must be a string such as \"1.25\", not {other}; supported: {}",
                        supported_list()
                    ),
                )
                .help(format!(
                    "Write the version as a string: one of {}.",
                    supported_list()
                ))
                .label("not a string"),
            );
            None
        }
        (Some(v), _) => match schema::manifest_schema_path(v) {
            Some(p) => Some(p),
            None if newer_than_known(v).is_some() => {
                let latest = newer_than_known(v).unwrap_or_default();
                findings.push(
                    Finding::new(
                        "schema-manifest-version-newer",
                        MANIFEST,
                        "/manifestVersion",
                        format!(
                            "`manifestVersion` \"{v}\" is newer than the manifest schemas this appcert knows (up to {latest}), so the manifest was not checked against a schema"
                        ),
                    )
                    .help(format!(
                        "Update appcert (`cargo install appcert --force`, or the latest release) to check manifest {v}; if {v} is not yet published by Microsoft (https://github.com/microsoft/json-schemas/tree/main/teams), use {latest} or an earlier published version."
                    ))
                    .label("newer than this appcert knows"),
                );
                None
            }
            None => {
                let why = if v == "1.18" {
                    " (version 1.18 was never published)".to_string()
                } else if has_placeholder(v) {
                    " (it is an unresolved template variable)".to_string()
                } else {
                    String::new()
                };
                findings.push(
                    Finding::new(
                        "schema-manifest-version-unknown",
                        MANIFEST,
                        "/manifestVersion",
                        format!(
                            "`manifestVersion` \"{v}\" is not a published manifest schema version{why}; supported: {}",
                            supported_list()
                        ),
                    )
                    .help(format!("Use one of the published versions: {}.", supported_list()))
                    .label("unknown version"),
                );
                None
            }
        },
    };
    // `$schema` must name the same version.
    if let (Some(url), Some(v), true) = (doc.str_at("/$schema"), &mv, schema_path.is_some()) {
        match schema::schema_path_for_url(url) {
            Some(p) => {
                if let Some(url_version) = schema::teams_version_of_path(&p) {
                    if &url_version != v && p.ends_with("/MicrosoftTeams.schema.json") {
                        findings.push(
                            Finding::new(
                                "schema-url-mismatch",
                                MANIFEST,
                                "/$schema",
                                format!("`$schema` names manifest schema {url_version} but `manifestVersion` is \"{v}\""),
                            )
                            .help(format!("Make them agree: set `$schema` to https://developer.microsoft.com/json-schemas/teams/{}/MicrosoftTeams.schema.json or change `manifestVersion`. Microsoft's toolkit validates against the `$schema` version and reports the difference as an error.", if v == "devPreview" { "vDevPreview".to_string() } else { format!("v{v}") }))
                            .label("other version")
                            .maybe_fix(schema_url_fix(doc, url, &url_version, v)),
                        );
                    }
                }
            }
            None if !has_placeholder(url) => {
                findings.push(
                    Finding::new(
                        "schema-url-unrecognized",
                        MANIFEST,
                        "/$schema",
                        format!("`$schema` is not a known Microsoft Teams manifest schema URL: \"{url}\""),
                    )
                    .help("Use https://developer.microsoft.com/json-schemas/teams/v<manifestVersion>/MicrosoftTeams.schema.json; other URLs make Microsoft's tools fetch the schema from the web."),
                );
            }
            None => {}
        }
    }
    ctx.manifest_version = schema_path.as_ref().and(mv);
    if let Some(path) = schema_path {
        let label = format!(
            "manifest schema {}",
            schema::teams_version_of_path(&path).unwrap_or_default()
        );
        let first = findings.len();
        validate_doc(ctx, MANIFEST, &path, &label, findings);
        if let Some(v) = &ctx.manifest_version {
            for f in &mut findings[first..] {
                name_version_of_feature(v, f);
            }
        }
    }
}

/// The first published manifest version after `after` whose schema defines a property
/// `name` (an object), if any. The embedded schemas are minified (`build.rs`): a member whose
/// value is an object reads `"name":{`.
fn first_version_defining(name: &str, after: &str) -> Option<String> {
    let needle = format!("\"{name}\":{{");
    let versions = schema::supported_manifest_versions();
    let start = versions
        .iter()
        .position(|v| v == after)
        .map_or(0, |pos| pos + 1);
    versions[start..]
        .iter()
        .filter(|v| v.as_str() != "devPreview")
        .find(|v| {
            schema::manifest_schema_path(v)
                .and_then(|p| schema::files().iter().find(|(fp, _)| *fp == p))
                .is_some_and(|(_, text)| text.contains(&needle))
        })
        .cloned()
}

/// For a property the manifest's schema version does not define, says from which later
/// manifest version on it exists (`samplePrompts` needs 1.17), when one does.
fn name_version_of_feature(manifest_version: &str, f: &mut Finding) {
    if f.rule != "schema-unknown-property" {
        return;
    }
    if f.pointer == "/copilotExtensions" {
        // Renamed in the schemas: no version defines the old name.
        let since = first_version_defining("copilotAgents", "0.0").unwrap_or_default();
        f.message = format!(
            "{}; it was renamed `copilotAgents` (and its `declarativeCopilots` `declarativeAgents`), which exists from manifest version {since} on",
            f.message
        );
        f.help = format!(
            "Rename `copilotExtensions` to `copilotAgents` and `declarativeCopilots` to `declarativeAgents` (each entry keeps its `id` and `file`), with `manifestVersion` and `$schema` {since} or later; API plugins are referenced from the declarative agent's `actions`, not from the manifest."
        );
        return;
    }
    if manifest_version == "devPreview" {
        return;
    }
    let Some(name) = f
        .pointer
        .rsplit('/')
        .next()
        .map(crate::json::span::unescape_token)
    else {
        return;
    };
    let introduced = first_version_defining(&name, manifest_version);
    if let Some(v) = introduced {
        f.message = format!(
            "{}; it exists from manifest version {v} on (this manifest uses {manifest_version})",
            f.message
        );
        f.help = format!(
            "Raise `manifestVersion` and `$schema` to {v} or later to use `{name}`, or remove it."
        );
    }
}

/// Follows references from the manifest to localization, agent, plugin and template files,
/// and validates each against its own schema.
fn check_references(ctx: &mut Ctx<'_>, options: &Options, findings: &mut Vec<Finding>) {
    let Some(manifest) = ctx.manifest() else {
        return;
    };
    let mut queue: Vec<FileRef> = references::manifest_refs(&manifest.value);
    let mut seen = std::collections::BTreeSet::new();
    while let Some(r) = queue.pop() {
        ctx.refs.push(r.clone());
        let Some(target) = r.target.clone() else {
            continue;
        };
        if has_placeholder(&r.raw) {
            continue; // reported by the placeholder rule; nothing to open yet
        }
        if r.kind == RefKind::SkillFolder {
            // A folder: its SKILL.md is what the toolkit reads (kept as text for the rules).
            let skill = format!("{}/SKILL.md", target.trim_end_matches('/'));
            if !ctx.package.contains(&skill) {
                findings.push(missing_skill(ctx.package, &r, &target, &skill));
            } else if !ctx.unparsed.contains_key(&skill) {
                if let Some(Ok(bytes)) = ctx.package.read(&skill) {
                    if let Ok((text, _)) = crate::json::decode_text(bytes) {
                        ctx.unparsed.insert(skill, text.to_string());
                    }
                }
            }
            continue;
        }
        if !ctx.package.contains(&target) {
            findings.push(missing_file(ctx.package, &r, &target));
            continue;
        }
        if !seen.insert((target.clone(), r.kind)) {
            continue;
        }
        let is_json = matches!(
            r.kind,
            RefKind::Localization
                | RefKind::DeclarativeAgent
                | RefKind::Plugin
                | RefKind::ResponseTemplate
                | RefKind::AgenticUserTemplate
                | RefKind::McpToolDescription
                | RefKind::AdaptiveCard
        );
        if r.kind == RefKind::OpenApi && !ctx.specs.contains_key(&target) {
            // Parsed once, here, under the user's limits; the rules read the result.
            if let Some(Ok(bytes)) = ctx.package.read(&target) {
                let parsed = crate::openapi::parse_spec_bytes(&target, bytes, &options.limits);
                if parsed.is_err() {
                    // Keep the text so findings in it get a snippet.
                    if let Ok((text, _)) = crate::json::decode_text(bytes) {
                        ctx.unparsed.insert(target.clone(), text.to_string());
                    }
                }
                ctx.specs
                    .insert(target.clone(), std::sync::Arc::new(parsed));
            }
        }
        if r.kind == RefKind::Icon && r.from == MANIFEST {
            ctx.icons.entry(target.clone()).or_default();
        }
        if !is_json || ctx.docs.contains_key(&target) || !read_json(ctx, &target, options, findings)
        {
            continue;
        }
        let Some(doc) = ctx.docs.get(&target) else {
            continue;
        };
        match r.kind {
            RefKind::Localization => {
                let by_url = doc
                    .str_at("/$schema")
                    .and_then(schema::schema_path_for_url)
                    .filter(|p| p.ends_with("MicrosoftTeams.Localization.schema.json"));
                validate_teams_file(
                    ctx,
                    &target,
                    by_url,
                    "MicrosoftTeams.Localization.schema.json",
                    "localization",
                    findings,
                );
            }
            RefKind::ResponseTemplate => validate_teams_file(
                ctx,
                &target,
                None,
                "MicrosoftTeams.ResponseRenderingTemplate.schema.json",
                "response rendering template",
                findings,
            ),
            RefKind::AgenticUserTemplate => validate_teams_file(
                ctx,
                &target,
                None,
                "MicrosoftTeams.AgenticUser.schema.json",
                "agentic user template",
                findings,
            ),
            RefKind::DeclarativeAgent => {
                queue.extend(references::agent_refs(&target, &doc.value));
                versioned(ctx, &target, "/version", "declarative-agent", findings);
            }
            RefKind::Plugin => {
                queue.extend(references::plugin_refs(&target, &doc.value));
                versioned(ctx, &target, "/schema_version", "plugin", findings);
            }
            _ => {}
        }
    }
    ctx.refs
        .sort_by(|a, b| (&a.from, &a.pointer).cmp(&(&b.from, &b.pointer)));
}

/// Validates a file of a Teams schema family (`schema_file`, e.g. the localization schema)
/// against `path` when given, else against the family's schema of the manifest's version.
fn validate_teams_file(
    ctx: &Ctx<'_>,
    target: &str,
    path: Option<String>,
    schema_file: &str,
    what: &str,
    findings: &mut Vec<Finding>,
) {
    let path = path.or_else(|| {
        ctx.manifest_version
            .as_deref()
            .and_then(|v| schema::teams_schema_path(v, schema_file))
    });
    if let Some(path) = path {
        let label = format!(
            "{what} schema {}",
            schema::teams_version_of_path(&path).unwrap_or_default()
        );
        validate_doc(ctx, target, &path, &label, findings);
    }
}

/// Validates an agent or plugin file against the schema its own version field names.
fn versioned(ctx: &Ctx<'_>, file: &str, field: &str, family: &str, findings: &mut Vec<Finding>) {
    let Some(doc) = ctx.docs.get(file) else {
        return;
    };
    if !doc.value.is_object() {
        return;
    }
    let (what, rule_missing, rule_unknown) = if family == "plugin" {
        (
            "API plugin",
            "schema-plugin-version-missing",
            "schema-plugin-version-unknown",
        )
    } else {
        (
            "declarative agent",
            "schema-agent-version-missing",
            "schema-agent-version-unknown",
        )
    };
    let versions = schema::copilot_versions(family).join(", ");
    let key = &field[1..];
    let Some(v) = doc.value.get(key) else {
        findings.push(
            Finding::new(rule_missing, file, "", format!("`{key}` is missing, so this {what} file cannot be checked against a schema"))
                .help(format!("Add `\"{key}\"` with the {what} schema version the file follows; supported: {versions}.")),
        );
        return;
    };
    let Some(v) = v.as_str() else {
        findings.push(
            Finding::new(
                rule_unknown,
                file,
                field,
                format!(
                    "`{key}` must be a string such as \"{}\"",
                    schema::copilot_versions(family)
                        .last()
                        .cloned()
                        .unwrap_or_default()
                ),
            )
            .help(format!("Supported {what} schema versions: {versions}.")),
        );
        return;
    };
    let path = if family == "plugin" {
        schema::plugin_schema_path(v)
    } else {
        schema::declarative_agent_schema_path(v)
    };
    match path {
        Some(path) => {
            let label = format!("{what} schema {v}");
            validate_doc(ctx, file, &path, &label, findings);
        }
        None => findings.push(
            Finding::new(
                rule_unknown,
                file,
                field,
                format!("`{key}` \"{v}\" is not a published {what} schema version"),
            )
            .help(format!("Use one of: {versions}."))
            .label("unknown version"),
        ),
    }
}

fn missing_skill(package: &Package, r: &FileRef, folder: &str, skill: &str) -> Finding {
    let folder_exists = package
        .names()
        .any(|n| n.starts_with(&format!("{}/", folder.trim_end_matches('/'))));
    let message = if folder_exists {
        format!("the agent skill folder `{}` holds no `SKILL.md`", r.raw)
    } else {
        format!(
            "the agent skill folder `{}` is referenced but not in the package",
            r.raw
        )
    };
    Finding::new("reference-missing-file", r.from.clone(), r.pointer.clone(), message)
        .help(format!(
            "Add `{skill}` (a Markdown file whose YAML front matter has `name` and `description`) to the package, or fix the folder path."
        ))
        .label("no SKILL.md")
}

fn missing_file(package: &Package, r: &FileRef, target: &str) -> Finding {
    let what = match r.kind {
        RefKind::Icon => "icon",
        RefKind::Localization => "localization file",
        RefKind::DeclarativeAgent => "declarative agent file",
        RefKind::Plugin => "API plugin file",
        RefKind::OpenApi => "OpenAPI description",
        RefKind::ResponseTemplate => "response rendering template",
        RefKind::SkillFolder => "agent skill folder",
        RefKind::AgenticUserTemplate => "agentic user template",
        RefKind::McpToolDescription => "MCP tool description file",
        RefKind::KnowledgeFile => "embedded knowledge file",
        RefKind::AdaptiveCard => "Adaptive Card template",
        RefKind::Image => "image",
        RefKind::Other => "file",
    };
    let mut message = format!(
        "the {what} `{}` is referenced but not in the package",
        r.raw
    );
    let help = match package.case_insensitive_match(target) {
        Some(actual) => {
            message = format!(
                "the {what} `{target}` is referenced, but the package has `{actual}` (names are case-sensitive)"
            );
            format!("Rename the file to `{target}` or change the reference to `{actual}`.")
        }
        None => format!("Add `{target}` to the package (at that path, relative to the package root), or fix the reference."),
    };
    Finding::new(
        "reference-missing-file",
        r.from.clone(),
        r.pointer.clone(),
        message,
    )
    .help(help)
    .label("file not found")
}

fn app_info(manifest: Option<&JsonDoc>) -> AppInfo {
    let Some(doc) = manifest else {
        return AppInfo::default();
    };
    let s = |p: &str| doc.str_at(p).map(str::to_string);
    AppInfo {
        id: s("/id"),
        name: s("/name/short"),
        version: s("/version"),
        manifest_version: s("/manifestVersion"),
        ..AppInfo::default()
    }
}

/// The fix of `schema-url-mismatch`: the version in the `$schema` URL becomes `manifestVersion`
/// (the rest of the URL, a locale segment included, is kept).
fn schema_url_fix(
    doc: &crate::json::JsonDoc,
    url: &str,
    url_version: &str,
    version: &str,
) -> Option<crate::finding::Fix> {
    let segment = |v: &str| {
        if v == "devPreview" {
            "/vDevPreview/".to_string()
        } else {
            format!("/v{v}/")
        }
    };
    let old = segment(url_version);
    if url.matches(old.as_str()).count() != 1 {
        return None;
    }
    let fixed = url.replacen(old.as_str(), &segment(version), 1);
    let edit = doc.replace_string("/$schema", &fixed)?;
    Some(crate::finding::Fix::safe(
        format!("Set `$schema` to the {version} schema"),
        vec![edit],
    ))
}
