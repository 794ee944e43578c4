//! The CI report formats (`sarif`, `junit`, `github`, `markdown`): snapshots over a passing
//! and a failing run, `--output FORMAT=FILE` on the built binary, exit codes, and (when it is
//! installed) Microsoft's SARIF validator over the SARIF log.

use crate::common::*;
use appcert::config::Config;
use appcert::report::{github, junit, markdown, sarif};
use appcert::{Input, InputKind, Options, Report, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TAB: &str = "tab-personal";

/// Rules the snapshot runs evaluate: a fixed list, so that new rules do not churn them.
const SNAPSHOT_RULES: [&str; 4] = [
    "manifest-version-not-semver",
    "schema-too-long",
    "schema-unknown-property",
    "schema-url-mismatch",
];

fn snapshot_options() -> Options {
    Options {
        config: Config {
            select: SNAPSHOT_RULES.iter().map(|s| s.to_string()).collect(),
            ..Config::default()
        },
        ..Options::default()
    }
}

/// tab-personal with two errors (name too long, unknown property) and a warning (`$schema`
/// of another version); the unknown property is suppressed, with a reason that needs escaping.
fn failing_pkg() -> Pkg {
    Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "\"short\": \"Quillstone Milestones\"",
            "\"short\": \"Quillstone Milestones & <Roadmaps> | for MS Teams\"",
        )
        .replace(
            "manifest.json",
            "\"accentColor\"",
            "\"colour\": \"blue\",\n  \"accentColor\"",
        )
        .replace("manifest.json", "teams/v1.25/", "teams/v1.24/")
}

fn suppress_unknown_property(pkg: &mut appcert::PackageReport, options: &Options) {
    for f in pkg.findings.iter_mut() {
        if f.rule == "schema-unknown-property" {
            f.suppressed = Some(appcert::finding::Suppressed {
                reason: "colour is read by our \"legacy\" <tooling>, 100% on purpose".into(),
            });
        }
    }
    pkg.refresh(options.config.deny_warnings);
}

/// A failing run: the failing package zipped (`build/app.zip`) and unpacked
/// (`build/failing tab`), and a clean fixture folder; with the snapshot rules, exactly the
/// findings asserted here.
fn failing_report(options: &Options) -> Report {
    let report = failing_report_unchecked(options);
    assert_eq!(report.summary.failed, 2, "{}", human_of(&report));
    for p in &report.packages[..2] {
        let rules: Vec<(&str, Severity, bool)> = p
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.severity, f.suppressed.is_some()))
            .collect();
        assert_eq!(
            rules,
            [
                ("schema-url-mismatch", Severity::Warning, false),
                ("schema-too-long", Severity::Error, false),
                ("schema-unknown-property", Severity::Error, true),
            ],
            "{}",
            describe(p)
        );
    }
    report
}

fn failing_report_unchecked(options: &Options) -> Report {
    let pkg = failing_pkg();
    let mut zipped = appcert::check_zip_bytes("build/app.zip", pkg.zip(), options);
    suppress_unknown_property(&mut zipped, options);
    let dir = tempfile::tempdir().expect("temp dir");
    pkg.write_dir(dir.path());
    let mut unpacked = appcert::check_input(
        &Input {
            display: "build/failing tab".into(),
            path: dir.path().to_path_buf(),
            kind: InputKind::Dir,
        },
        options,
    );
    suppress_unknown_property(&mut unpacked, options);
    let clean = appcert::check_input(
        &Input {
            display: fixture_display(TAB),
            path: root().join("fixtures/packages").join(TAB),
            kind: InputKind::Dir,
        },
        options,
    );
    appcert::finish_run(vec![zipped, unpacked, clean], options)
}

fn passing_report(options: &Options) -> Report {
    let clean = appcert::check_input(
        &Input {
            display: fixture_display(TAB),
            path: root().join("fixtures/packages").join(TAB),
            kind: InputKind::Dir,
        },
        options,
    );
    appcert::finish_run(vec![clean], options)
}

// ---- snapshots --------------------------------------------------------------------------

#[test]
fn sarif_snapshots() {
    let o = snapshot_options();
    let failing = sarif::render(&failing_report(&o), &root());
    insta::assert_snapshot!("sarif-failing", failing);
    insta::assert_snapshot!("sarif-passing", sarif::render(&passing_report(&o), &root()));
}

#[test]
fn junit_snapshots() {
    let o = snapshot_options();
    insta::assert_snapshot!("junit-failing", junit::render(&failing_report(&o)));
    insta::assert_snapshot!("junit-passing", junit::render(&passing_report(&o)));
}

#[test]
fn github_snapshots() {
    let o = snapshot_options();
    insta::assert_snapshot!(
        "github-failing",
        github::render(&failing_report(&o), &root())
    );
    insta::assert_snapshot!(
        "github-passing",
        github::render(&passing_report(&o), &root())
    );
}

#[test]
fn markdown_snapshots() {
    let o = snapshot_options();
    insta::assert_snapshot!(
        "markdown-failing",
        markdown::render(&failing_report(&o), &root())
    );
    insta::assert_snapshot!(
        "markdown-passing",
        markdown::render(&passing_report(&o), &root())
    );
}

