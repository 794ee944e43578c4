//! Checking one package: open it, find and parse the manifest, pick and apply the right
//! schemas to the manifest and every JSON file it references, then resolve every finding's
//! location to a line and column.

use crate::finding::{Finding, Severity};
use crate::kinds;
use crate::model::Ctx;
use crate::options::Options;
use crate::package::Opened;
use crate::report::{AppInfo, PackageReport};
use crate::rules::{self};
use crate::schema;
use std::collections::BTreeMap;

/// Checks an opened package and returns its report.
pub fn check_opened(input: &str, opened: Opened, options: &Options) -> PackageReport {
    let mut findings = opened.findings;
    let Some(package) = opened.package else {
        let used = post_process(None, input, &mut findings, options);
        let mut report = finish(input, AppInfo::default(), findings, None);
        report.used_suppressions = used;
        return report;
    };
    let mut ctx = new_ctx(&package, options);
    let kind = kinds::detect(&package);
    kind.load(&mut ctx, options, &mut findings);
    let enabled = |id: &str| options.config.enabled(id);
    rules::run_all(&ctx, kind.name(), &enabled, &mut findings);
    let used = post_process(Some(&ctx), input, &mut findings, options);
    let app = kind.app_info(&ctx);
    let mut report = finish(input, app, findings, Some(&ctx));
    report.used_suppressions = used;
    report.is_folder = !package.is_zip();
    report.kind = kind.name();
    if let Some(prev) = options.previous.as_ref().filter(|p| p.kind == kind.name()) {
        let changes = match (kind.name(), ctx.manifest(), ctx.swagger()) {
            ("connector", _, Some((_, swagger))) => Some(
                crate::rules::helpers::update::connector_changes(&prev.swagger, &swagger.value),
            ),
            (_, Some(m), _) => Some(crate::update::changes(&prev.manifest, &m.value)),
            _ => None,
        };
        if let Some(changes) = changes {
            report.update = Some(crate::update::UpdateInfo {
                previous: prev.input.clone(),
                changes,
            });
        }
    }
    report
}

/// The model of a package before its kind loads it: empty, with the run's settings.
fn new_ctx<'p>(package: &'p crate::package::Package, options: &Options) -> Ctx<'p> {
    Ctx {
        package,
        profile: options.profile,
        docs: BTreeMap::new(),
        unparsed: BTreeMap::new(),
        refs: Vec::new(),
        manifest_version: None,
        env: options.env.clone(),
        thresholds: options.config.thresholds,
        specs: BTreeMap::new(),
        icons: BTreeMap::new(),
        connector: None,
        connector_settings: options.config.connector,
        one_package: options.one_package,
        previous: options.previous.clone(),
        online: options.online.clone(),
    }
}

