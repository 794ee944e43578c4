//! The rule registry: every rule's metadata and documentation lives as data under `rules/`
//! (embedded in the binary); rules that can be stated declaratively carry a `check` there,
//! the others are code rules under `src/rules/code/`, one per file, registered in one list.

pub mod code;
pub mod data;
#[cfg(test)]
pub mod testing;
pub mod text;

use crate::engine::Ctx;
use crate::finding::{Finding, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// Who the package is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Public Teams Store / Microsoft 365 agent store submission: every rule applies.
    Store,
    /// Line-of-business app for one organization's catalog: validity, security and privacy
    /// rules stay; store-listing rules drop to info.
    Org,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Store => "store",
            Profile::Org => "org",
        }
    }
}

/// How a rule is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Emitted by the package reader, the JSON decoder or the schema validator.
    Builtin,
    /// Stated declaratively in its rule file (`check`).
    Data,
    /// Implemented by a code rule in `src/rules/code/`.
    Code,
}

/// Documentation sections of a rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Docs {
    /// What the rule checks.
    pub what: String,
    /// Why it matters for certification.
    pub why: String,
    /// How to fix a finding.
    pub fix: String,
    /// A failing example (usually a manifest fragment).
    pub fail: String,
    /// A passing example.
    pub pass: String,
}

/// One rule, as written in `rules/<category>/<id>.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub category: String,
    pub kind: Kind,
    pub severity: Severity,
    /// Profiles in which the rule keeps its severity; in the others it drops to info.
    pub profiles: Vec<Profile>,
    pub policies: Vec<String>,
    pub docs: Docs,
    /// The declarative check of a data rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<data::DataCheck>,
}

impl RuleMeta {
    /// A finding of this rule with its default severity.
    pub fn finding(
        &self,
        file: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(self.id.clone(), self.severity, file, pointer, message)
    }

    /// Severity under a profile.
    pub fn severity_for(&self, profile: Profile) -> Severity {
        if self.profiles.contains(&profile) {
            self.severity
        } else {
            Severity::Info
        }
    }
}

/// A rule implemented in Rust.
pub trait CodeRule: Sync {
    /// The id of the rule file under `rules/` that documents this rule.
    fn id(&self) -> &'static str;
    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>);
}

/// Every rule, loaded once per process from the embedded rule files.
pub struct Registry {
    pub rules: BTreeMap<String, RuleMeta>,
    /// Rule files that failed to load: a defect caught by the test suite.
    pub errors: Vec<String>,
}

impl Registry {
    pub fn get(&self, id: &str) -> Option<&RuleMeta> {
        self.rules.get(id)
    }

    /// The metadata of a rule that must exist (used by code rules for their own id).
    pub fn meta(&self, id: &str) -> &RuleMeta {
        static FALLBACK: OnceLock<RuleMeta> = OnceLock::new();
        self.rules.get(id).unwrap_or_else(|| {
            FALLBACK.get_or_init(|| RuleMeta {
                id: "unregistered-rule".into(),
                title: "A rule without a rule file".into(),
                category: "internal".into(),
                kind: Kind::Code,
                severity: Severity::Error,
                profiles: vec![Profile::Store, Profile::Org],
                policies: vec![],
                docs: Docs {
                    what: String::new(),
                    why: String::new(),
                    fix: String::new(),
                    fail: String::new(),
                    pass: String::new(),
                },
                check: None,
            })
        })
    }
}

/// Rule files embedded in the binary: (path under `rules/`, text).
pub fn rule_files() -> &'static [(&'static str, &'static str)] {
    embedded::RULE_FILES
}

pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut rules = BTreeMap::new();
        let mut errors = Vec::new();
        for (path, text) in rule_files() {
            match serde_json::from_str::<RuleMeta>(text) {
                Ok(meta) => {
                    if rules.contains_key(&meta.id) {
                        errors.push(format!("{path}: duplicate rule id {}", meta.id));
                    }
                    rules.insert(meta.id.clone(), meta);
                }
                Err(e) => errors.push(format!("{path}: {e}")),
            }
        }
        Registry { rules, errors }
    })
}

