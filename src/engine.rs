//! Checking one package: open it, find and parse the manifest, pick and apply the right
//! schemas to the manifest and every JSON file it references, then resolve every finding's
//! location to a line and column.

use crate::config::Config;
use crate::env::Env;
use crate::finding::{Finding, Severity};
use crate::json::{parse_doc, JsonDoc};
use crate::limits::Limits;
use crate::model::{Ctx, Memo, MANIFEST};
use crate::package::{entry_error_finding, Opened, Package};
use crate::references::{self, has_placeholder, FileRef, RefKind};
use crate::report::{AppInfo, PackageReport};
use crate::rules::{self, Profile};
use crate::schema;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Settings for checking packages.
#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    pub profile: Profile,
    pub config: Config,
    /// What `--env`/`--env-file` asked for; `check_paths` resolves it per package into `env`.
    pub env_spec: crate::env::EnvSpec,
    /// Agents Toolkit variables: when set, `${{VAR}}` placeholders are resolved in every JSON
    /// file right after parsing (in memory; spans still point into the template text).
    pub env: Option<Arc<Env>>,
    /// Show a progress bar on stderr (only when it is a terminal and the run is long).
    pub progress: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            profile: Profile::Store,
            config: Config::default(),
            env_spec: crate::env::EnvSpec::default(),
            env: None,
            progress: false,
        }
    }
}

/// Checks an opened package and returns its report.
pub fn check_opened(input: &str, opened: Opened, options: &Options) -> PackageReport {
    let mut findings = opened.findings;
    let Some(package) = opened.package else {
        let used = post_process(None, input, &mut findings, options);
        let mut report = finish(input, AppInfo::default(), findings, None);
        report.used_suppressions = used;
        return report;
    };
    let mut ctx = Ctx {
        package: &package,
        profile: options.profile,
        docs: BTreeMap::new(),
        unparsed: BTreeMap::new(),
        refs: Vec::new(),
        manifest_version: None,
        env: options.env.clone(),
        thresholds: options.config.thresholds,
        memo: Memo::default(),
    };
    if locate_manifest(&package, &mut findings) {
        load_manifest(&mut ctx, options, &mut findings);
    }
    if ctx.manifest().is_some() {
        check_manifest_schema(&mut ctx, &mut findings);
        check_references(&mut ctx, options, &mut findings);
    }
    let enabled = |id: &str| options.config.enabled(id);
    rules::run_all(&ctx, &enabled, &mut findings);
    let used = post_process(Some(&ctx), input, &mut findings, options);
    let app = app_info(ctx.manifest());
    let mut report = finish(input, app, findings, Some(&ctx));
    report.used_suppressions = used;
    report
}

