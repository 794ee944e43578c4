//! The results of a run, and the renderers that adapt them (human, JSON, SARIF, JUnit, GitHub
//! annotations, Markdown).

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::finding::{Finding, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON report format. Bumped only on incompatible changes.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
}

/// What the package says about itself.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct AppInfo {
    pub id: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
    #[serde(rename = "manifestVersion")]
    pub manifest_version: Option<String>,
    /// Connectors: the swagger's `host`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Connectors: `publisher` of apiProperties.json, else the swagger's `info.contact.name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings.iter().filter(|f| f.counts()) {
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// The result of checking one package.
#[derive(Debug, Clone, Serialize)]
pub struct PackageReport {
    /// The path as given (or as discovered under a given folder).
    pub input: String,
    /// The package kind (`teams`, `connector`).
    pub kind: &'static str,
    pub verdict: Verdict,
    pub app: AppInfo,
    pub findings: Vec<Finding>,
    pub summary: Counts,
    /// With `--previous`: what changed since the published version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<crate::update::UpdateInfo>,
    /// Text of every text file findings point into, for snippets (not serialised).
    #[serde(skip)]
    pub sources: BTreeMap<String, String>,
    /// How a file is named in human output (`app.zip/manifest.json`).
    #[serde(skip)]
    pub display_files: BTreeMap<String, String>,
    /// Indexes of the configuration's suppressions that matched here (not serialised).
    #[serde(skip)]
    pub used_suppressions: Vec<usize>,
    /// The package was a folder (or a set of files), not a zip: findings' files are files of
    /// their own, not entries of the input (not serialised; renderers never probe the disk).
    #[serde(skip)]
    pub is_folder: bool,
}

impl PackageReport {
    pub fn new(input: String, app: AppInfo, findings: Vec<Finding>) -> Self {
        let summary = Counts::of(&findings);
        let verdict = if summary.errors > 0 {
            Verdict::Fail
        } else {
            Verdict::Pass
        };
        PackageReport {
            input,
            verdict,
            app,
            findings,
            summary,
            sources: BTreeMap::new(),
            display_files: BTreeMap::new(),
            used_suppressions: Vec::new(),
            is_folder: false,
            kind: "teams",
            update: None,
        }
    }

    /// Recomputes counts and verdict after findings changed (suppression, severity overrides).
    pub fn refresh(&mut self, deny_warnings: bool) {
        self.summary = Counts::of(&self.findings);
        let fail = self.summary.errors > 0 || (deny_warnings && self.summary.warnings > 0);
        self.verdict = if fail { Verdict::Fail } else { Verdict::Pass };
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct RunSummary {
    pub packages: usize,
    pub passed: usize,
    pub failed: usize,
}

/// The result of a whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub profile: String,
    pub packages: Vec<PackageReport>,
    pub summary: RunSummary,
    /// The ids of the rules the run evaluated (for JUnit's test cases; not serialised).
    #[serde(skip)]
    pub rules_run: Vec<String>,
    /// Warnings fail packages in this run (`--deny warnings`; not serialised).
    #[serde(skip)]
    pub deny_warnings: bool,
}

impl Report {
    pub fn new(profile: &str, packages: Vec<PackageReport>) -> Self {
        let passed = packages
            .iter()
            .filter(|p| p.verdict == Verdict::Pass)
            .count();
        Report {
            version: REPORT_VERSION,
            tool: Tool {
                name: "appcert",
                version: env!("CARGO_PKG_VERSION"),
            },
            profile: profile.to_string(),
            summary: RunSummary {
                packages: packages.len(),
                passed,
                failed: packages.len() - passed,
            },
            packages,
            rules_run: Vec::new(),
            deny_warnings: false,
        }
    }

    pub fn all_passed(&self) -> bool {
        self.summary.failed == 0
    }
}