/// Runs every data and code rule over a package.
pub fn run_all(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let registry = registry();
    for meta in registry.rules.values() {
        if let Some(check) = &meta.check {
            data::run(meta, check, ctx, out);
        }
    }
    for rule in code::all() {
        rule.check(ctx, out);
    }
}

/// The documentation of a rule as `appcert explain` prints it.
pub fn explain(r: &RuleMeta) -> String {
    let profiles: Vec<&str> = r.profiles.iter().map(|p| p.as_str()).collect();
    let mut s = format!("{}: {}\n\n", r.id, r.title);
    s.push_str(&format!(
        "severity: {} (profiles: {}; other profiles: info)\ncategory: {}\n",
        r.severity,
        profiles.join(", "),
        r.category
    ));
    if !r.policies.is_empty() {
        s.push_str("policy:\n");
        for p in &r.policies {
            s.push_str(&format!("  - {p}\n"));
        }
    }
    let sections = [
        ("What it checks", &r.docs.what),
        ("Why it matters", &r.docs.why),
        ("How to fix", &r.docs.fix),
        ("Fails", &r.docs.fail),
        ("Passes", &r.docs.pass),
    ];
    for (title, body) in sections {
        s.push_str(&format!("\n## {title}\n{body}\n"));
    }
    s
}

#[cfg(test)]
mod registry_tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_rule_file_loads_and_ids_are_unique() {
        let reg = registry();
        assert!(reg.errors.is_empty(), "{:#?}", reg.errors);
        assert_eq!(
            reg.rules.len(),
            rule_files().len(),
            "two rule files share an id"
        );
    }

    #[test]
    fn every_rule_file_follows_the_rule_schema() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schemas/rule.schema.json")).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        for (path, text) in rule_files() {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{}: {}", e.instance_path().as_str(), e))
                .collect();
            assert!(errors.is_empty(), "rules/{path}: {errors:#?}");
            let id = value["id"].as_str().unwrap();
            assert!(
                path.ends_with(&format!("/{id}.json")),
                "rules/{path} must be named {id}.json"
            );
        }
    }

    #[test]
    fn data_rule_checks_compile() {
        for r in registry().rules.values() {
            if let Some(check) = &r.check {
                check.compiled().unwrap_or_else(|e| panic!("{}: {e}", r.id));
            }
        }
    }

    #[test]
    fn code_rules_and_code_rule_files_match_one_to_one() {
        let reg = registry();
        let mut seen = BTreeSet::new();
        for rule in code::all() {
            assert!(
                seen.insert(rule.id()),
                "two code rules share the id {}",
                rule.id()
            );
            let meta = reg
                .get(rule.id())
                .unwrap_or_else(|| panic!("code rule {} has no rule file under rules/", rule.id()));
            assert_eq!(
                meta.kind,
                Kind::Code,
                "{} is implemented in code but its file says {:?}",
                rule.id(),
                meta.kind
            );
        }
        for meta in reg.rules.values().filter(|m| m.kind == Kind::Code) {
            assert!(
                seen.contains(meta.id.as_str()),
                "rules/…/{}.json says kind=code but no code rule is registered",
                meta.id
            );
        }
    }

    #[test]
    fn every_code_rule_source_file_is_registered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/code");
        let registered: BTreeSet<&str> = code::all().iter().map(|r| r.id()).collect();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("rs")
                || path.file_name().and_then(|n| n.to_str()) == Some("mod.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let Some(pos) = text.find("fn id(&self) -> &'static str") else {
                continue;
            };
            let rest = &text[pos..];
            let id = rest.split('"').nth(1).unwrap();
            assert!(
                registered.contains(id),
                "{} defines rule {id} but its group's RULES list does not include it",
                path.display()
            );
        }
    }

    #[test]
    fn every_rule_has_a_policy_and_documentation() {
        for r in registry().rules.values() {
            assert!(!r.policies.is_empty(), "{} cites no policy", r.id);
            assert!(
                !r.docs.what.is_empty() && !r.docs.fix.is_empty(),
                "{} lacks documentation",
                r.id
            );
            assert!(explain(r).contains(&r.id));
        }
    }
}
