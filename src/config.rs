//! `appcert.toml` and the command-line selections that override it: which rules run, at which
//! severity, and which findings are suppressed (with a mandatory reason).
//!
//! ```toml
//! profile = "org"            # optional: store (default) or org
//! deny-warnings = false      # warnings fail the package
//! connector-kind = "certified" # connectors: certified | independent (default: from the path)
//! submission = "update"      # connectors: new (default) | update
//!
//! [rules]
//! name-preproduction-word = "off"          # off | info | warning | error
//! description-office-365 = "error"
//!
//! [thresholds]              # where the sources disagree (see each rule's explanation)
//! me-parameters-error-below = 2
//! me-parameters-warning-below = 3
//! conversation-starters-min = 3
//! conversation-starters-max = 6
//! outline-padding-max = 4
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

pub use crate::thresholds::Thresholds;

/// Settings from the file and the command line.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub thresholds: Thresholds,
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
    /// Power Platform connectors: publisher kind and submission type.
    pub connector: crate::submission::ConnectorSettings,
    /// The findings recorded in a baseline (`--baseline FILE`) do not count.
    pub baseline: Option<std::sync::Arc<crate::baseline::Baseline>>,
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
    #[serde(default)]
    thresholds: Option<toml::Spanned<Thresholds>>,
    connector_kind: Option<toml::Spanned<String>>,
    submission: Option<toml::Spanned<String>>,
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

/// Whether a selector (a rule id, a category, the id a rule was split from, or a glob such as
/// `schema-*`) names `rule`.
pub fn selects(selector: &str, rule: &str) -> bool {
    let meta = registry().get(rule);
    let names = [
        Some(rule),
        meta.map(|m| m.category.as_str()),
        meta.and_then(|m| m.split_from.as_deref()),
    ];
    names.into_iter().flatten().any(|n| glob_match(selector, n))
}

