//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and Azure DevOps.
//!
//! One run for the whole report. `tool.driver.rules` lists only the rules that fired (sorted by
//! id), each with its documentation and policy references; every finding is a result pointing at
//! the file and, when known, the line and column (`columnKind: unicodeCodePoints`: appcert
//! columns count Unicode scalar values), with the JSON pointer as a logical location.
//!
//! Artifact URIs are relative to the working directory (forward slashes, percent-encoded) when
//! the package is under it, `file://` URIs otherwise:
//! - unpacked package: `<package folder>/<file>`, with the region;
//! - zip package: the zip's own path. Lines and columns of an entry are not lines of the zip, so
//!   the region is left out; the entry and its line/column go in the artifact location's
//!   `properties` (`entry`, `entryLine`, `entryColumn`) and the message starts with
//!   `manifest.json:12:5: ` so that code-scanning UIs, which show only the message, still say
//!   where. (SARIF's nested artifacts, `parentIndex`, are not used: GitHub ignores them.)
//! - a finding about the whole package (no file): the package path itself.
//!
//! Suppressed findings are results with `suppressions: [{kind: external, justification}]`.

use super::{PackageReport, Report};
use crate::finding::{Finding, Severity};
use crate::rules::{registry, Profile, RuleMeta};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Component, Path};

/// `tool.driver.informationUri`: the project's home page.
pub const INFORMATION_URI: &str = "https://github.com/appcert/appcert";

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A package input as seen from the working directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackagePath {
    /// Forward-slash path, relative to the working directory when the package is under it
    /// (empty for the working directory itself), absolute otherwise.
    pub path: String,
    pub absolute: bool,
    /// The package is a `.zip` file (its findings' files are entries inside it).
    pub zip: bool,
}

impl PackagePath {
    /// Resolves a report's `input` against the working directory `cwd`; `is_folder` says
    /// whether the package was a folder (a folder may be named `x.zip`).
    pub fn of(input: &str, is_folder: bool, cwd: &Path) -> PackagePath {
        let given = Path::new(input);
        let zip = given
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
            && !is_folder;
        let (rel, absolute) = if given.is_absolute() {
            match given.strip_prefix(cwd) {
                Ok(rel) => (rel, false),
                Err(_) => (given, true),
            }
        } else {
            (given, false)
        };
        let mut parts: Vec<String> = Vec::new();
        for c in rel.components() {
            match c {
                Component::CurDir => {}
                Component::RootDir => parts.push(String::new()),
                Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
                other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
            }
        }
        let mut path = parts.join("/");
        if absolute && path.is_empty() {
            path.push('/');
        }
        PackagePath {
            path,
            absolute,
            zip,
        }
    }

    /// Path (forward slashes) of the file a finding is about: the zip itself for zip
    /// packages, `<folder>/<file>` for unpacked ones, the package for package-level findings.
    pub fn file(&self, file: &str) -> String {
        if self.zip || file.is_empty() {
            if self.path.is_empty() {
                ".".to_string()
            } else {
                self.path.clone()
            }
        } else if self.path.is_empty() {
            file.to_string()
        } else if self.path.ends_with('/') {
            format!("{}{file}", self.path)
        } else {
            format!("{}/{file}", self.path)
        }
    }

    /// The file as a URI reference: relative and percent-encoded, or a `file://` URI.
    pub fn uri(&self, file: &str) -> String {
        let path = self.file(file);
        if self.absolute {
            #[cfg(any(unix, windows))]
            if let Ok(url) = url::Url::from_file_path(&path) {
                return url.to_string();
            }
            return format!("file://{}", encode_path(&path));
        }
        encode_path(&path)
    }
}

/// Percent-encodes a relative path for use as a URI reference (keeps `/` and unreserved
/// characters; `:` is encoded so that a first segment is never read as a scheme).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule_descriptor(meta: &RuleMeta, profile: Profile) -> Value {
    let policies = &meta.policies;
    let docs = meta.docs();
    let mut help_md = format!("**How to fix:** {}\n\n**Why:** {}", docs.fix, docs.why);
    if !policies.is_empty() {
        help_md.push_str("\n\n**Policy:**");
        for p in policies {
            help_md.push_str(&format!("\n- {p}"));
        }
    }
    help_md.push_str(&format!(
        "\n\nRun `appcert explain {}` for examples.",
        meta.id
    ));
    let profiles: Vec<&str> = meta.profiles.iter().map(|p| p.as_str()).collect();
    json!({
        "id": meta.id,
        "name": meta.title,
        "shortDescription": { "text": meta.title },
        "fullDescription": { "text": docs.what },
        "help": {
            "text": format!("{}\n\nWhy: {}", docs.fix, docs.why),
            "markdown": help_md,
        },
        "defaultConfiguration": { "level": level(meta.severity_for(profile)) },
        "properties": {
            "category": meta.category,
            "policies": policies,
            "profiles": profiles,
            "tags": [meta.category],
        },
    })
}

/// The descriptor of a rule that has no rule file (cannot happen for registered findings).
fn unknown_descriptor(id: &str) -> Value {
    json!({
        "id": id,
        "shortDescription": { "text": id },
    })
}

