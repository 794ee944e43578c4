//! The built binary: exit codes, output formats, `--output`, and package discovery.

use crate::common::*;
use serde_json::Value;
use std::process::{Command, Output};

/// Asserts a usage error: exit 2, nothing on stdout, one line on stderr.
#[track_caller]
fn assert_usage_error(o: &Output, mentions: &str) {
    assert_exit(o, 2);
    assert_eq!(stdout(o), "");
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("appcert: error: "), "{err:?}");
    assert!(
        err.contains(mentions),
        "{err:?} should mention {mentions:?}"
    );
}

fn json_stdout(o: &Output) -> Value {
    let v: Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    crate::report_schema::assert_valid_report(&v);
    v
}

fn inputs(report: &Value) -> Vec<String> {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["input"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn clean_fixture_exits_0() {
    let o = appcert(&root(), &["check", "fixtures/packages/declarative-agent"]);
    assert_exit(&o, 0);
    assert_eq!(
        stdout(&o),
        "✓ fixtures/packages/declarative-agent (Fernhill Travel 1.0.0): pass, 0 errors, 0 warnings, 0 infos\n"
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn no_colour_when_not_a_terminal() {
    let o = appcert(&root(), &["check", "fixtures/packages/tab-personal"]);
    assert!(!stdout(&o).contains('\x1b'), "{:?}", stdout(&o));
}

#[test]
fn failing_package_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = Pkg::fixture("tab-personal")
        .replace(
            "manifest.json",
            "Quillstone Milestones\"",
            "Quillstone Milestones and Roadmaps for Projects\"",
        )
        .zip();
    std::fs::write(tmp.path().join("app.zip"), zip).unwrap();
    let o = appcert(tmp.path(), &["check", "app.zip"]);
    assert_exit(&o, 1);
    let out = stdout(&o);
    assert!(out.contains("schema-too-long"), "{out}");
    assert!(out.contains("app.zip/manifest.json:14:14"), "{out}");
    assert!(out.ends_with(
        "✗ app.zip (Quillstone Milestones and Roadmaps for Projects 1.0.0): fail, 1 error, 0 warnings, 0 infos\n"
    ), "{out}");

    let o = appcert(tmp.path(), &["check", "app.zip", "--format", "json"]);
    assert_exit(&o, 1);
    let v = json_stdout(&o);
    assert_eq!(v["summary"]["failed"], 1);
    assert_eq!(v["packages"][0]["findings"][0]["rule"], "schema-too-long");
}

#[test]
fn one_failing_package_among_passing_ones_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bad.zip"), b"{}").unwrap();
    let good = root().join("fixtures/packages/bot-commands");
    let o = appcert(
        tmp.path(),
        &[
            "check",
            good.to_str().unwrap(),
            "bad.zip",
            "--format",
            "json",
        ],
    );
    assert_exit(&o, 1);
    let v = json_stdout(&o);
    assert_eq!(v["summary"]["packages"], 2);
    assert_eq!(v["summary"]["passed"], 1);
    assert_eq!(v["packages"][1]["findings"][0]["rule"], "package-not-zip");
}

#[test]
fn missing_path_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let o = appcert(tmp.path(), &["check", "no-such-app.zip"]);
    assert_usage_error(&o, "no-such-app.zip");
}

#[test]
fn folder_without_package_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("README.md"), "nothing here").unwrap();
    let o = appcert(tmp.path(), &["check"]);
    assert_usage_error(&o, "no app package found");
    let o = appcert(tmp.path(), &["check", "--format", "json", "."]);
    assert_usage_error(&o, "no app package found");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let o = appcert(&root(), &["check", "--frobnicate"]);
    assert_exit(&o, 2);
}

