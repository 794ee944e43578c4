//! The rule registry: every rule's metadata and documentation lives as data under `rules/`
//! (embedded in the binary); rules that can be stated declaratively carry a `check` there,
//! the others are code rules under `src/rules/code/`, one per file, registered in one list.

pub mod code;
pub mod data;
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