fn logical_kind(pointer: &str) -> &'static str {
    let last = pointer.rsplit('/').next().unwrap_or("");
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        "element"
    } else {
        "member"
    }
}

fn result(pkg: &PackagePath, f: &Finding, rule_index: usize) -> Value {
    let mut message = f.message.clone();
    let mut artifact = Map::new();
    artifact.insert("uri".into(), Value::String(pkg.uri(&f.file)));
    let mut physical = Map::new();
    if pkg.zip && !f.file.is_empty() {
        let mut at = f.file.clone();
        if let Some(line) = f.line {
            at.push_str(&format!(":{line}"));
            if let Some(col) = f.column {
                at.push_str(&format!(":{col}"));
            }
        }
        message = format!("{at}: {message}");
        let mut props = Map::new();
        props.insert("entry".into(), Value::String(f.file.clone()));
        if let Some(line) = f.line {
            props.insert("entryLine".into(), json!(line));
        }
        if let Some(col) = f.column {
            props.insert("entryColumn".into(), json!(col));
        }
        artifact.insert("properties".into(), Value::Object(props));
        physical.insert("artifactLocation".into(), Value::Object(artifact));
    } else {
        physical.insert("artifactLocation".into(), Value::Object(artifact));
        if let Some(line) = f.line {
            let mut region = Map::new();
            region.insert("startLine".into(), json!(line));
            if let Some(col) = f.column {
                region.insert("startColumn".into(), json!(col));
            }
            physical.insert("region".into(), Value::Object(region));
        }
    }
    let mut location = Map::new();
    location.insert("physicalLocation".into(), Value::Object(physical));
    if !f.pointer.is_empty() {
        location.insert(
            "logicalLocations".into(),
            json!([{
                "fullyQualifiedName": f.pointer,
                "kind": logical_kind(&f.pointer),
            }]),
        );
    }
    let mut r = Map::new();
    r.insert("ruleId".into(), Value::String(f.rule.clone()));
    r.insert("ruleIndex".into(), json!(rule_index));
    r.insert("level".into(), Value::String(level(f.severity).into()));
    r.insert("message".into(), json!({ "text": message }));
    r.insert("locations".into(), json!([Value::Object(location)]));
    if let Some(s) = &f.suppressed {
        r.insert(
            "suppressions".into(),
            json!([{ "kind": "external", "justification": s.reason }]),
        );
    }
    let mut props = Map::new();
    props.insert("package".into(), Value::String(pkg.file("")));
    if !f.help.is_empty() {
        props.insert("help".into(), Value::String(f.help.clone()));
    }
    if !f.policies.is_empty() {
        props.insert("policies".into(), json!(f.policies));
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

/// Renders the report as a SARIF 2.1.0 log; paths are made relative to `cwd`.
pub fn render(report: &Report, cwd: &Path) -> String {
    let profile = match report.profile.as_str() {
        "org" => Profile::Org,
        _ => Profile::Store,
    };
    let reg = registry();
    // Only the rules that fired, sorted by id.
    let fired: BTreeMap<&str, ()> = report
        .packages
        .iter()
        .flat_map(|p| p.findings.iter().map(|f| (f.rule.as_str(), ())))
        .collect();
    let index: BTreeMap<&str, usize> = fired.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let rules: Vec<Value> = fired
        .keys()
        .map(|id| match reg.get(id) {
            Some(meta) => rule_descriptor(meta, profile),
            None => unknown_descriptor(id),
        })
        .collect();
    let results: Vec<Value> = report
        .packages
        .iter()
        .flat_map(|p: &PackageReport| {
            let pkg = PackagePath::of(&p.input, p.is_folder, cwd);
            p.findings
                .iter()
                .map(|f| result(&pkg, f, index.get(f.rule.as_str()).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name,
                    "version": report.tool.version,
                    "semanticVersion": report.tool.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "profile": report.profile,
                "packages": report.summary.packages,
                "passed": report.summary.passed,
                "failed": report.summary.failed,
            },
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_paths_are_relative_to_the_working_directory() {
        let cwd = Path::new("/repo");
        let p = PackagePath::of("fixtures/packages/tab", false, cwd);
        assert_eq!(
            p.uri("manifest.json"),
            "fixtures/packages/tab/manifest.json"
        );
        assert_eq!(p.uri(""), "fixtures/packages/tab");
        let p = PackagePath::of("./build/app.zip", false, cwd);
        assert!(p.zip);
        assert_eq!(p.uri("manifest.json"), "build/app.zip");
        let p = PackagePath::of("/repo/app package", false, cwd);
        assert!(!p.absolute);
        assert_eq!(p.uri("a b#.json"), "app%20package/a%20b%23.json");
        let p = PackagePath::of(".", false, cwd);
        assert_eq!(p.uri("manifest.json"), "manifest.json");
        assert_eq!(p.uri(""), ".");
    }

    #[cfg(unix)]
    #[test]
    fn packages_outside_the_working_directory_get_file_uris() {
        let p = PackagePath::of("/elsewhere/pkg", false, Path::new("/repo"));
        assert!(p.absolute);
        assert_eq!(
            p.uri("manifest.json"),
            "file:///elsewhere/pkg/manifest.json"
        );
    }

    #[test]
    fn levels() {
        assert_eq!(level(Severity::Info), "note");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Error), "error");
    }
}