#[test]
fn json_format_validates_against_the_report_schema() {
    let o = appcert(&root(), &["check", "fixtures/packages", "--format", "json"]);
    assert_exit(&o, 0);
    let v = json_stdout(&o);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "appcert");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["profile"], "store");
    let expected: Vec<String> = fixture_names().iter().map(|n| fixture_display(n)).collect();
    assert_eq!(inputs(&v), expected);
    assert_eq!(v["summary"]["passed"], expected.len());
}

#[test]
fn profile_is_reported() {
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--profile",
            "org",
            "--format",
            "json",
        ],
    );
    assert_exit(&o, 0);
    assert_eq!(json_stdout(&o)["profile"], "org");
}

#[test]
fn output_file_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("report.json");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/localized-tab",
            "--format",
            "json",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_exit(&o, 0);
    assert_eq!(stdout(&o), "", "the report goes to the file only");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    crate::report_schema::assert_valid_report(&v);
    assert_eq!(inputs(&v), ["fixtures/packages/localized-tab"]);

    // Human output to a file as well.
    let human = tmp.path().join("report.txt");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/localized-tab",
            "-o",
            human.to_str().unwrap(),
        ],
    );
    assert_exit(&o, 0);
    let text = std::fs::read_to_string(&human).unwrap();
    assert!(
        text.starts_with("✓ fixtures/packages/localized-tab"),
        "{text}"
    );
}

#[test]
fn unwritable_output_is_an_error_not_a_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("no-such-folder/report.json");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_usage_error(&o, "cannot write");
}

#[test]
fn manifest_path_checks_its_folder() {
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/me-api-based/manifest.json",
            "--format",
            "json",
        ],
    );
    assert_exit(&o, 0);
    let v = json_stdout(&o);
    assert_eq!(inputs(&v), ["fixtures/packages/me-api-based"]);
    assert_eq!(v["packages"][0]["app"]["name"], "Tallyberry Inventory");
}

/// A temp folder with packages at several depths, and packages in folders that must be skipped.
fn discovery_tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    Pkg::fixture("tab-personal").write_dir(&t.join("teams-app/appPackage"));
    std::fs::write(t.join("b-app.zip"), Pkg::fixture("bot-commands").zip()).unwrap();
    std::fs::write(t.join("a-app.ZIP"), Pkg::fixture("me-bot-copilot").zip()).unwrap();
    std::fs::create_dir_all(t.join("nested/deeper")).unwrap();
    std::fs::write(
        t.join("nested/deeper/agent.zip"),
        Pkg::fixture("declarative-agent").zip(),
    )
    .unwrap();
    std::fs::write(t.join("notes.txt"), "not a package").unwrap();
    for skipped in [".git", "node_modules", "target", "nested/node_modules/pkg"] {
        let d = t.join(skipped);
        Pkg::fixture("localized-tab").write_dir(&d.join("pkg"));
        std::fs::write(d.join("hidden.zip"), b"{}").unwrap();
    }
    tmp
}

#[test]
fn default_path_discovers_packages_in_a_stable_order() {
    let tmp = discovery_tree();
    let o = appcert(tmp.path(), &["check", "--format", "json"]);
    assert_exit(&o, 0);
    let v = json_stdout(&o);
    let expected = [
        "a-app.ZIP",
        "b-app.zip",
        "nested/deeper/agent.zip",
        "teams-app/appPackage",
    ];
    assert_eq!(inputs(&v), expected);
    // Same order again, and with `.` given explicitly.
    let again = appcert(tmp.path(), &["check", ".", "--format", "json"]);
    assert_eq!(inputs(&json_stdout(&again)), expected);
    // Human output names the packages the same way, with a total.
    let human = stdout(&appcert(tmp.path(), &["check"]));
    assert!(
        human.ends_with("\nChecked 4 packages: 4 passed, 0 failed.\n"),
        "{human}"
    );
}

#[test]
fn discovery_under_a_given_folder_keeps_its_prefix() {
    let tmp = discovery_tree();
    let o = appcert(tmp.path(), &["check", "nested/", "--format", "json"]);
    assert_exit(&o, 0);
    assert_eq!(inputs(&json_stdout(&o)), ["nested/deeper/agent.zip"]);
}

