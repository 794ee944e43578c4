//! `appcert.toml` and the command-line selections that override it: which rules run, at which
//! severity, and which findings are suppressed (with a mandatory reason).
//!
//! ```toml
//! profile = "org"            # optional: store (default) or org
//! deny-warnings = false      # warnings fail the package
//!
//! [rules]
//! name-preproduction-word = "off"          # off | info | warning | error
//! description-office-365 = "error"
//!
//! [[suppress]]
//! rule = "valid-domain-shared-host"
//! file = "manifest.json"     # optional, default manifest.json
//! pointer = "/validDomains/1"
//! reason = "We own lumen.azurewebsites.net; reviewed with Microsoft."
//! ```

use crate::finding::{Finding, Severity, Suppressed};
use crate::rules::{registry, Profile};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "appcert.toml";

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// One suppression: the finding of `rule` at `file` + `pointer` does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub rule: String,
    pub file: String,
    pub pointer: String,
    pub reason: String,
    /// Only in packages whose input path contains this text.
    pub package: Option<String>,
    /// Where the suppression is written, for messages (`appcert.toml:12`).
    pub origin: String,
}

/// Settings from the file and the command line.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub profile: Option<Profile>,
    pub deny_warnings: bool,
    pub levels: BTreeMap<String, Level>,
    pub suppressions: Vec<Suppression>,
    /// Only these rules (ids or categories) run, when not empty.
    pub select: Vec<String>,
    /// These rules (ids or categories) do not run.
    pub ignore: Vec<String>,
    /// The file the settings came from.
    pub source: Option<PathBuf>,
}

/// A configuration that cannot be used (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    profile: Option<toml::Spanned<String>>,
    #[serde(default)]
    deny_warnings: bool,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    suppress: Vec<toml::Spanned<RawSuppression>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppression {
    rule: toml::Spanned<String>,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    pointer: String,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    package: Option<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Whether `name` is a known rule id or category.
pub fn is_rule_or_category(name: &str) -> bool {
    let reg = registry();
    reg.get(name).is_some() || reg.rules.values().any(|r| r.category == name)
}

/// Parses the text of a configuration file named `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let name = path.display().to_string();
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        ConfigError(format!("{name}:{line}: {}", e.message().trim_end()))
    })?;
    let mut config = Config {
        source: Some(path.to_path_buf()),
        deny_warnings: raw.deny_warnings,
        ..Config::default()
    };
    if let Some(p) = raw.profile {
        config.profile = Some(match p.get_ref().as_str() {
            "store" => Profile::Store,
            "org" => Profile::Org,
            other => {
                return Err(ConfigError(format!(
                    "{name}:{}: unknown profile \"{other}\" (expected \"store\" or \"org\")",
                    line_of(text, p.span().start)
                )))
            }
        });
    }
    for (rule, level) in raw.rules {
        let line = line_of(text, rule.span().start);
        if !is_rule_or_category(rule.get_ref()) {
            return Err(ConfigError(format!(
                "{name}:{line}: unknown rule `{}` (run `appcert rules` for the list)",
                rule.get_ref()
            )));
        }
        let lvl = match level.get_ref().as_str() {
            "off" => Level::Off,
            "info" => Level::Info,
            "warning" => Level::Warning,
            "error" => Level::Error,
            other => {
                return Err(ConfigError(format!(
                    "{name}:{}: unknown level \"{other}\" for `{}` (expected off, info, warning or error)",
                    line_of(text, level.span().start),
                    rule.get_ref()
                )))
            }
        };
        config.levels.insert(rule.into_inner(), lvl);
    }
    for s in raw.suppress {
        let line = line_of(text, s.span().start);
        let s = s.into_inner();
        if registry().get(s.rule.get_ref()).is_none() {
            return Err(ConfigError(format!(
                "{name}:{}: unknown rule `{}` in [[suppress]]",
                line_of(text, s.rule.span().start),
                s.rule.get_ref()
            )));
        }
        let reason = s.reason.unwrap_or_default();
        if reason.trim().is_empty() {
            return Err(ConfigError(format!(
                "{name}:{line}: [[suppress]] of `{}` needs a `reason` (why this finding does not apply)",
                s.rule.get_ref()
            )));
        }
        if !s.pointer.is_empty() && !s.pointer.starts_with('/') {
            return Err(ConfigError(format!(
                "{name}:{line}: `pointer` must be a JSON pointer starting with `/` (got \"{}\")",
                s.pointer
            )));
        }
        config.suppressions.push(Suppression {
            rule: s.rule.into_inner(),
            file: s.file.unwrap_or_else(|| "manifest.json".to_string()),
            pointer: s.pointer,
            reason,
            package: s.package,
            origin: format!("{name}:{line}"),
        });
    }
    Ok(config)
}

/// Finds `appcert.toml` in `start` or the nearest folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Loads a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
    parse(path, &text)
}

impl Config {
    fn matches(list: &[String], rule: &str) -> bool {
        let category = registry().get(rule).map(|r| r.category.as_str());
        list.iter()
            .any(|s| s == rule || Some(s.as_str()) == category)
    }

    /// Whether a rule runs at all.
    pub fn enabled(&self, rule: &str) -> bool {
        if !self.select.is_empty() && !Config::matches(&self.select, rule) {
            return false;
        }
        if Config::matches(&self.ignore, rule) {
            return false;
        }
        let category = registry().get(rule).map(|r| r.category.clone());
        let level = self
            .levels
            .get(rule)
            .or_else(|| category.as_ref().and_then(|c| self.levels.get(c)));
        level != Some(&Level::Off)
    }

    /// Applies selection, levels and suppressions to the findings of one package.
    /// Returns the indexes of suppressions that matched.
    pub fn apply(&self, package_input: &str, findings: &mut Vec<Finding>) -> Vec<usize> {
        findings.retain(|f| self.enabled(&f.rule));
        for f in findings.iter_mut() {
            let category = registry().get(&f.rule).map(|r| r.category.clone());
            let level = self
                .levels
                .get(&f.rule)
                .or_else(|| category.as_ref().and_then(|c| self.levels.get(c)));
            if let Some(sev) = level.and_then(|l| l.severity()) {
                f.severity = sev;
            }
        }
        let mut used = Vec::new();
        for (i, s) in self.suppressions.iter().enumerate() {
            if s.package
                .as_ref()
                .is_some_and(|p| !package_input.contains(p.as_str()))
            {
                continue;
            }
            for f in findings.iter_mut() {
                if f.rule == s.rule && f.file == s.file && f.pointer == s.pointer {
                    f.suppressed = Some(Suppressed {
                        reason: s.reason.clone(),
                    });
                    if !used.contains(&i) {
                        used.push(i);
                    }
                }
            }
        }
        used
    }
}