/// `*` matches any run of characters; everything else matches itself.
fn glob_match(pattern: &str, name: &str) -> bool {
    if !pattern.contains('*') {
        return pattern == name;
    }
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `name` selects at least one rule: a rule id, a category, an old id of a split rule,
/// or a glob.
pub fn is_rule_or_category(name: &str) -> bool {
    registry().rules.keys().any(|id| selects(name, id))
}

/// The closest rule id or category to a misspelt name, for "did you mean".
pub fn suggestion(name: &str) -> Option<String> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    let reg = registry();
    let names = reg
        .rules
        .values()
        .flat_map(|r| [r.id.as_str(), r.category.as_str()]);
    names
        .map(|n| (distance(name, n), n))
        .filter(|(d, n)| *d <= (n.len() / 3).max(2))
        .min()
        .map(|(_, n)| n.to_string())
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
    if let Some(t) = raw.thresholds {
        let line = line_of(text, t.span().start);
        let t = t.into_inner();
        if t.me_parameters_error_below > t.me_parameters_warning_below
            || t.conversation_starters_min > t.conversation_starters_max
        {
            return Err(ConfigError(format!(
                "{name}:{line}: [thresholds]: an error threshold is above its warning threshold, or a minimum above its maximum"
            )));
        }
        config.thresholds = t;
    }
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
    if let Some(k) = raw.connector_kind {
        config.connector.kind = Some(match k.get_ref().as_str() {
            "certified" => crate::submission::PublisherKind::Certified,
            "independent" => crate::submission::PublisherKind::Independent,
            other => {
                return Err(ConfigError(format!(
                    "{name}:{}: unknown connector-kind \"{other}\" (expected \"certified\" or \"independent\")",
                    line_of(text, k.span().start)
                )))
            }
        });
    }
    if let Some(s) = raw.submission {
        config.connector.submission = match s.get_ref().as_str() {
            "new" => crate::submission::Submission::New,
            "update" => crate::submission::Submission::Update,
            other => {
                return Err(ConfigError(format!(
                    "{name}:{}: unknown submission \"{other}\" (expected \"new\" or \"update\")",
                    line_of(text, s.span().start)
                )))
            }
        };
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
        list.iter().any(|s| selects(s, rule))
    }

    /// The configured level of a rule: by id, else by the id it was split from, else by
    /// category, else by a glob (`"schema-*" = "warning"`).
    fn level_of(&self, rule: &str) -> Option<&Level> {
        let meta = registry().get(rule);
        self.levels
            .get(rule)
            .or_else(|| {
                meta.and_then(|m| m.split_from.as_ref())
                    .and_then(|old| self.levels.get(old))
            })
            .or_else(|| meta.and_then(|m| self.levels.get(&m.category)))
            .or_else(|| {
                self.levels
                    .iter()
                    .find(|(k, _)| k.contains('*') && selects(k, rule))
                    .map(|(_, l)| l)
            })
    }

    /// Whether a rule runs at all.
    pub fn enabled(&self, rule: &str) -> bool {
        if !self.select.is_empty() && !Config::matches(&self.select, rule) {
            return false;
        }
        if Config::matches(&self.ignore, rule) {
            return false;
        }
        self.level_of(rule) != Some(&Level::Off)
    }

    /// Applies selection, levels and suppressions to the findings of one package.
    /// Returns the indexes of suppressions that matched.
    pub fn apply(&self, package_input: &str, findings: &mut Vec<Finding>) -> Vec<usize> {
        findings.retain(|f| self.enabled(&f.rule));
        for f in findings.iter_mut() {
            if let Some(sev) = self.level_of(&f.rule).and_then(|l| l.severity()) {
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
                let same_rule = f.rule == s.rule
                    || registry()
                        .get(&f.rule)
                        .and_then(|m| m.split_from.as_deref())
                        == Some(s.rule.as_str());
                if same_rule && f.file == s.file && f.pointer == s.pointer {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::Pkg;
    use crate::{check_zip_bytes, finish_run, Options};
    use serde_json::json;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("appcert.toml"), text)
    }

    /// Checks the base package with `version` broken (one `manifest-version-not-semver` error)
    /// and a pre-production word in the name, under a configuration.
    fn run(config: Config) -> crate::Report {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"version": "1.0", "name": {"short": "Harborlight Standup Beta"}}),
        );
        let options = Options {
            config,
            ..Options::default()
        };
        let report = check_zip_bytes("test.zip", crate::rules::testing::zip(&pkg.files), &options);
        finish_run(vec![report], &options)
    }

    fn rules_of(report: &crate::Report) -> Vec<(String, Severity, bool)> {
        report.packages[0]
            .findings
            .iter()
            .map(|f| (f.rule.clone(), f.severity, f.suppressed.is_some()))
            .collect()
    }

    #[test]
    fn parses_levels_profile_and_suppressions() {
        let c = parse_str(
            "profile = \"org\"\ndeny-warnings = true\n[rules]\nname-preproduction-word = \"off\"\nnaming = \"warning\"\n\n[[suppress]]\nrule = \"manifest-version-not-semver\"\npointer = \"/version\"\nreason = \"legacy\"\n",
        )
        .unwrap();
        assert_eq!(c.profile, Some(Profile::Org));
        assert!(c.deny_warnings);
        assert_eq!(c.levels.get("name-preproduction-word"), Some(&Level::Off));
        assert_eq!(c.levels.get("naming"), Some(&Level::Warning));
        assert_eq!(c.suppressions.len(), 1);
        assert_eq!(c.suppressions[0].file, "manifest.json");
        assert_eq!(c.suppressions[0].origin, "appcert.toml:7");
    }

    #[test]
    fn thresholds_are_read_and_checked() {
        let c = parse_str(
            "[thresholds]\nme-parameters-warning-below = 4\nconversation-starters-max = 12\n",
        )
        .unwrap();
        assert_eq!(c.thresholds.me_parameters_warning_below, 4);
        assert_eq!(c.thresholds.me_parameters_error_below, 2);
        assert_eq!(c.thresholds.conversation_starters_min, 3);
        assert_eq!(c.thresholds.conversation_starters_max, 12);
        let e = parse_str("\n[thresholds]\nconversation-starters-min = 7\n").unwrap_err();
        assert!(e.0.starts_with("appcert.toml:2:"), "{e}");
        let e = parse_str("[thresholds]\nstarters = 7\n").unwrap_err();
        assert!(e.0.contains("starters"), "{e}");
    }

    #[test]
    fn thresholds_change_what_the_rules_accept() {
        let agent = "fixtures/packages/declarative-agent";
        // The fixture agent has 4 starters: fine by default, too few with a minimum of 5.
        assert!(Pkg::from_fixture(agent)
            .hits("agent-conversation-starters-count")
            .is_empty());
        let strict = parse_str("[thresholds]\nconversation-starters-min = 5\n").unwrap();
        assert_eq!(
            Pkg::from_fixture(agent)
                .config(strict)
                .hits("agent-conversation-starters-count"),
            vec![(
                "declarativeAgent.json".to_string(),
                "/conversation_starters".to_string()
            )]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_str("[rules]\n\nno-such-rule = \"off\"\n").unwrap_err();
        assert!(
            e.0.starts_with("appcert.toml:3: unknown rule `no-such-rule`"),
            "{e}"
        );
        let e = parse_str("[rules]\nmanifest-version-not-semver = \"loud\"\n").unwrap_err();
        assert!(
            e.0.starts_with("appcert.toml:2: unknown level \"loud\""),
            "{e}"
        );
        let e = parse_str(
            "\n[[suppress]]\nrule = \"manifest-version-not-semver\"\npointer = \"/version\"\n",
        )
        .unwrap_err();
        assert!(
            e.0.starts_with("appcert.toml:2:") && e.0.contains("needs a `reason`"),
            "{e}"
        );
        let e = parse_str("profile = \"public\"\n").unwrap_err();
        assert!(e.0.starts_with("appcert.toml:1: unknown profile"), "{e}");
        let e = parse_str("[rules\n").unwrap_err();
        assert!(e.0.starts_with("appcert.toml:1:"), "{e}");
        let e = parse_str("colour = true\n").unwrap_err();
        assert!(
            e.0.starts_with("appcert.toml:1:") && e.0.contains("colour"),
            "{e}"
        );
        let e = parse_str("[[suppress]]\nrule = \"manifest-version-not-semver\"\npointer = \"version\"\nreason = \"x\"\n").unwrap_err();
        assert!(e.0.contains("JSON pointer"), "{e}");
    }

    #[test]
    fn levels_change_severity_and_off_removes() {
        let report = run(parse_str("[rules]\nmanifest-version-not-semver = \"warning\"\nname-preproduction-word = \"off\"\n").unwrap());
        let got = rules_of(&report);
        assert!(
            got.contains(&(
                "manifest-version-not-semver".into(),
                Severity::Warning,
                false
            )),
            "{got:?}"
        );
        assert!(
            got.iter().all(|(r, _, _)| r != "name-preproduction-word"),
            "{got:?}"
        );
        assert_eq!(report.packages[0].verdict, crate::Verdict::Pass);
    }

    #[test]
    fn suppressed_findings_stay_but_do_not_count() {
        let report = run(parse_str("[rules]\nname-preproduction-word = \"off\"\n[[suppress]]\nrule = \"manifest-version-not-semver\"\npointer = \"/version\"\nreason = \"legacy versioning\"\n").unwrap());
        let f = report.packages[0]
            .findings
            .iter()
            .find(|f| f.rule == "manifest-version-not-semver")
            .unwrap();
        assert_eq!(f.suppressed.as_ref().unwrap().reason, "legacy versioning");
        assert_eq!(report.packages[0].summary.errors, 0);
        assert_eq!(report.packages[0].verdict, crate::Verdict::Pass);
    }

    #[test]
    fn unused_suppression_is_reported() {
        let report = run(parse_str("[[suppress]]\nrule = \"valid-domain-tunnel\"\npointer = \"/validDomains/7\"\nreason = \"old\"\n").unwrap());
        let f = report.packages[0]
            .findings
            .iter()
            .find(|f| f.rule == "config-unused-suppression")
            .unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.message.contains("/validDomains/7") && f.message.contains("appcert.toml:1"),
            "{}",
            f.message
        );
    }

    #[test]
    fn select_ignore_and_deny_warnings() {
        let c = Config {
            select: vec!["manifest-version-not-semver".into()],
            ..Config::default()
        };
        let got = rules_of(&run(c));
        assert_eq!(
            got,
            vec![("manifest-version-not-semver".into(), Severity::Error, false)]
        );
        let c = Config {
            ignore: vec!["manifest".into(), "naming".into()],
            ..Config::default()
        };
        assert!(rules_of(&run(c)).is_empty());
        let mut c = parse_str("[rules]\nmanifest-version-not-semver = \"warning\"\nname-preproduction-word = \"off\"\n").unwrap();
        c.deny_warnings = true;
        assert_eq!(run(c).packages[0].verdict, crate::Verdict::Fail);
    }
}