#[test]
fn skipped_folders_are_not_searched() {
    let tmp = tempfile::tempdir().unwrap();
    for skipped in [".git", "node_modules", "target"] {
        Pkg::fixture("tab-personal").write_dir(&tmp.path().join(skipped).join("pkg"));
    }
    let o = appcert(tmp.path(), &["check"]);
    assert_usage_error(&o, "no app package found");
}

#[test]
fn help_mentions_exit_codes() {
    let o = appcert(&root(), &["check", "--help"]);
    assert_exit(&o, 0);
    let o = appcert(&root(), &["--help"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Exit codes"), "{}", stdout(&o));
}

/// `--previous`: the update checks run against the published version, the JSON report lists
/// what changed, and only one package may be checked.
#[test]
fn previous_version_is_compared() {
    let tmp = tempfile::tempdir().expect("tmp");
    let prev = tmp.path().join("published");
    std::fs::create_dir_all(&prev).expect("mkdir");
    let fixture = root().join("fixtures/packages/bot-commands");
    for f in ["manifest.json", "color.png", "outline.png"] {
        std::fs::copy(fixture.join(f), prev.join(f)).expect("copy");
    }
    let check = || {
        appcert(
            &root(),
            &[
                "check",
                "fixtures/packages/bot-commands",
                "--previous",
                prev.to_str().expect("utf-8"),
                "--format",
                "json",
            ],
        )
    };
    // The same package as its own previous version: the version did not increase.
    let o = check();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: Value = serde_json::from_slice(&o.stdout).expect("json");
    let pkg = &report["packages"][0];
    let rules: Vec<&str> = pkg["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, vec!["update-version-not-increased"], "{pkg}");
    assert_eq!(pkg["update"]["changes"], serde_json::json!([]));
    assert!(pkg["update"]["previous"]
        .as_str()
        .is_some_and(|p| p.ends_with("published")));

    // A lower published version: the update passes and the change is listed.
    let manifest = prev.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("read");
    std::fs::write(
        &manifest,
        text.replace("\"version\": \"1.0.0\"", "\"version\": \"0.9.0\""),
    )
    .expect("write");
    let o = check();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let report: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        report["packages"][0]["update"]["changes"],
        serde_json::json!(["version: 0.9.0 → 1.0.0"])
    );

    // Several packages, or a previous path without a package: usage errors.
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages",
            "--previous",
            prev.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("one package"));
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/bot-commands",
            "--previous",
            "no/such/path",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

/// `--previous` on a connector: the breaking changes of an update are findings at the
/// current swagger's pointers, the JSON report lists the operations added and removed, and a
/// published version of another kind is a usage error.
#[test]
fn previous_connector_version_is_compared() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cur = tmp.path().join("Contoso");
    std::fs::create_dir_all(&cur).expect("mkdir");
    let fixture = root().join("fixtures/connectors/certified");
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
        "README.md",
    ] {
        std::fs::copy(fixture.join(f), cur.join(f)).expect("copy");
    }
    let swagger = cur.join("apiDefinition.swagger.json");
    let mut v: Value =
        serde_json::from_slice(&std::fs::read(&swagger).expect("read")).expect("json");
    v["paths"]["/tasks"]["get"]["parameters"][0]["required"] = Value::Bool(true);
    v["paths"]["/tasks"]["get"]["parameters"][0]["type"] = Value::from("integer");
    v["paths"]["/tasks"]
        .as_object_mut()
        .expect("path item")
        .remove("post");
    v["definitions"]["Task"]["properties"]
        .as_object_mut()
        .expect("properties")
        .remove("status");
    std::fs::write(&swagger, serde_json::to_vec_pretty(&v).expect("ser")).expect("write");
    let o = appcert(
        &root(),
        &[
            "check",
            cur.to_str().expect("utf-8"),
            "--previous",
            "fixtures/connectors/certified",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: Value = serde_json::from_slice(&o.stdout).expect("json");
    let pkg = &report["packages"][0];
    let found: Vec<(&str, &str, &str)> = pkg["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("update-")))
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default(),
                f["severity"].as_str().unwrap_or_default(),
                f["pointer"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("update-operation-removed", "error", "/paths"),
            (
                "update-parameter-required-added",
                "error",
                "/paths/~1tasks/get/parameters/0"
            ),
            (
                "update-parameter-type-changed",
                "error",
                "/paths/~1tasks/get/parameters/0/type"
            ),
            (
                "update-response-property-removed",
                "warning",
                "/definitions/Task"
            ),
        ],
        "{pkg}"
    );
    assert_eq!(
        pkg["update"]["changes"],
        serde_json::json!(["operation removed: CreateTask"])
    );
    // The published connector compared with itself: nothing to report.
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/connectors/certified",
            "--previous",
            "fixtures/connectors/certified",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // A Teams app as the published version of a connector: refused.
    let o = appcert(
        &root(),
        &[
            "check",
            cur.to_str().expect("utf-8"),
            "--previous",
            "fixtures/packages/bot-commands",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("same package"));
}

/// Outputs that cannot lie: the format of `--output FILE` comes from its extension, and an
/// unknown format or extension is a usage error that writes nothing.
#[test]
fn output_formats_come_from_the_extension_and_unknown_ones_are_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sarif = tmp.path().join("r.sarif");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--output",
            sarif.to_str().expect("utf-8"),
        ],
    );
    assert_exit(&o, 0);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("written"))
        .expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    let xml = tmp.path().join("appcert.xml");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--output",
            &format!("xml={}", xml.display()),
        ],
    );
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("unknown format `xml`"),
        "{}",
        stderr(&o)
    );
    let other = tmp.path().join("report.out");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--output",
            other.to_str().expect("utf-8"),
        ],
    );
    assert_exit(&o, 2);
    assert!(!other.exists() && !xml.exists());
}