/// One root cause, one finding: a finding is dropped when a rule it yields to (rule metadata
/// `yields_to`) reported at the same file and pointer.
fn drop_yielding(findings: &mut Vec<Finding>) {
    let registry = rules::registry();
    let mut at: std::collections::HashMap<(&str, &str), Vec<&str>> = Default::default();
    for f in findings.iter() {
        at.entry((f.file.as_str(), f.pointer.as_str()))
            .or_default()
            .push(f.rule.as_str());
    }
    let keep: Vec<bool> = findings
        .iter()
        .map(|f| {
            let Some(meta) = registry.get(&f.rule) else {
                return true;
            };
            if meta.yields_to.is_empty() {
                return true;
            }
            let others = &at[&(f.file.as_str(), f.pointer.as_str())];
            !others.iter().any(|o| *o != f.rule && meta.yields_to(o))
        })
        .collect();
    let mut i = 0;
    findings.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Stamps rule metadata on every finding, applies the profile and the configuration.
/// Returns the indexes of the configuration's suppressions that matched.
fn post_process(
    ctx: Option<&Ctx<'_>>,
    input: &str,
    findings: &mut Vec<Finding>,
    options: &Options,
) -> Vec<usize> {
    let _ = ctx;
    drop_yielding(findings);
    let registry = rules::registry();
    for f in findings.iter_mut() {
        let Some(meta) = registry.get(&f.rule) else {
            continue;
        };
        // The severity is the rule file's (under the profile); the configuration's levels
        // apply next.
        f.severity = meta.severity;
        // Pure schema violations cite no guideline in findings (the schema is the source);
        // their rule documentation still names the guideline that requires a valid schema.
        if f.policies.is_empty() && !schema::messages::RULE_IDS.contains(&f.rule.as_str()) {
            f.policies = meta.policies.clone();
        }
        if f.help.is_empty() {
            f.help = meta.docs.fix.clone();
        }
        if !meta.profiles.contains(&options.profile) {
            f.severity = Severity::Info;
        }
    }
    options.config.apply(input, findings)
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

fn read_json(
    ctx: &mut Ctx<'_>,
    file: &str,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> bool {
    let bytes = match ctx.package.read(file) {
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            // Zip entries that failed were already reported when the zip was opened.
            if !ctx.package.is_zip() {
                findings.push(entry_error_finding(file, &e));
            }
            return false;
        }
        None => return false,
    };
    let parsed = parse_doc(file, bytes, &options.limits);
    findings.extend(parsed.findings);
    if let Some(text) = parsed.unparsed_text {
        ctx.unparsed.insert(file.to_string(), text);
    }
    match parsed.doc {
        Some(mut doc) => {
            // Agents Toolkit templates: resolve `${{VAR}}` in the parsed values only. `doc.text`
            // stays the template, so spans (found by pointer) point at the template's text.
            if let Some(env) = &options.env {
                env.apply(&mut doc.value);
            }
            let ok = doc.value.is_object();
            ctx.docs.insert(file.to_string(), doc);
            ok
        }
        None => false,
    }
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
        (None, Some(_)) => None, // a non-string: the schema check of any version reports it
        (Some(v), _) => match schema::manifest_schema_path(v) {
            Some(p) => Some(p),
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
                            .label("other version"),
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

/// For a property the manifest's schema version does not define, says from which later
/// manifest version on it exists (`samplePrompts` needs 1.17), when one does.
fn name_version_of_feature(manifest_version: &str, f: &mut Finding) {
    if f.rule != "schema-unknown-property" || manifest_version == "devPreview" {
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
    let needle = format!("\"{name}\": {{");
    let versions = schema::supported_manifest_versions();
    let Some(pos) = versions.iter().position(|v| v == manifest_version) else {
        return;
    };
    let introduced = versions[pos + 1..]
        .iter()
        .filter(|v| v.as_str() != "devPreview")
        .find(|v| {
            schema::manifest_schema_path(v)
                .and_then(|p| schema::files().iter().find(|(fp, _)| *fp == p))
                .is_some_and(|(_, text)| text.contains(&needle))
        });
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

fn validate_doc(
    ctx: &Ctx<'_>,
    file: &str,
    schema_path: &str,
    label: &str,
    findings: &mut Vec<Finding>,
) {
    let Some(doc) = ctx.docs.get(file) else {
        return;
    };
    match schema::validate_by_path(schema_path, &doc.value) {
        Ok(errors) => {
            for e in &errors {
                findings.extend(schema::messages::to_findings(e, file, &doc.value, label));
            }
        }
        Err(e) => findings.push(
            Finding::new(
                "schema-unavailable",
                file,
                "",
                format!(
                    "`{file}` could not be checked: the bundled {label} failed to load ({})",
                    e.message
                ),
            )
            .help("This is a defect in appcert; please report it with the package."),
        ),
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
        );
        if r.kind == RefKind::OpenApi && !ctx.unparsed.contains_key(&target) {
            // OpenAPI descriptions are parsed by the rules that read them (YAML or JSON); keep
            // their text so findings in them get a snippet and a line/column.
            if let Some(Ok(bytes)) = ctx.package.read(&target) {
                if let Ok((text, _)) = crate::json::decode_text(bytes) {
                    ctx.unparsed.insert(target.clone(), text);
                }
            }
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
                let path = by_url.or_else(|| {
                    ctx.manifest_version.as_deref().and_then(|v| {
                        schema::teams_schema_path(v, "MicrosoftTeams.Localization.schema.json")
                    })
                });
                if let Some(path) = path {
                    let label = format!(
                        "localization schema {}",
                        schema::teams_version_of_path(&path).unwrap_or_default()
                    );
                    validate_doc(ctx, &target, &path, &label, findings);
                }
            }
            RefKind::ResponseTemplate => {
                let path = ctx.manifest_version.as_deref().and_then(|v| {
                    schema::teams_schema_path(
                        v,
                        "MicrosoftTeams.ResponseRenderingTemplate.schema.json",
                    )
                });
                if let Some(path) = path {
                    let label = format!(
                        "response rendering template schema {}",
                        schema::teams_version_of_path(&path).unwrap_or_default()
                    );
                    validate_doc(ctx, &target, &path, &label, findings);
                }
            }
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

fn missing_file(package: &Package, r: &FileRef, target: &str) -> Finding {
    let what = match r.kind {
        RefKind::Icon => "icon",
        RefKind::Localization => "localization file",
        RefKind::DeclarativeAgent => "declarative agent file",
        RefKind::Plugin => "API plugin file",
        RefKind::OpenApi => "OpenAPI description",
        RefKind::ResponseTemplate => "response rendering template",
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
    }
}

/// Resolves every finding's line and column, sorts, and builds the report.
fn finish(
    input: &str,
    app: AppInfo,
    mut findings: Vec<Finding>,
    ctx: Option<&Ctx<'_>>,
) -> PackageReport {
    let mut sources = BTreeMap::new();
    let mut display_files = BTreeMap::new();
    if let Some(ctx) = ctx {
        for f in findings.iter_mut() {
            resolve_location(ctx, f);
        }
        for f in &findings {
            if f.file.is_empty() || sources.contains_key(&f.file) {
                continue;
            }
            if let Some(doc) = ctx.docs.get(&f.file) {
                sources.insert(f.file.clone(), doc.text.clone());
            } else if let Some(text) = ctx.unparsed.get(&f.file) {
                sources.insert(f.file.clone(), text.clone());
            }
            display_files.insert(f.file.clone(), ctx.package.display_file(&f.file));
        }
    }
    mask_secrets(&findings, &mut sources);
    findings.sort_by(|a, b| {
        (
            a.file.is_empty(),
            &a.file,
            a.line,
            a.column,
            &a.rule,
            &a.pointer,
            &a.message,
        )
            .cmp(&(
                b.file.is_empty(),
                &b.file,
                b.line,
                b.column,
                &b.rule,
                &b.pointer,
                &b.message,
            ))
    });
    findings.dedup_by(|a, b| {
        a.rule == b.rule && a.file == b.file && a.pointer == b.pointer && a.message == b.message
    });
    let mut report = PackageReport::new(input.to_string(), app, findings);
    report.sources = sources;
    report.display_files = display_files;
    report
}

fn resolve_location(ctx: &Ctx<'_>, f: &mut Finding) {
    if f.file.is_empty() {
        return;
    }
    if let Some(doc) = ctx.docs.get(&f.file) {
        if f.located {
            if let Some(span) = &f.span {
                let (l, c) = doc.lines.line_col(&doc.text, span.start);
                f.line = Some(l);
                f.column = Some(c);
            }
            return;
        }
        if let Some((span, line, col)) =
            doc.locate(&f.pointer, f.anchor == crate::finding::Anchor::Key)
        {
            f.span = Some(span);
            f.line = Some(line);
            f.column = Some(col);
        }
    } else if let Some(text) = ctx.unparsed.get(&f.file) {
        match (&f.span, f.line, f.column) {
            (Some(span), _, _) => {
                let lines = crate::json::line_index::LineIndex::new(text);
                let (l, c) = lines.line_col(text, span.start);
                f.line = Some(l);
                f.column = Some(c);
            }
            // A rule that located the finding by line and column (e.g. in a YAML file): derive
            // the span, so human output shows the snippet.
            (None, Some(line), Some(column)) => f.span = offset_of_line_col(text, line, column),
            _ => {}
        }
    }
}

/// Replaces credentials under secret findings' spans in the texts kept for snippets, so no
/// renderer can show them (the first and last two characters stay, as in the messages).
fn mask_secrets(findings: &[Finding], sources: &mut BTreeMap<String, String>) {
    for f in findings.iter().filter(|f| f.secret) {
        let (Some(span), Some(text)) = (&f.span, sources.get_mut(&f.file)) else {
            continue;
        };
        let Some(region) = text.get(span.clone()) else {
            continue;
        };
        let visible: Vec<usize> = region
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace() && *c != '"')
            .map(|(i, _)| i)
            .collect();
        let keep = if visible.len() > 8 { 2 } else { 0 };
        let hidden = &visible[keep..visible.len() - keep];
        let mut masked = String::with_capacity(region.len());
        for (i, c) in region.char_indices() {
            if hidden.binary_search(&i).is_ok() {
                masked.extend(std::iter::repeat_n('*', c.len_utf8()));
            } else {
                masked.push(c);
            }
        }
        text.replace_range(span.clone(), &masked);
    }
}

/// Byte span of the character at a 1-based line and column (columns count characters).
fn offset_of_line_col(text: &str, line: usize, column: usize) -> Option<std::ops::Range<usize>> {
    let start = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let line_text = text.get(start..)?.split('\n').next()?;
    let (rel, ch) = line_text.char_indices().nth(column.checked_sub(1)?)?;
    Some(start + rel..start + rel + ch.len_utf8())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Pkg;
    use serde_json::json;

    #[test]
    fn unknown_property_names_the_version_that_introduced_it() {
        let pkg = Pkg::from_fixture("fixtures/packages/me-bot-copilot").patch(
            "manifest.json",
            json!({"manifestVersion": "1.16", "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.schema.json"}),
        );
        let f = pkg.findings("schema-unknown-property");
        let prompts = f
            .iter()
            .find(|f| f.pointer == "/composeExtensions/0/commands/0/samplePrompts")
            .expect("samplePrompts is unknown in 1.16");
        assert!(
            prompts
                .message
                .ends_with("it exists from manifest version 1.17 on (this manifest uses 1.16)"),
            "{}",
            prompts.message
        );
        assert!(prompts.help.contains("1.17 or later"), "{}", prompts.help);

        let agent = Pkg::from_fixture("fixtures/packages/declarative-agent").patch(
            "manifest.json",
            json!({"manifestVersion": "1.17", "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"}),
        );
        let f = agent.findings("schema-unknown-property");
        let copilot = f
            .iter()
            .find(|f| f.pointer == "/copilotAgents")
            .expect("copilotAgents unknown in 1.17");
        assert!(
            copilot.message.contains("from manifest version 1.19 on"),
            "{}",
            copilot.message
        );
    }

    #[test]
    fn memo_computes_each_key_once() {
        let memo = crate::model::Memo::default();
        let calls = std::cell::Cell::new(0);
        let make = || {
            calls.set(calls.get() + 1);
            42u32
        };
        assert_eq!(memo.get_or_insert("k", make).as_deref(), Some(&42));
        assert_eq!(memo.get_or_insert("k", make).as_deref(), Some(&42));
        assert_eq!(calls.get(), 1);
        // A key holds one type: asking for another is None, not a panic.
        assert!(memo.get_or_insert("k", || "text").is_none());
    }

    #[test]
    fn a_truly_unknown_property_names_no_version() {
        let pkg = Pkg::base().patch("manifest.json", json!({"shortDescription": "x"}));
        let f = pkg.findings("schema-unknown-property");
        assert_eq!(f.len(), 1);
        assert!(!f[0].message.contains("exists from"), "{}", f[0].message);
    }
}
