//! Agents Toolkit projects (`--env`, `--env-file`, discovery of `appPackage/`) and batch runs
//! (parallel order, isolation of a failing package, `--quiet`).

use crate::common::*;
use appcert::env::EnvSpec;
use appcert::{Options, Severity};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn atk_fixture() -> PathBuf {
    root().join("fixtures/atk-project")
}

fn appcert(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appcert"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("TEAMS_APP_ID")
        .env_remove("TAB_ENDPOINT")
        .env_remove("TAB_DOMAIN")
        .output()
        .expect("run appcert")
}

fn text(o: &Output) -> String {
    format!(
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Copies the fixture project into a temporary folder.
fn copy_project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (rel, bytes) in read_tree(&atk_fixture()) {
        let dest = tmp.path().join(&rel);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        std::fs::write(dest, bytes).expect("write");
    }
    tmp
}

fn json_findings(o: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    v["packages"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn toolkit_project_is_clean_with_its_environment() {
    let o = appcert(&atk_fixture(), &["check", "--env", "dev"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("✓ appPackage"), "discovers appPackage/: {out}");
}

#[test]
fn without_an_environment_each_placeholder_is_reported_at_the_template() {
    let o = appcert(&atk_fixture(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let manifest =
        std::fs::read_to_string(atk_fixture().join("appPackage/manifest.json")).expect("read");
    let found: Vec<(String, u64, u64)> = json_findings(&o)
        .iter()
        .map(|f| {
            assert_eq!(f["rule"], "template-placeholder-unresolved", "{f}");
            (
                f["pointer"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(found.len(), 5, "{found:?}");
    let (line, col) = position_of(&manifest, "\"${{TEAMS_APP_ID}}\"");
    assert!(
        found.contains(&("/id".to_string(), line as u64, col as u64)),
        "{found:?}"
    );
    let (line, col) = position_of(&manifest, "\"${{TAB_DOMAIN}}\"");
    assert!(
        found.contains(&("/validDomains/1".to_string(), line as u64, col as u64)),
        "{found:?}"
    );
}

#[test]
fn a_variable_missing_from_the_env_file_is_one_error_naming_the_file() {
    let tmp = copy_project();
    std::fs::write(
        tmp.path().join("env/.env.dev"),
        "TEAMS_APP_ID=3bdabe71-6824-4ffd-b48e-5e216e5b4a2f\nTAB_ENDPOINT=https://app.quillstone.app\n",
    )
    .expect("write");
    let o = appcert(tmp.path(), &["check", "--env", "dev", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let findings = json_findings(&o);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["rule"], "template-placeholder-unresolved");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["pointer"], "/validDomains/1");
    let manifest =
        std::fs::read_to_string(tmp.path().join("appPackage/manifest.json")).expect("read");
    let (line, col) = position_of(&manifest, "\"${{TAB_DOMAIN}}\"");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(line as u64), Some(col as u64))
    );
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("${{TAB_DOMAIN}}") && message.contains("env/.env.dev"),
        "{message}"
    );
    // The process environment fills it, as in the toolkit; files on disk are untouched.
    let before = std::fs::read(tmp.path().join("appPackage/manifest.json")).expect("read");
    let o = Command::new(env!("CARGO_BIN_EXE_appcert"))
        .args(["check", "--env", "dev"])
        .current_dir(tmp.path())
        .env("TAB_DOMAIN", "app.quillstone.app")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let after = std::fs::read(tmp.path().join("appPackage/manifest.json")).expect("read");
    assert_eq!(before, after);
}

#[test]
fn env_file_and_user_file() {
    let tmp = copy_project();
    std::fs::write(tmp.path().join("env/.env.dev"), "TEAMS_APP_ID=\n").expect("write");
    std::fs::write(
        tmp.path().join("env/.env.dev.user"),
        "TEAMS_APP_ID=3bdabe71-6824-4ffd-b48e-5e216e5b4a2f\n",
    )
    .expect("write");
    std::fs::write(
        tmp.path().join("extra.env"),
        "TAB_ENDPOINT='https://app.quillstone.app'\nTAB_DOMAIN=\"app.quillstone.app\"\n",
    )
    .expect("write");
    let o = appcert(
        tmp.path(),
        &["check", "--env", "dev", "--env-file", "extra.env"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = appcert(tmp.path(), &["check", "--env", "prod"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".env.prod"));
    let o = appcert(tmp.path(), &["check", "--env-file", "nope.env"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn library_resolves_with_env_spec() {
    let options = Options {
        env_spec: EnvSpec {
            name: Some("dev".to_string()),
            files: vec![],
        },
        ..Options::default()
    };
    let path = atk_fixture().join("appPackage");
    let report =
        appcert::check_paths(&[path.to_string_lossy().into_owned()], &options).expect("discover");
    let pkg = &report.packages[0];
    assert!(
        pkg.findings.iter().all(|f| f.severity != Severity::Error),
        "{}",
        describe(pkg)
    );
    assert_eq!(
        pkg.app.id.as_deref(),
        Some("3bdabe71-6824-4ffd-b48e-5e216e5b4a2f")
    );
}

#[test]
fn parallel_run_reports_like_a_sequential_one() {
    let paths = vec![
        root()
            .join("fixtures/packages")
            .to_string_lossy()
            .into_owned(),
        atk_fixture().to_string_lossy().into_owned(),
    ];
    let options = Options::default();
    let parallel = appcert::check_paths(&paths, &options).expect("discover");
    let inputs = appcert::discover::discover_all(&paths).expect("discover");
    let sequential = appcert::finish_run(
        inputs
            .iter()
            .map(|i| appcert::check_input(i, &options))
            .collect(),
        &options,
    );
    assert!(parallel.packages.len() >= 8);
    assert_eq!(json_of(&parallel), json_of(&sequential));
    assert_eq!(human_of(&parallel), human_of(&sequential));
}

#[test]
fn a_panicking_package_is_isolated() {
    // `run_isolated` is the wrapper `check_paths` puts around every package.
    let report = appcert::run_isolated("broken.zip", || panic!("boom"));
    assert_eq!(report.input, "broken.zip");
    assert_eq!(report.findings.len(), 1);
    let f = &report.findings[0];
    assert_eq!(f.rule, "internal-error");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("boom"), "{}", f.message);
    let ok = appcert::run_isolated("fine", || check_fixture_dir("tab-personal"));
    assert!(ok.findings.is_empty(), "{}", describe(&ok));
}

#[test]
fn quiet_leaves_out_passing_packages_but_keeps_the_total() {
    let o = appcert(&root(), &["check", "--quiet", "fixtures/packages"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains('✓'), "{out}");
    assert!(
        out.contains("Checked 11 packages: 11 passed, 0 failed."),
        "{out}"
    );
    assert!(o.stderr.is_empty(), "{}", text(&o));
}

/// Built zips under an Agents Toolkit project's `appPackage/build/` are left alone by a folder
/// search whether it starts at the project or above it; named, they are checked.
#[test]
fn toolkit_build_zips_are_skipped_wherever_the_search_starts() {
    let tmp = tempfile::tempdir().expect("tmp");
    let parent = tmp.path().join("work");
    let project = parent.join("proj");
    let status = std::process::Command::new("cp")
        .args(["-r"])
        .arg(atk_fixture())
        .arg(&project)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        std::fs::create_dir_all(&project).expect("mkdir");
        return; // no cp on this platform: nothing to test
    }
    let build = project.join("appPackage/build");
    std::fs::create_dir_all(&build).expect("mkdir");
    std::fs::write(build.join("appPackage.dev.zip"), b"PK\x05\x06").expect("zip");
    for (dir, arg) in [(&project, "."), (&parent, "."), (&parent, "proj")] {
        let o = appcert(dir, &["check", arg, "--format", "json", "--env", "dev"]);
        let report: serde_json::Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
        let inputs: Vec<&str> = report["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .filter_map(|p| p["input"].as_str())
            .collect();
        assert!(
            inputs.iter().all(|i| !i.ends_with(".zip")),
            "{arg} from {}: {inputs:?}",
            dir.display()
        );
    }
    let o = appcert(
        &project,
        &[
            "check",
            "appPackage/build/appPackage.dev.zip",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}

/// A run whose one report is JSON or concise streams it package by package; what it writes
/// is byte for byte the report of a run that keeps every package (forced here by a second
/// output), for the fixtures and, when present, the corpus, including `--deny warnings`
/// verdicts and a run with no package left to report.
#[test]
fn streamed_reports_equal_whole_reports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut sets = vec![vec!["fixtures/packages", "fixtures/failing"]];
    if root().join("../shared/corpus/INDEX.tsv").is_file() {
        sets.push(vec!["../shared/corpus"]);
    }
    for (i, paths) in sets.into_iter().enumerate() {
        // The corpus (the second set) with the JSON report only: it takes the time.
        let variants = [
            ("json", "json", None),
            ("concise", "txt", None),
            ("json", "json", Some("--deny=warnings")),
        ];
        for (format, ext, extra) in variants.into_iter().take(if i == 0 { 3 } else { 1 }) {
            let streamed = tmp.path().join(format!("streamed.{ext}"));
            let whole = tmp.path().join(format!("whole.{ext}"));
            let sarif = tmp.path().join("whole.sarif");
            let mut args: Vec<String> = vec!["check".into()];
            args.extend(paths.iter().map(|p| p.to_string()));
            args.extend(extra.map(String::from));
            let mut one = args.clone();
            one.extend([
                "--output".into(),
                format!("{format}={}", streamed.display()),
            ]);
            let mut two = args.clone();
            two.extend([
                "--output".into(),
                format!("{format}={}", whole.display()),
                "--output".into(),
                format!("sarif={}", sarif.display()),
            ]);
            let one: Vec<&str> = one.iter().map(String::as_str).collect();
            let two: Vec<&str> = two.iter().map(String::as_str).collect();
            let a = appcert(&root(), &one);
            let b = appcert(&root(), &two);
            assert_eq!(a.status.code(), b.status.code(), "{}", text(&a));
            let (sa, sb) = (
                std::fs::read(&streamed).expect("streamed report"),
                std::fs::read(&whole).expect("whole report"),
            );
            assert!(
                sa == sb,
                "{paths:?} {format} {extra:?}: the streamed report differs ({} vs {} bytes)",
                sa.len(),
                sb.len()
            );
        }
    }
}