#[test]
fn concise_and_statistics_outputs() {
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/failing/listing-and-domains",
            "--format",
            "concise",
        ],
    );
    assert_exit(&o, 1);
    insta::assert_snapshot!("concise-listing-and-domains", stdout(&o));
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/failing/listing-and-domains",
            "--statistics",
        ],
    );
    assert_exit(&o, 1);
    insta::assert_snapshot!("statistics-listing-and-domains", stdout(&o));
}

#[test]
fn selection_takes_globs_and_suggests_misspelt_names() {
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/failing/listing-and-domains",
            "--select",
            "valid-domain-*",
            "--format",
            "concise",
        ],
    );
    assert_exit(&o, 1);
    let out = stdout(&o);
    assert!(!out.is_empty());
    assert!(out.lines().all(|l| l.contains(" valid-domain-")), "{out}");
    let o = appcert(&root(), &["check", ".", "--ignore", "nmaing"]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("did you mean `naming`?"),
        "{}",
        stderr(&o)
    );
    let o = appcert(&root(), &["explain", "bot-comand-duplicate"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("did you mean `bot-command-duplicate`?"));
}

#[test]
fn suppressions_of_rules_that_did_not_run_are_not_unused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let config = tmp.path().join("appcert.toml");
    std::fs::write(
        &config,
        "[[suppress]]\nrule = \"valid-domain-shared-host\"\npointer = \"/validDomains/1\"\nreason = \"we own it\"\n",
    )
    .expect("write");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--config",
            config.to_str().expect("utf-8"),
            "--select",
            "naming",
            "--deny",
            "warnings",
        ],
    );
    assert_exit(&o, 0);
    assert!(
        !stdout(&o).contains("config-unused-suppression"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn force_color_colours_a_pipe() {
    let o = Command::new(env!("CARGO_BIN_EXE_appcert"))
        .args(["check", "fixtures/failing/listing-and-domains"])
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env("FORCE_COLOR", "1")
        .output()
        .expect("run");
    assert!(stdout(&o).contains('\u{1b}'), "no colour");
    let o = appcert(&root(), &["check", "fixtures/failing/listing-and-domains"]);
    assert!(!stdout(&o).contains('\u{1b}'));
}

/// `--env` fills templates of Agents Toolkit projects: a built zip is checked as shipped
/// (refused), and a package outside any project gets a warning.
#[test]
fn env_is_refused_for_zips_and_warns_without_a_project() {
    let tmp = tempfile::tempdir().expect("tmp");
    let zip = tmp.path().join("app.zip");
    let fixture = root().join("fixtures/packages/tab-personal");
    {
        let file = std::fs::File::create(&zip).expect("create");
        let mut w = zip::ZipWriter::new(file);
        for f in ["manifest.json", "color.png", "outline.png"] {
            w.start_file(f, zip::write::SimpleFileOptions::default())
                .expect("entry");
            std::io::Write::write_all(&mut w, &std::fs::read(fixture.join(f)).expect("read"))
                .expect("write");
        }
        w.finish().expect("finish");
    }
    let o = appcert(
        &root(),
        &["check", zip.to_str().expect("utf-8"), "--env", "dev"],
    );
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("checked as shipped"), "{}", stderr(&o));
    let o = appcert(
        &root(),
        &["check", "fixtures/packages/tab-personal", "--env", "dev"],
    );
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("warning: --env: no Agents Toolkit project"),
        "{}",
        stderr(&o)
    );
}

