//! Real packages of apps published in the Teams Store, and real pairs of a rejected submission
//! and the commit that fixed it, from `../shared/realapps` (skipped when the folder is absent;
//! provenance and licences there). Under the store profile:
//!
//! - every published package has no error except the findings `findings.tsv` classifies as
//!   true (listed in `ACCEPTED` below, with the reason);
//! - every rejected version has an error at a place its fix commit changed (a manifest value
//!   that differs, or an icon file that was replaced);
//! - every fixed version has no error except those accepted.
//!
//! docs/realapps-findings.md lists every finding, errors and warnings, with its verdict.

use crate::common::{read_tree, root};
use appcert::{Finding, Options, PackageReport, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The published packages (folders of `../shared/realapps`).
const PUBLISHED: &[&str] = &[
    "custom-stickers-v1",
    "jira-datacenter",
    "jira-datacenter-2024.08",
    "mattermost-community",
    "mattermost-corpus",
    "mattermost-hub",
    "my-stickers",
    "zeplin",
];

/// The rejected → fixed pairs (`pairs/<app>/rejected-<sha>`, `pairs/<app>/fixed-<sha>`).
const PAIRS: &[&str] = &[
    "jira-datacenter",
    "mattermost-community",
    "mattermost-corpus",
    "mattermost-hub",
    "my-stickers",
];

/// Errors that are true per the guidelines (package prefix, rule, file, pointer; why).
/// The package is a published folder, or a prefix ending in `-` (`pairs/jira-datacenter/fixed-`).
const ACCEPTED: &[(&str, &str, &str, &str, &str)] = &[
    (
        "jira-datacenter",
        "manifest-version-below-store-floor",
        "manifest.json",
        "/manifestVersion",
        "1.7: the guidelines ask for 1.10 or later [Must fix]; the store kept this existing listing on 1.7 (findings.tsv: TRUE-per-guideline, DISPUTED-in-practice)",
    ),
    (
        "jira-datacenter",
        "schema-too-many-items",
        "manifest.json",
        "/bots/0/commandLists/1/commands",
        "11 commands where the 1.7 schema allows 10 (findings.tsv: TRUE)",
    ),
    (
        "jira-datacenter-2024.08",
        "manifest-version-below-store-floor",
        "manifest.json",
        "/manifestVersion",
        "the same app on 1.7 (see above)",
    ),
    (
        "pairs/jira-datacenter/fixed-",
        "manifest-version-below-store-floor",
        "manifest.json",
        "/manifestVersion",
        "the fix moved to 1.7 (see above)",
    ),
    (
        "custom-stickers-v1",
        "description-teams-first-mention",
        "manifest.json",
        "/description/short",
        "\"Add Custom Stickers in Teams\": the publisher changed this very wording in its review fix (findings.tsv: TRUE)",
    ),
    (
        "custom-stickers-v1",
        "description-teams-first-mention",
        "zh-cn.json",
        "/description.full",
        "\"在Teams里…\": a bare Teams, found since words split at a change of script; the review fix (#216) rewrote the same Chinese text to \"在Microsoft Teams…\" (not in findings.tsv: appcert 0.1.0 read \"在Teams里\" as one word)",
    ),
    (
        "custom-stickers-v1",
        "localization-schema-version-mismatch",
        "zh-cn.json",
        "/$schema",
        "localization schema 1.5 with manifest 1.10 [Must fix] (findings.tsv: TRUE-per-guideline)",
    ),
    (
        "zeplin",
        "manifest-version-below-store-floor",
        "manifest.json",
        "/manifestVersion",
        "1.6 (findings.tsv: TRUE-per-guideline)",
    ),
    (
        "zeplin",
        "office-connector-retired",
        "manifest.json",
        "/connectors",
        "a connector-only app: Office 365 connectors are retired and no longer accepted in new submissions (findings.tsv notes it)",
    ),
];

fn realapps() -> Option<PathBuf> {
    let dir = root().join("../shared/realapps");
    dir.join("findings.tsv").is_file().then_some(dir)
}

fn check(dir: &Path, name: &str) -> PackageReport {
    let files: Vec<(String, Vec<u8>)> = read_tree(dir).into_iter().collect();
    appcert::check_files(name, files, &Options::default())
}

fn errors(report: &PackageReport) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

/// Whether an `ACCEPTED` package entry names `package` (a prefix when it ends with `-`).
fn names(entry: &str, package: &str) -> bool {
    if entry.ends_with('-') {
        package.starts_with(entry)
    } else {
        package == entry
    }
}

fn accepted(package: &str, f: &Finding) -> bool {
    ACCEPTED.iter().any(|(p, rule, file, pointer, _)| {
        names(p, package) && f.rule == *rule && f.file == *file && f.pointer == *pointer
    })
}

fn show(f: &Finding) -> String {
    format!(
        "{} {} {}{}: {}",
        f.severity, f.rule, f.file, f.pointer, f.message
    )
}

fn unaccepted(package: &str, report: &PackageReport) -> Vec<String> {
    errors(report)
        .into_iter()
        .filter(|f| !accepted(package, f))
        .map(show)
        .collect()
}

/// The two versions of a pair: (rejected folder, fixed folder).
fn pair_versions(dir: &Path, app: &str) -> (PathBuf, PathBuf) {
    let base = dir.join("pairs").join(app);
    let mut rejected = None;
    let mut fixed = None;
    for e in std::fs::read_dir(&base).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("rejected-") {
            rejected = Some(p);
        } else if name.starts_with("fixed-") {
            fixed = Some(p);
        }
    }
    (
        rejected.expect("a rejected-<sha> folder"),
        fixed.expect("a fixed-<sha> folder"),
    )
}

