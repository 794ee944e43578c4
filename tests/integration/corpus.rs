//! The 300 real packages of `../shared/corpus` (skipped when the folder is absent): no panic,
//! a verdict for each, and a line and column for every finding that points into a JSON file.

use crate::common::root;
use appcert::{Options, Verdict};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    dir.join("INDEX.tsv").is_file().then_some(dir)
}

#[test]
fn corpus_packages_are_checked_without_panics_and_located() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).unwrap();
    let expected = index
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    let inputs =
        appcert::discover::discover_all(&[dir.to_string_lossy().into_owned()]).expect("discovered");
    assert_eq!(inputs.len(), expected, "one package per INDEX.tsv row");

    let options = Options::default();
    let mut panics = Vec::new();
    let mut unlocated = Vec::new();
    let (mut passed, mut failed, mut findings) = (0, 0, 0);
    let mut reports = Vec::new();
    for input in &inputs {
        let result = catch_unwind(AssertUnwindSafe(|| appcert::check_input(input, &options)));
        let pkg = match result {
            Ok(p) => p,
            Err(e) => {
                let why = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panics.push(format!("{}: {why}", input.display));
                continue;
            }
        };
        match pkg.verdict {
            Verdict::Pass => passed += 1,
            Verdict::Fail => failed += 1,
        }
        assert_eq!(
            pkg.verdict == Verdict::Fail,
            pkg.summary.errors > 0,
            "{}",
            input.display
        );
        findings += pkg.findings.len();
        for f in &pkg.findings {
            if f.file.ends_with(".json") && !f.pointer.is_empty() && f.line.is_none() {
                unlocated.push(format!(
                    "{} {} {} {}",
                    input.display, f.rule, f.file, f.pointer
                ));
            }
            assert_eq!(f.line.is_some(), f.column.is_some(), "{f:?}");
        }
        reports.push(pkg);
    }
    eprintln!(
        "corpus: {} packages, {passed} passed, {failed} failed, {findings} findings, {} panics, {} unlocated",
        inputs.len(),
        panics.len(),
        unlocated.len()
    );
    assert!(panics.is_empty(), "panics: {panics:#?}");
    assert_eq!(passed + failed, expected);
    assert!(
        unlocated.is_empty(),
        "findings without line/column: {unlocated:#?}"
    );
    human_report_is_compact(appcert::finish_run(reports, &options));
}

/// Issue 15: the human report of the corpus is at least three times shorter than it was (about
/// 15 lines per finding): at most 5 lines per finding as piped (`Style::plain`, what
/// `appcert check ../shared/corpus | wc -l` counts); on a terminal it renders without panic.
fn human_report_is_compact(report: appcert::Report) {
    use appcert::report::human::{render, Style};
    let findings: usize = report
        .packages
        .iter()
        .map(|p| p.findings.iter().filter(|f| f.counts()).count())
        .sum();
    let lines = render(&report, Style::plain()).lines().count();
    let per_finding = lines as f64 / findings.max(1) as f64;
    eprintln!("corpus human report: {lines} lines, {findings} findings, {per_finding:.2} lines per finding");
    assert!(per_finding <= 5.0, "{per_finding:.2} lines per finding");
    for width in [40, 100] {
        let style = Style {
            color: true,
            width: Some(width),
            ..Style::plain()
        };
        assert!(render(&report, style).lines().count() > lines);
    }
}

/// A one-package run compiles each schema for that package's document alone (the root
/// properties it does not have compiled as `true`, the definitions nothing then references
/// dropped): the errors must be exactly those of the whole schema, for every manifest of the
/// fixtures and of the corpus, whatever members each has.
#[test]
fn schemas_pruned_for_one_document_report_what_whole_schemas_report() {
    let mut dirs = vec![
        root().join("fixtures/packages"),
        root().join("fixtures/failing"),
    ];
    dirs.extend(corpus_dir());
    let mut compared = 0;
    for dir in dirs {
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let is_json = entry.path().extension().is_some_and(|e| e == "json");
            if !is_json {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(value) =
                serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
            else {
                continue;
            };
            // Manifests against their version's schema; localization files (whose root
            // `patternProperties` a pruned schema narrows too) against the schema of the
            // version their `$schema` names, or the newest.
            let path = if entry.file_name() == "manifest.json" {
                value
                    .get("manifestVersion")
                    .and_then(|v| v.as_str())
                    .and_then(appcert::schema::manifest_schema_path)
            } else {
                let schema = value.get("$schema").and_then(|v| v.as_str()).unwrap_or("");
                if !schema.contains("Localization") {
                    continue;
                }
                let version = schema
                    .split('/')
                    .find_map(|part| part.strip_prefix('v'))
                    .unwrap_or("1.25");
                appcert::schema::teams_schema_path(
                    version,
                    "MicrosoftTeams.Localization.schema.json",
                )
                .or_else(|| {
                    appcert::schema::teams_schema_path(
                        "1.25",
                        "MicrosoftTeams.Localization.schema.json",
                    )
                })
            };
            let Some(path) = path else {
                continue;
            };
            let whole = appcert::schema::validate_by_path(&path, &value);
            let pruned = appcert::schema::validate_pruned(&path, &value);
            assert_eq!(
                format!("{whole:?}"),
                format!("{pruned:?}"),
                "{}",
                entry.path().display()
            );
            compared += 1;
        }
    }
    eprintln!("{compared} manifests and localization files compared");
    assert!(compared >= 10, "only {compared} documents compared");
}
