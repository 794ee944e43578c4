//! The JSON report validates against `schemas/report.schema.json`, for every fixture and every
//! defect case, and the schema itself is a valid draft-07 schema that rejects broken reports.

use crate::common::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("schemas/report.schema.json"))
            .expect("schemas/report.schema.json");
        serde_json::from_str(&text).expect("report schema is JSON")
    })
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::validator_for(schema()).expect("report schema compiles"))
}

/// Messages of every violation of the report schema.
pub fn violations(report: &Value) -> Vec<String> {
    validator()
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[track_caller]
pub fn assert_valid_report(report: &Value) {
    let v = violations(report);
    assert!(
        v.is_empty(),
        "report does not match report.schema.json: {v:#?}\n{report:#}"
    );
}

#[test]
fn schema_is_a_valid_draft_07_schema() {
    jsonschema::meta::validate(schema()).expect("valid against its meta-schema");
    assert_eq!(
        schema()["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
}

#[test]
fn fixture_reports_are_valid() {
    for name in fixture_names() {
        assert_valid_report(&json_of(&report_of(check_fixture_dir(&name))));
        assert_valid_report(&json_of(&report_of(Pkg::fixture(&name).check())));
    }
}

#[test]
fn defect_reports_are_valid() {
    let mut cases = crate::defects::cases();
    cases.extend(crate::defects::more_cases());
    let mut rules = std::collections::BTreeSet::new();
    for (name, pkg) in &cases {
        let value = json_of(&report_of(pkg.clone()));
        let v = violations(&value);
        assert!(v.is_empty(), "{name}: {v:#?}");
        for f in &pkg.findings {
            rules.insert(f.rule.clone());
        }
    }
    // The cases cover package-level, JSON-level, schema and reference findings.
    for r in [
        "package-not-zip",
        "package-corrupt-zip",
        "manifest-in-subfolder",
        "json-not-utf8",
        "schema-url-mismatch",
        "schema-plugin-version-unknown",
        "manifest-missing",
        "json-invalid-syntax",
        "schema-too-long",
        "reference-missing-file",
    ] {
        assert!(rules.contains(r), "{r} not covered: {rules:?}");
    }
    // All of them in one multi-package report too.
    let all = appcert::finish_run(
        cases.into_iter().map(|(_, p)| p).collect(),
        &Default::default(),
    );
    assert_valid_report(&json_of(&all));
}

#[test]
fn suppressed_findings_are_valid() {
    let mut pkg = Pkg::fixture("tab-personal")
        .replace("manifest.json", "teams/v1.25/", "teams/v1.24/")
        .check();
    pkg.findings[0].suppressed = Some(appcert::finding::Suppressed {
        reason: "known".into(),
    });
    pkg.refresh(false);
    let value = json_of(&report_of(pkg));
    assert_eq!(
        value["packages"][0]["findings"][0]["suppressed"]["reason"],
        "known"
    );
    assert_valid_report(&value);
}

fn minimal() -> Value {
    json!({
        "version": 1,
        "tool": {"name": "appcert", "version": "0.1.0"},
        "profile": "store",
        "packages": [{
            "input": "app.zip",
            "verdict": "fail",
            "app": {"id": null, "name": "X", "version": null, "manifestVersion": "1.25"},
            "findings": [{
                "rule": "schema-too-long", "severity": "error", "file": "manifest.json",
                "pointer": "/name/short", "line": 3, "column": 14,
                "message": "m", "help": "", "policies": []
            }],
            "summary": {"errors": 1, "warnings": 0, "infos": 0}
        }],
        "summary": {"packages": 1, "passed": 0, "failed": 1}
    })
}

#[test]
fn schema_allows_additional_properties() {
    let mut r = minimal();
    assert_valid_report(&r);
    r["future"] = json!(true);
    r["packages"][0]["future"] = json!({"x": 1});
    r["packages"][0]["findings"][0]["future"] = json!("later");
    assert_valid_report(&r);
}

/// A named way to break a valid report.
type Breakage = (&'static str, Box<dyn Fn(&mut Value)>);

#[test]
fn schema_rejects_broken_reports() {
    let broken: Vec<Breakage> = vec![
        ("version 2", Box::new(|r| r["version"] = json!(2))),
        (
            "no tool",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("tool");
            }),
        ),
        (
            "verdict",
            Box::new(|r| r["packages"][0]["verdict"] = json!("ok")),
        ),
        (
            "severity",
            Box::new(|r| r["packages"][0]["findings"][0]["severity"] = json!("fatal")),
        ),
        (
            "fix applicability",
            Box::new(|r| {
                r["packages"][0]["findings"][0]["fix"] = json!({
                    "applicability": "maybe", "title": "t",
                    "edits": [{"file": "manifest.json", "range": {"start": 0, "end": 3}, "replacement": ""}]
                })
            }),
        ),
        (
            "fix without edits",
            Box::new(|r| {
                r["packages"][0]["findings"][0]["fix"] =
                    json!({"applicability": "safe", "title": "t", "edits": []})
            }),
        ),
        (
            "line 0",
            Box::new(|r| r["packages"][0]["findings"][0]["line"] = json!(0)),
        ),
        (
            "line only",
            Box::new(|r| r["packages"][0]["findings"][0]["column"] = json!(null)),
        ),
        (
            "line string",
            Box::new(|r| r["packages"][0]["findings"][0]["line"] = json!("3")),
        ),
        (
            "no column",
            Box::new(|r| {
                r["packages"][0]["findings"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("column");
            }),
        ),
        (
            "pointer",
            Box::new(|r| r["packages"][0]["findings"][0]["pointer"] = json!("name/short")),
        ),
        (
            "rule case",
            Box::new(|r| r["packages"][0]["findings"][0]["rule"] = json!("Schema_TooLong")),
        ),
        (
            "policies",
            Box::new(|r| r["packages"][0]["findings"][0]["policies"] = json!("x")),
        ),
        (
            "app id",
            Box::new(|r| r["packages"][0]["app"]["id"] = json!(7)),
        ),
        (
            "no app name",
            Box::new(|r| {
                r["packages"][0]["app"]
                    .as_object_mut()
                    .unwrap()
                    .remove("name");
            }),
        ),
        (
            "suppressed",
            Box::new(|r| r["packages"][0]["findings"][0]["suppressed"] = json!({})),
        ),
        ("counts", Box::new(|r| r["summary"]["failed"] = json!(-1))),
    ];
    for (what, change) in broken {
        let mut r = minimal();
        change(&mut r);
        assert!(!violations(&r).is_empty(), "{what} should be rejected");
    }
}