/// `check -`: a zip or a manifest.json on standard input.
#[test]
fn standard_input_takes_a_zip_or_a_manifest() {
    use std::io::Write as _;
    let run = |bytes: Vec<u8>, args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_appcert"))
            .args(args)
            .current_dir(root())
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&bytes)
            .expect("write");
        child.wait_with_output().expect("wait")
    };
    let manifest =
        std::fs::read(root().join("fixtures/packages/tab-personal/manifest.json")).expect("read");
    let o = run(
        manifest,
        &[
            "check",
            "-",
            "--stdin-filename",
            "appPackage/manifest.json",
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(report["packages"][0]["input"], "appPackage");
    assert_eq!(
        report["packages"][0]["app"]["name"],
        "Quillstone Milestones"
    );
    let o = run(
        b"not a package".to_vec(),
        &["check", "-", "--format", "json"],
    );
    assert_exit(&o, 1);
    let o = run(Vec::new(), &["check", "-", "fixtures/packages"]);
    assert_exit(&o, 2);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = appcert(&root(), &["completions", shell]);
        assert_exit(&o, 0);
        assert!(stdout(&o).contains("appcert"), "{shell}");
        assert!(stdout(&o).contains("check"), "{shell}");
    }
    let o = appcert(&root(), &["completions", "tcsh"]);
    assert_exit(&o, 2);
    let o = appcert(&root(), &["man"]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).starts_with(".ie"),
        "roff: {}",
        &stdout(&o)[..40.min(stdout(&o).len())]
    );
    assert!(stdout(&o).contains("appcert"));
}

