//! Baselines: the findings of today recorded in a file (`appcert baseline`), so that
//! `appcert check --baseline FILE` reports only the findings that are not in it.
//!
//! A baseline is JSON: a `version` and `entries`, each a package (its input as the report
//! shows it), a rule, a file, a pointer and a count, sorted, so that it diffs well under
//! version control. A finding matching an entry (up to the entry's count) is suppressed with
//! a reason naming the baseline; an entry that matches fewer findings than it counts is
//! reported (`baseline-entry-unused`, info) in its package. Pure functions on text and
//! reports: reading the file is the command line's business.

use crate::finding::Suppressed;
use crate::report::PackageReport;
use crate::rules::registry;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

/// Rules never recorded nor suppressed: a package that could not be checked must fail.
const NEVER_BASELINED: &[&str] = &["internal-error", "baseline-entry-unused"];

/// A baseline: the findings a project has accepted for now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
    /// The file it was read from, for messages and suppression reasons (not serialised).
    #[serde(skip)]
    pub origin: String,
}

/// The findings of one rule at one place of one package.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The package's input, as the report shows it.
    pub package: String,
    pub rule: String,
    /// Path inside the package; empty for the package as a whole.
    pub file: String,
    /// JSON pointer into `file`; empty for the whole file.
    pub pointer: String,
    /// How many findings of the rule there are at this place.
    pub count: usize,
}

impl Baseline {
    /// The baseline of a run: every finding that counts (not already suppressed by the
    /// configuration), grouped by package, rule, file and pointer, sorted.
    pub fn of(packages: &[PackageReport]) -> Baseline {
        let mut counts: BTreeMap<(&str, &str, &str, &str), usize> = BTreeMap::new();
        for p in packages {
            for f in p.findings.iter().filter(|f| f.counts()) {
                if NEVER_BASELINED.contains(&f.rule.as_str()) {
                    continue;
                }
                *counts
                    .entry((&p.input, &f.rule, &f.file, &f.pointer))
                    .or_default() += 1;
            }
        }
        Baseline {
            version: VERSION,
            entries: counts
                .into_iter()
                .map(|((package, rule, file, pointer), count)| Entry {
                    package: package.to_string(),
                    rule: rule.to_string(),
                    file: file.to_string(),
                    pointer: pointer.to_string(),
                    count,
                })
                .collect(),
            origin: String::new(),
        }
    }

    /// The baseline file's text: pretty JSON, one member per line, ending with a newline.
    pub fn render(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a baseline file's text; `origin` names it in errors and suppression reasons.
    pub fn parse(origin: &str, text: &str) -> Result<Baseline, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            format!(
                "{origin}: not an appcert baseline ({e}); write one with `appcert baseline [PATH]... > {origin}`"
            )
        })?;
        if baseline.version != VERSION {
            return Err(format!(
                "{origin}: baseline version {} is not supported (this appcert reads version {VERSION})",
                baseline.version
            ));
        }
        if let Some(e) = baseline.entries.iter().find(|e| e.count == 0) {
            return Err(format!(
                "{origin}: the entry of `{}` at {} `{}` has count 0 (at least 1)",
                e.rule, e.file, e.pointer
            ));
        }
        baseline.origin = origin.to_string();
        Ok(baseline)
    }

    /// Suppresses the findings the baseline records (up to each entry's count) and reports,
    /// in their package, the entries that match fewer findings than they count. Entries of
    /// packages not in the run, or of rules that did not run (`enabled`), are left alone.
    pub fn apply(&self, packages: &mut [PackageReport], enabled: &dyn Fn(&str) -> bool) {
        let registry = registry();
        for entry in &self.entries {
            let Some(p) = packages.iter_mut().find(|p| p.input == entry.package) else {
                continue;
            };
            if NEVER_BASELINED.contains(&entry.rule.as_str()) {
                continue;
            }
            let mut matched = 0;
            for f in p.findings.iter_mut() {
                if matched == entry.count {
                    break;
                }
                let same_rule = f.rule == entry.rule
                    || registry.get(&f.rule).and_then(|m| m.split_from.as_deref())
                        == Some(entry.rule.as_str());
                if same_rule && f.counts() && f.file == entry.file && f.pointer == entry.pointer {
                    f.suppressed = Some(Suppressed {
                        reason: format!("in the baseline {}", self.origin),
                    });
                    matched += 1;
                }
            }
            if matched < entry.count && enabled(&entry.rule) {
                let meta = registry.meta("baseline-entry-unused");
                let place = match (entry.file.as_str(), entry.pointer.as_str()) {
                    ("", _) => "the package".to_string(),
                    (file, "") => file.to_string(),
                    (file, pointer) => format!("{file} `{pointer}`"),
                };
                let message = if matched == 0 {
                    format!(
                        "the baseline entry of `{}` at {place} ({}) matches no finding: it was fixed",
                        entry.rule, self.origin
                    )
                } else {
                    format!(
                        "the baseline entry of `{}` at {place} ({}) counts {} findings, {matched} remain",
                        entry.rule, self.origin, entry.count
                    )
                };
                p.findings.push(
                    meta.finding("", "", message)
                        .help(meta.docs().fix.clone())
                        .policies(meta.policies.clone()),
                );
            }
        }
    }

    /// Whether any entry names one of these packages (a baseline written from another
    /// folder names the packages differently and suppresses nothing).
    pub fn names_any(&self, packages: &[PackageReport]) -> bool {
        self.entries
            .iter()
            .any(|e| packages.iter().any(|p| p.input == e.package))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_refuses_other_versions_zero_counts_and_unknown_members() {
        let ok = r#"{"version":1,"entries":[{"package":"a","rule":"r","file":"manifest.json","pointer":"/x","count":2}]}"#;
        let b = Baseline::parse("b.json", ok).expect("valid");
        assert_eq!(b.entries.len(), 1);
        assert_eq!(b.origin, "b.json");
        let e = Baseline::parse("b.json", r#"{"version":2,"entries":[]}"#).unwrap_err();
        assert!(e.contains("version 2 is not supported"), "{e}");
        let e = Baseline::parse("b.json", &ok.replace("\"count\":2", "\"count\":0")).unwrap_err();
        assert!(e.contains("count 0"), "{e}");
        let e = Baseline::parse("b.json", &ok.replace("\"count\"", "\"cuont\"")).unwrap_err();
        assert!(e.starts_with("b.json: not an appcert baseline"), "{e}");
        let e = Baseline::parse("b.json", "[").unwrap_err();
        assert!(e.contains("not an appcert baseline"), "{e}");
    }

    #[test]
    fn render_round_trips() {
        let b = Baseline {
            version: VERSION,
            entries: vec![Entry {
                package: "app.zip".into(),
                rule: "schema-too-long".into(),
                file: "manifest.json".into(),
                pointer: "/name/short".into(),
                count: 1,
            }],
            origin: String::new(),
        };
        let text = b.render();
        assert!(text.ends_with("}\n"));
        let back = Baseline::parse("x", &text).expect("round trip");
        assert_eq!(back.entries, b.entries);
    }
}
