//! Power Platform connectors: the clean fixtures pass under `--submission new`, the failing
//! fixture reports each planted defect at its file, pointer, line and column (snapshots), a
//! connector and a Teams package checked in one run each get their own kind's rules, and the
//! 400 real connectors of `../shared/corpus-connectors` (skipped when absent) each get a
//! verdict under `--submission update`, without a panic, every finding located.

use crate::common::*;
use appcert::config::Config;
use appcert::submission::{ConnectorSettings, Submission};
use appcert::{Input, InputKind, Options, Severity, Verdict};
use std::panic::{catch_unwind, AssertUnwindSafe};

fn options(submission: Submission) -> Options {
    Options {
        config: Config {
            connector: ConnectorSettings {
                kind: None,
                submission,
            },
            ..Config::default()
        },
        ..Options::default()
    }
}

fn check(name: &str, submission: Submission) -> appcert::Report {
    let options = options(submission);
    let input = Input {
        display: format!("fixtures/connectors/{name}"),
        path: root().join("fixtures/connectors").join(name),
        kind: InputKind::Dir,
    };
    appcert::finish_run(vec![appcert::check_input(&input, &options)], &options)
}

#[test]
fn clean_connectors_pass_as_new_submissions() {
    for name in ["certified", "independent", "copilot"] {
        let report = check(name, Submission::New);
        let pkg = &report.packages[0];
        assert_eq!(pkg.kind, "connector", "{name}");
        assert!(pkg.findings.is_empty(), "{}", describe(pkg));
        assert_eq!(pkg.verdict, Verdict::Pass);
    }
    let pkg = &check("certified", Submission::New).packages[0];
    assert_eq!(pkg.app.name.as_deref(), Some("Contoso Tasks"));
    assert_eq!(pkg.app.host.as_deref(), Some("api.contoso.com"));
    assert_eq!(pkg.app.publisher.as_deref(), Some("Contoso Ltd"));
}

#[test]
fn failing_connector_reports_each_defect_located() {
    let report = check("failing", Submission::New);
    let pkg = &report.packages[0];
    assert_eq!(pkg.verdict, Verdict::Fail);
    let s = "apiDefinition.swagger.json";
    let p = "apiProperties.json";
    let expected = [
        ("connector-title-words", s, "/info/title"),
        ("connector-description-products", s, "/info/description"),
        ("connector-contact", s, "/info/contact/email"),
        ("connector-host-nonproduction", s, "/host"),
        (
            "connector-operationid",
            s,
            "/paths/~1tasks~1{taskId}/get/operationId",
        ),
        ("connector-summary-format", s, "/paths/~1tasks/post/summary"),
        (
            "connector-ref-unresolved",
            s,
            "/paths/~1tasks/get/responses/200/schema/$ref",
        ),
        ("connector-brand-color", p, "/properties/iconBrandColor"),
        ("connector-publisher", p, "/properties"),
        (
            "connector-policy",
            p,
            "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1",
        ),
        ("connector-readme", "README.md", ""),
        ("connector-script", "script.csx", ""),
        ("connector-icon", "icon.png", ""),
    ];
    for (rule, file, pointer) in expected {
        let f = pkg
            .findings
            .iter()
            .find(|f| f.rule == rule && f.file == file && f.pointer == pointer)
            .unwrap_or_else(|| panic!("missing {rule} at {file} {pointer}:\n{}", describe(pkg)));
        if file.ends_with(".json") || file.ends_with(".md") || file.ends_with(".csx") {
            assert!(
                f.line.is_some() && f.column.is_some(),
                "{rule} not located: {f:?}"
            );
        }
    }
    // The byte-order mark of the swagger is accepted (paconn reads utf-8-sig).
    assert!(pkg
        .findings
        .iter()
        .all(|f| f.rule != "json-byte-order-mark"));
    crate::report_schema::assert_valid_report(&json_of(&report));
    crate::report_schema::assert_valid_report(&json_of(&check("certified", Submission::New)));
    insta::assert_json_snapshot!("connector-failing-json", json_of(&report));
    insta::assert_snapshot!("connector-failing-human", human_of(&report));
}

#[test]
fn update_submission_downgrades_widely_broken_requirements() {
    let new = check("failing", Submission::New);
    let update = check("failing", Submission::Update);
    let sev = |r: &appcert::Report, rule: &str| {
        r.packages[0]
            .findings
            .iter()
            .find(|f| f.rule == rule)
            .map(|f| f.severity)
    };
    assert_eq!(sev(&new, "connector-publisher"), Some(Severity::Error));
    assert_eq!(sev(&update, "connector-publisher"), Some(Severity::Warning));
    // Requirements nearly no merged connector breaks stay errors.
    assert_eq!(
        sev(&update, "connector-ref-unresolved"),
        Some(Severity::Error)
    );
}