#[test]
fn baseline_records_findings_and_check_reports_only_new_ones() {
    let tmp = tempfile::tempdir().expect("tmp");
    // The baseline of a failing fixture, on standard output: sorted, one entry per place.
    let o = appcert(
        &root(),
        &["baseline", "fixtures/failing/listing-and-domains"],
    );
    assert_exit(&o, 0);
    let text = stdout(&o);
    insta::assert_snapshot!("baseline-listing-and-domains", text);
    assert!(
        stderr(&o).starts_with("appcert: baseline of 1 package: "),
        "{}",
        stderr(&o)
    );
    let path = tmp.path().join("appcert-baseline.json");
    let o = appcert(
        &root(),
        &[
            "baseline",
            "fixtures/failing/listing-and-domains",
            "--output",
            path.to_str().expect("utf-8"),
        ],
    );
    assert_exit(&o, 0);
    assert_eq!(stdout(&o), "");
    assert_eq!(std::fs::read_to_string(&path).expect("written"), text);

    // With the baseline, the same package passes: every finding is suppressed, with a reason.
    let baseline = path.to_str().expect("utf-8");
    let args = [
        "check",
        "fixtures/failing/listing-and-domains",
        "--baseline",
        baseline,
        "--format",
        "json",
    ];
    let o = appcert(&root(), &args);
    assert_exit(&o, 0);
    let v = json_stdout(&o);
    let findings = v["packages"][0]["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        let reason = f["suppressed"]["reason"].as_str().unwrap_or_default();
        assert_eq!(reason, format!("in the baseline {baseline}"), "{f}");
    }

    // An entry removed: its finding is new and fails the package. An entry whose count is
    // higher than what remains, and one that matches nothing, are reported as unused.
    let mut b: Value = serde_json::from_str(&text).expect("JSON");
    let entries = b["entries"].as_array_mut().expect("entries");
    let removed = entries.remove(0);
    entries[0]["count"] = Value::from(3);
    entries.push(serde_json::json!({
        "package": "fixtures/failing/listing-and-domains",
        "rule": "schema-too-long",
        "file": "manifest.json",
        "pointer": "/name/short",
        "count": 1
    }));
    std::fs::write(&path, serde_json::to_string_pretty(&b).expect("JSON")).expect("write");
    let o = appcert(&root(), &args);
    assert_exit(&o, 1);
    let v = json_stdout(&o);
    let counting: Vec<(String, String, String)> = v["packages"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f.get("suppressed").is_none())
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["pointer"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(counting.len(), 3, "{counting:#?}");
    assert_eq!(counting[0].0, removed["rule"].as_str().expect("rule"));
    assert_eq!(counting[0].1, removed["pointer"].as_str().expect("pointer"));
    assert!(counting[1..].iter().all(|c| c.0 == "baseline-entry-unused"));
    assert!(
        counting[1].2.contains("counts 3 findings, 1 remain"),
        "{counting:#?}"
    );
    assert!(
        counting[2]
            .2
            .contains("`schema-too-long` at manifest.json `/name/short`")
            && counting[2].2.contains("matches no finding"),
        "{counting:#?}"
    );
    // Unused entries are infos: they do not fail a package whose findings are all recorded.
    assert_eq!(v["packages"][0]["summary"]["errors"], 1);
}

#[test]
fn baseline_of_other_packages_warns_and_bad_baselines_are_usage_errors() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("b.json");
    let other = r#"{"version":1,"entries":[{"package":"elsewhere/app.zip","rule":"schema-too-long","file":"manifest.json","pointer":"/name/short","count":1}]}"#;
    std::fs::write(&path, other).expect("write");
    let b = path.to_str().expect("utf-8");
    let o = appcert(
        &root(),
        &["check", "fixtures/packages/tab-personal", "--baseline", b],
    );
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("names none of the packages checked"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stdout(&o).contains("baseline-entry-unused"),
        "{}",
        stdout(&o)
    );

    let missing = tmp.path().join("missing.json");
    let o = appcert(
        &root(),
        &[
            "check",
            "fixtures/packages/tab-personal",
            "--baseline",
            missing.to_str().expect("utf-8"),
        ],
    );
    assert_usage_error(&o, "missing.json");
    std::fs::write(&path, r#"{"version":1,"entries":[{"package":"x"}]}"#).expect("write");
    let o = appcert(
        &root(),
        &["check", "fixtures/packages/tab-personal", "--baseline", b],
    );
    assert_usage_error(&o, "not an appcert baseline");
    let o = appcert(
        &root(),
        &[
            "baseline",
            "fixtures/packages/tab-personal",
            "--format",
            "json",
        ],
    );
    assert_usage_error(&o, "options of `check`");
}