// ---- structure --------------------------------------------------------------------------

#[test]
fn sarif_lists_only_fired_rules_and_indexes_them() {
    let log: Value = serde_json::from_str(&sarif::render(
        &failing_report(&snapshot_options()),
        &root(),
    ))
    .expect("SARIF is JSON");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "schema-too-long",
            "schema-unknown-property",
            "schema-url-mismatch"
        ]
    );
    for r in run["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i], r["ruleId"].as_str().unwrap());
    }
    let unpacked: Vec<&Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["properties"]["package"] == "build/failing tab")
        .collect();
    let too_long = unpacked
        .iter()
        .find(|r| r["ruleId"] == "schema-too-long")
        .unwrap();
    let loc = &too_long["locations"][0];
    assert_eq!(
        loc["physicalLocation"]["artifactLocation"]["uri"],
        "build/failing%20tab/manifest.json"
    );
    assert_eq!(loc["physicalLocation"]["region"]["startLine"], 14);
    assert_eq!(
        loc["logicalLocations"][0]["fullyQualifiedName"],
        "/name/short"
    );
    let suppressed = unpacked
        .iter()
        .find(|r| r["ruleId"] == "schema-unknown-property")
        .unwrap();
    assert_eq!(suppressed["suppressions"][0]["kind"], "external");
}

#[test]
fn junit_has_one_case_for_the_rules_that_passed() {
    // A passing package: no padding with one case per rule, one summary case with the count
    // of the rules of its kind (a Teams package here: connector rules are not evaluated).
    let o = Options::default();
    let xml = junit::render(&passing_report(&o));
    let enabled = appcert::rules::registry()
        .rules
        .values()
        .filter(|r| o.config.enabled(&r.id) && r.applies_to("teams"))
        .count();
    assert_eq!(xml.matches("<testcase ").count(), 1, "{xml}");
    assert!(
        xml.contains(&format!("{enabled} other rules ran and found nothing")),
        "{xml}"
    );
    assert!(!xml.contains("<failure"));
    // Ignoring a category lowers the count.
    let ignored = Options {
        config: Config {
            ignore: vec!["schema".into()],
            ..Config::default()
        },
        ..Options::default()
    };
    let xml = junit::render(&passing_report(&ignored));
    assert!(!xml.contains(&format!("{enabled} other rules")), "{xml}");
    // Failing packages: one case per rule with findings (never an empty one), plus the
    // summary case in each suite.
    let o = snapshot_options();
    let report = failing_report(&o);
    let xml = junit::render(&report);
    let with_findings: usize = report
        .packages
        .iter()
        .map(|p| {
            p.findings
                .iter()
                .map(|f| f.rule.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        })
        .sum();
    assert_eq!(
        xml.matches("<testcase ").count(),
        with_findings + xml.matches("name=\"rules-passed\"").count()
    );
    assert!(!xml.contains("\"/>"), "no empty test case: {xml}");
}

#[test]
fn junit_deny_warnings_fails_the_warning_rule() {
    let mut o = snapshot_options();
    o.config.deny_warnings = true;
    let xml = junit::render(&failing_report(&o));
    let case = xml
        .split("<testcase ")
        .find(|c| c.contains("name=\"schema-url-mismatch\""))
        .unwrap();
    assert!(case.contains("<failure "), "{case}");
}

// ---- the binary -------------------------------------------------------------------------

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A folder holding `app.zip` (failing) and `clean/` (a clean fixture).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.zip"), failing_pkg().zip()).unwrap();
    Pkg::fixture(TAB).write_dir(&dir.path().join("clean"));
    dir
}

#[test]
fn every_format_keeps_the_exit_codes() {
    let ws = workspace();
    for format in ["human", "json", "sarif", "junit", "github", "markdown"] {
        let o = appcert(ws.path(), &["check", "clean", "--format", format]);
        assert_exit(&o, 0);
        assert!(!o.stdout.is_empty(), "{format}");
        let o = appcert(
            ws.path(),
            &["check", "app.zip", "clean", "--format", format],
        );
        assert_exit(&o, 1);
        let o = appcert(ws.path(), &["check", "missing.zip", "--format", format]);
        assert_exit(&o, 2);
    }
}