fn json(dir: &Path, file: &str) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(dir.join(file)).ok()?).ok()
}

/// Whether the fix changed what a finding of the rejected version points at: the value at its
/// pointer differs (or is gone), or, for an icon, the icon file was replaced.
fn fix_changed(rejected: &Path, fixed: &Path, f: &Finding) -> bool {
    let (Some(before), after) = (json(rejected, &f.file), json(fixed, &f.file)) else {
        return false;
    };
    let old = before.pointer(&f.pointer);
    let new = after.as_ref().and_then(|a| a.pointer(&f.pointer));
    if old != new {
        return true;
    }
    if f.pointer.starts_with("/icons/") {
        let file = old.and_then(Value::as_str).unwrap_or_default();
        return std::fs::read(rejected.join(file)).ok() != std::fs::read(fixed.join(file)).ok();
    }
    false
}

#[test]
fn published_apps_pass_except_true_findings() {
    let Some(dir) = realapps() else {
        eprintln!("skipped: ../shared/realapps is absent");
        return;
    };
    let mut problems = Vec::new();
    for name in PUBLISHED {
        let report = check(&dir.join(name), name);
        for e in unaccepted(name, &report) {
            problems.push(format!("{name}: {e}"));
        }
    }
    assert!(
        problems.is_empty(),
        "errors on published apps that findings.tsv does not classify as true:\n{}",
        problems.join("\n")
    );
}

#[test]
fn rejected_versions_fail_where_the_fix_changed_and_fixed_versions_pass() {
    let Some(dir) = realapps() else {
        eprintln!("skipped: ../shared/realapps is absent");
        return;
    };
    let mut problems = Vec::new();
    for app in PAIRS {
        let (rejected, fixed) = pair_versions(&dir, app);
        let rejected_name = format!(
            "pairs/{app}/{}",
            rejected.file_name().unwrap().to_string_lossy()
        );
        let fixed_name = format!(
            "pairs/{app}/{}",
            fixed.file_name().unwrap().to_string_lossy()
        );
        let before = check(&rejected, &rejected_name);
        let caught: Vec<&Finding> = errors(&before)
            .into_iter()
            .filter(|f| fix_changed(&rejected, &fixed, f))
            .collect();
        if caught.is_empty() {
            problems.push(format!(
                "{rejected_name}: no error where the fix changed something; errors: {:?}",
                errors(&before).iter().map(|f| show(f)).collect::<Vec<_>>()
            ));
        }
        let after = check(&fixed, &fixed_name);
        for e in unaccepted(&fixed_name, &after) {
            problems.push(format!("{fixed_name}: {e}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every accepted finding still occurs: an entry that no longer matches is stale.
#[test]
fn every_accepted_finding_still_occurs() {
    let Some(dir) = realapps() else {
        eprintln!("skipped: ../shared/realapps is absent");
        return;
    };
    let mut reports: BTreeMap<String, PackageReport> = BTreeMap::new();
    for name in PUBLISHED {
        reports.insert(name.to_string(), check(&dir.join(name), name));
    }
    for app in PAIRS {
        let (_, fixed) = pair_versions(&dir, app);
        let name = format!(
            "pairs/{app}/{}",
            fixed.file_name().unwrap().to_string_lossy()
        );
        reports.insert(name.clone(), check(&fixed, &name));
    }
    for (p, rule, file, pointer, why) in ACCEPTED {
        let found = reports.iter().any(|(name, r)| {
            names(p, name)
                && errors(r)
                    .into_iter()
                    .any(|f| f.rule == *rule && f.file == *file && f.pointer == *pointer)
        });
        assert!(
            found,
            "stale accepted finding {p} {rule} {file}{pointer} ({why})"
        );
    }
}