/// The reviewer URLs of an opened package (`--online`): the package is loaded as for a check
/// (same options, so `--env` placeholders are resolved) but no rule runs.
#[cfg(feature = "cli")]
pub fn reviewer_urls(opened: Opened, options: &Options) -> Vec<String> {
    let Some(package) = opened.package else {
        return Vec::new();
    };
    let mut ctx = new_ctx(&package, options);
    ctx.previous = None;
    ctx.online = None;
    let kind = kinds::detect(&package);
    kind.load(&mut ctx, options, &mut Vec::new());
    rules::reviewer_urls(&ctx)
        .into_iter()
        .map(|u| u.url)
        .collect()
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
        f.severity = meta.severity_for_submission(options.config.connector.submission);
        // Pure schema violations cite no guideline in findings (the schema is the source);
        // their rule documentation still names the guideline that requires a valid schema.
        if f.policies.is_empty() && !schema::messages::RULE_IDS.contains(&f.rule.as_str()) {
            f.policies = meta.policies.clone();
        }
        if f.help.is_empty() {
            f.help = meta.docs().fix.clone();
        }
        if !meta.profiles.contains(&options.profile) {
            f.severity = Severity::Info;
        }
    }
    options.config.apply(input, findings)
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
            if f.fix.is_none() {
                f.fix = rules::fixes::for_data_rule(ctx, f);
            }
            resolve_fix(ctx, f);
        }
        for f in &findings {
            if f.file.is_empty() || sources.contains_key(&f.file) {
                continue;
            }
            if let Some(text) = text_of(ctx, &f.file) {
                sources.insert(f.file.clone(), text.to_string());
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
                let (l, c) = doc.lines().line_col(doc.text, span.start);
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
    } else if let Some(text) = text_of(ctx, &f.file) {
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

/// Turns a fix's edits into ranges of the files' bytes (past any byte-order mark), and drops a
/// fix whose edits do not fall on character boundaries of the files as they are.
fn resolve_fix(ctx: &Ctx<'_>, f: &mut Finding) {
    let Some(fix) = f.fix.as_mut() else { return };
    let raw = fix.raw;
    let boundary =
        |bytes: &[u8], i: usize| i == bytes.len() || bytes.get(i).is_some_and(|b| b & 0xC0 != 0x80);
    let ok = !fix.edits.is_empty()
        && fix.edits.iter_mut().all(|e| {
            let Some(Ok(bytes)) = ctx.package.read(&e.file) else {
                return false;
            };
            let shift = if !raw && bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let range = e.range.start.saturating_add(shift)..e.range.end.saturating_add(shift);
            let fits = range.start <= range.end
                && range.end <= bytes.len()
                && boundary(bytes, range.start)
                && boundary(bytes, range.end);
            e.range = range;
            fits
        });
    fix.raw = true;
    if !ok {
        f.fix = None;
    }
}

/// The text of a package file findings may point into: a parsed JSON document, a file kept
/// as text (unparsable, or not JSON), or a parsed OpenAPI description.
fn text_of<'c>(ctx: &'c Ctx<'_>, file: &str) -> Option<&'c str> {
    if let Some(doc) = ctx.docs.get(file) {
        return Some(doc.text);
    }
    if let Some(text) = ctx.unparsed.get(file) {
        return Some(text);
    }
    match ctx.specs.get(file).map(|s| s.as_ref()) {
        Some(Ok(spec)) => Some(spec.text()),
        _ => None,
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
    fn copilot_extensions_is_named_as_renamed() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/declarative-agent").edit("manifest.json", |m| {
                let agents = m["copilotAgents"]["declarativeAgents"].take();
                m.as_object_mut().unwrap().remove("copilotAgents");
                m["copilotExtensions"] = json!({ "declarativeCopilots": agents });
            });
        let f = pkg.findings("schema-unknown-property");
        let old = f
            .iter()
            .find(|f| f.pointer == "/copilotExtensions")
            .expect("copilotExtensions is unknown");
        assert!(
            old.message.contains("renamed `copilotAgents`")
                && old.message.contains("from manifest version 1.19 on"),
            "{}",
            old.message
        );
        assert!(old
            .help
            .starts_with("Rename `copilotExtensions` to `copilotAgents`"));
        assert!(!old.help.contains("spelling"), "{}", old.help);
    }

    #[test]
    fn manifest_version_newer_than_known_says_to_update() {
        let pkg = Pkg::base().patch("manifest.json", json!({"manifestVersion": "1.31"}));
        let f = pkg.findings("schema-manifest-version-newer");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("newer than the manifest schemas this appcert knows (up to 1.30)"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.starts_with("Update appcert"), "{}", f[0].help);
        assert!(pkg.findings("schema-manifest-version-unknown").is_empty());
    }

    #[test]
    fn a_truly_unknown_property_names_no_version() {
        let pkg = Pkg::base().patch("manifest.json", json!({"shortDescription": "x"}));
        let f = pkg.findings("schema-unknown-property");
        assert_eq!(f.len(), 1);
        assert!(!f[0].message.contains("exists from"), "{}", f[0].message);
    }
}