#[test]
fn several_formats_in_one_run() {
    let ws = workspace();
    let o = appcert(
        ws.path(),
        &[
            "check",
            "app.zip",
            "clean",
            "--output",
            "sarif=out/appcert.sarif",
            "--output",
            "junit=appcert.xml",
            "-o",
            "JSON=appcert.json",
            "--format",
            "human",
        ],
    );
    // The folder `out/` does not exist: the write fails, exit 2.
    assert_exit(&o, 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("out/appcert.sarif"));
    let o = appcert(
        ws.path(),
        &[
            "check",
            "app.zip",
            "clean",
            "--output",
            "sarif=appcert.sarif",
            "--output",
            "junit=appcert.xml",
            "-o",
            "JSON=appcert.json",
            "--format",
            "human",
        ],
    );
    assert_exit(&o, 1);
    let human = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(human.contains("✗ app.zip"), "{human}");
    let read = |name: &str| std::fs::read_to_string(ws.path().join(name)).unwrap();
    let log: Value = serde_json::from_str(&read("appcert.sarif")).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "app.zip"
    );
    assert!(read("appcert.xml").starts_with("<?xml"));
    // The JSON written next to another format is the same as `--format json` alone.
    let alone = appcert(
        ws.path(),
        &["check", "app.zip", "clean", "--format", "json"],
    );
    assert_eq!(
        String::from_utf8(alone.stdout).unwrap(),
        read("appcert.json")
    );
    // A plain `--output FILE` still takes the selected format.
    let o = appcert(
        ws.path(),
        &[
            "check",
            "clean",
            "--format",
            "markdown",
            "--output",
            "summary.md",
        ],
    );
    assert_exit(&o, 0);
    assert!(o.stdout.is_empty());
    assert!(read("summary.md").starts_with("## appcert: 1 of 1 package passed"));
}

#[test]
fn output_usage_errors() {
    let ws = workspace();
    for args in [
        &["check", "clean", "-o", "a.txt", "-o", "b.txt"][..],
        &["check", "clean", "-o", "sarif="][..],
        &["check", "clean", "-o", ""][..],
    ] {
        let o = appcert(ws.path(), args);
        assert_exit(&o, 2);
        assert!(o.stdout.is_empty());
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(err.starts_with("appcert: error: "), "{err}");
    }
}

// ---- Microsoft's SARIF validator --------------------------------------------------------

/// `SARIF_MULTITOOL`, else `scripts/sarif/node_modules/.bin/sarif-multitool` (installed by
/// `npm ci` in `scripts/sarif`, as `.ci/run` does).
pub fn sarif_multitool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let local = root().join("scripts/sarif/node_modules/.bin/sarif-multitool");
    local.is_file().then_some(local)
}

/// The SARIF 2.1.0 JSON schema shipped with the validator's npm package, when installed.
fn sarif_schema() -> Option<Value> {
    let path =
        root().join("scripts/sarif/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json");
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()
}

/// Panics with the problems [`sarif_problems`] finds.
pub fn assert_valid_sarif(tool: &Path, file: &Path) {
    let problems = sarif_problems(tool, file);
    assert!(
        problems.is_empty(),
        "{}: invalid SARIF:\n{}",
        file.display(),
        problems.join("\n")
    );
}

/// Runs `sarif-multitool validate` over a SARIF file and returns its errors. The validator
/// silently reports nothing for a log it cannot deserialize (e.g. an unknown `level`), so the
/// log is also checked against the SARIF JSON schema shipped with it.
pub fn sarif_problems(tool: &Path, file: &Path) -> Vec<String> {
    let mut errors = Vec::new();
    if let Some(schema) = sarif_schema() {
        let validator = jsonschema::validator_for(&schema).expect("SARIF schema compiles");
        let text = std::fs::read_to_string(file).unwrap();
        let value: Value = serde_json::from_str(&text).expect("SARIF is JSON");
        errors.extend(
            validator
                .iter_errors(&value)
                .map(|e| format!("schema: {}: {e}", e.instance_path().as_str())),
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("validation.sarif");
    let o = Command::new(tool)
        .arg("validate")
        .arg(file)
        .arg("--output")
        .arg(&out)
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("run sarif-multitool");
    let text = std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "sarif-multitool wrote no log (exit {:?}):\n{}\n{}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let log: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("validation log is JSON");
    for run in log["runs"].as_array().into_iter().flatten() {
        for r in run["results"].as_array().into_iter().flatten() {
            if r["level"].as_str().unwrap_or("warning") == "error" {
                errors.push(format!("validator: {} {}", r["ruleId"], r["message"]));
            }
        }
        for n in run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if n["level"].as_str().unwrap_or("warning") == "error" {
                errors.push(format!("validator: tool: {}", n["message"]));
            }
        }
    }
    errors
}

#[test]
fn sarif_passes_microsofts_validator() {
    let Some(tool) = sarif_multitool() else {
        eprintln!(
            "skipped: sarif-multitool not installed (run `npm ci` in scripts/sarif or set SARIF_MULTITOOL)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    // The checks catch invalid logs: one the schema rejects, one only the validator does.
    let good = sarif::render(&failing_report(&snapshot_options()), &root());
    for (name, bad, expected) in [
        (
            "bad-level.sarif",
            good.replacen("\"level\": \"warning\"", "\"level\": \"bogus\"", 2),
            "schema: ",
        ),
        (
            "bad-index.sarif",
            good.replacen("\"ruleIndex\": 2", "\"ruleIndex\": 9", 1),
            "SARIF1009",
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, bad).unwrap();
        let problems = sarif_problems(&tool, &file);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{name} passes the checks: {problems:#?}"
        );
    }
    // Every rule enabled: whatever fires on the failing package.
    let o = Options::default();
    for (name, report) in [
        ("failing.sarif", failing_report_unchecked(&o)),
        ("passing.sarif", passing_report(&o)),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, sarif::render(&report, &root())).unwrap();
        assert_valid_sarif(&tool, &file);
    }
}