#[test]
fn connector_and_teams_package_in_one_run_get_their_own_rules() {
    let options = options(Submission::New);
    let paths = vec![
        root()
            .join("fixtures/connectors/failing")
            .to_string_lossy()
            .into_owned(),
        root()
            .join("fixtures/failing/listing-and-domains")
            .to_string_lossy()
            .into_owned(),
    ];
    let report = appcert::check_paths(&paths, &options).expect("discovered");
    assert_eq!(report.packages.len(), 2);
    let connector = report
        .packages
        .iter()
        .find(|p| p.kind == "connector")
        .expect("connector");
    let teams = report
        .packages
        .iter()
        .find(|p| p.kind == "teams")
        .expect("teams");
    assert!(
        connector
            .findings
            .iter()
            .all(|f| f.rule.starts_with("connector-")
                || f.rule.starts_with("json-")
                || f.rule.starts_with("schema-")
                || f.rule.starts_with("copilot-text")),
        "{}",
        describe(connector)
    );
    assert!(teams
        .findings
        .iter()
        .all(|f| !f.rule.starts_with("connector-")));
    assert!(!teams.findings.is_empty());
}

#[test]
fn connector_files_and_folders_are_discovered() {
    let dir = root().join("fixtures/connectors/certified");
    let swagger = dir.join("apiDefinition.swagger.json");
    let found = appcert::discover::discover(&swagger.to_string_lossy()).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, dir);
    let all =
        appcert::discover::discover(&root().join("fixtures/connectors").to_string_lossy()).unwrap();
    assert_eq!(all.len(), 4, "{all:?}");
}

#[test]
fn corpus_connectors_get_a_verdict_without_panics_and_located() {
    let dir = root().join("../shared/corpus-connectors");
    if !dir.join("INDEX.tsv").is_file() {
        eprintln!("skipped: ../shared/corpus-connectors is absent");
        return;
    }
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).unwrap();
    let expected = index
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    let inputs = appcert::discover::discover_all(&[
        dir.join("certified-connectors")
            .to_string_lossy()
            .into_owned(),
        dir.join("independent-publisher-connectors")
            .to_string_lossy()
            .into_owned(),
    ])
    .expect("discovered");
    assert_eq!(inputs.len(), expected, "one connector per INDEX.tsv row");
    let options = options(Submission::Update);
    let mut panics = Vec::new();
    let mut unlocated = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for input in &inputs {
        let pkg = match catch_unwind(AssertUnwindSafe(|| appcert::check_input(input, &options))) {
            Ok(p) => p,
            Err(_) => {
                panics.push(input.display.clone());
                continue;
            }
        };
        assert_eq!(pkg.kind, "connector", "{}", input.display);
        assert!(
            pkg.findings.iter().all(|f| f.rule != "internal-error"),
            "{}",
            describe(&pkg)
        );
        match pkg.verdict {
            Verdict::Pass => passed += 1,
            Verdict::Fail => failed += 1,
        }
        for f in &pkg.findings {
            let in_text = f.file.ends_with(".json") || f.file.ends_with(".csx");
            if in_text && (!f.pointer.is_empty() || f.span.is_some()) && f.line.is_none() {
                unlocated.push(format!(
                    "{} {} {} {}",
                    input.display, f.rule, f.file, f.pointer
                ));
            }
        }
    }
    eprintln!(
        "connector corpus: {} connectors, {passed} passed, {failed} failed",
        inputs.len()
    );
    assert!(panics.is_empty(), "panics: {panics:#?}");
    assert_eq!(passed + failed, expected);
    assert!(unlocated.is_empty(), "unlocated: {unlocated:#?}");
}

#[test]
fn appcert_toml_sets_the_submission_levels_and_suppressions_of_connector_rules() {
    let text = r#"
submission = "update"
connector-kind = "independent"
[rules]
connector-readme = "off"
[[suppress]]
rule = "connector-publisher"
file = "apiProperties.json"
pointer = "/properties"
reason = "stackOwner is given at submission"
"#;
    let config =
        appcert::config::parse(std::path::Path::new("appcert.toml"), text).expect("valid config");
    assert_eq!(config.connector.submission, Submission::Update);
    let options = Options {
        config,
        ..Options::default()
    };
    let input = Input {
        display: "fixtures/connectors/failing".into(),
        path: root().join("fixtures/connectors/failing"),
        kind: InputKind::Dir,
    };
    let report = appcert::finish_run(vec![appcert::check_input(&input, &options)], &options);
    let pkg = &report.packages[0];
    assert!(pkg.findings.iter().all(|f| f.rule != "connector-readme"));
    let publisher = pkg
        .findings
        .iter()
        .find(|f| f.rule == "connector-publisher")
        .expect("still reported");
    assert!(publisher.suppressed.is_some());
    assert_eq!(publisher.severity, Severity::Warning);
    // Independent publisher: #007ee5 is not #da3b01, and the icon must go.
    assert!(pkg
        .findings
        .iter()
        .any(|f| f.rule == "connector-brand-color" && f.message.contains("#da3b01")));
    assert!(pkg
        .findings
        .iter()
        .any(|f| f.rule == "connector-icon-presence" && f.file == "icon.png"));
}
