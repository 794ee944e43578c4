//! `appcert check --fix`, `--unsafe-fixes` and `--diff` on the built binary: a folder fixed in
//! place, a zip's corrected copy beside it (the original untouched), the diff (nothing written),
//! the gating of unsafe fixes, the usage errors.

use crate::common::*;
use serde_json::Value;

const PRIVACY: &str = "\"https://harborlightlabs.net/legal/privacy\"";

/// The clean fixture with five fixable findings: a byte-order mark, `$schema` of another
/// version, a two-part `version`, a repeated valid domain (safe) and an http privacy link
/// (unsafe).
fn broken() -> Pkg {
    let pkg = Pkg::fixture("bot-commands")
        .replace("manifest.json", "teams/v1.26/", "teams/v1.25/")
        .replace(
            "manifest.json",
            "\"version\": \"1.0.0\"",
            "\"version\": \"1.0\"",
        )
        .replace(
            "manifest.json",
            "\"app.harborlightlabs.net\"]",
            "\"app.harborlightlabs.net\", \"HARBORLIGHTLABS.net\"]",
        )
        .replace(
            "manifest.json",
            PRIVACY,
            "\"http://harborlightlabs.net/legal/privacy\"",
        );
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(pkg.text("manifest.json").into_bytes());
    pkg.set("manifest.json", bytes)
}

fn original_manifest() -> Vec<u8> {
    Pkg::fixture("bot-commands").files["manifest.json"].clone()
}

fn rules_of(report: &Value) -> Vec<String> {
    report["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fix_changes_a_folder_in_place_keeping_its_formatting() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("app");
    broken().write_dir(&dir);
    let icon = std::fs::read(dir.join("color.png")).unwrap();
    let o = appcert(tmp.path(), &["check", "--fix", "--format", "json", "app"]);
    // The unsafe fix is left: its finding is the one error that remains.
    assert_exit(&o, 1);
    assert_eq!(
        stderr(&o),
        "Fixed 4 findings (1 more fixable with --unsafe-fixes).\n"
    );
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::report_schema::assert_valid_report(&report);
    assert_eq!(rules_of(&report), vec!["developer-url-not-https"]);
    // Byte for byte the clean fixture, but for the http link the safe fixes leave alone.
    let expected = String::from_utf8(original_manifest()).unwrap().replacen(
        PRIVACY,
        "\"http://harborlightlabs.net/legal/privacy\"",
        1,
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("manifest.json")).unwrap(),
        expected
    );
    assert_eq!(std::fs::read(dir.join("color.png")).unwrap(), icon);

    // --unsafe-fixes fixes the link too: the folder is the clean fixture again.
    let o = appcert(tmp.path(), &["check", "--fix", "--unsafe-fixes", "app"]);
    assert_exit(&o, 0);
    assert_eq!(stderr(&o), "Fixed 1 finding.\n");
    assert_eq!(
        std::fs::read(dir.join("manifest.json")).unwrap(),
        original_manifest()
    );
    // Nothing left to fix: nothing written, said so.
    let o = appcert(tmp.path(), &["check", "--fix", "--quiet", "app"]);
    assert_exit(&o, 0);
    assert_eq!(stderr(&o), "No finding fixed.\n");
}

#[test]
fn fix_on_a_zip_writes_a_corrected_copy_beside_it_and_never_touches_it() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = broken()
        .set("notes.txt", "build notes")
        .set(".DS_Store", vec![0u8, 1, 2]);
    let zip = pkg.zip();
    std::fs::write(tmp.path().join("app.zip"), &zip).unwrap();
    let o = appcert(
        tmp.path(),
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "json",
            "app.zip",
        ],
    );
    assert_exit(&o, 0);
    assert_eq!(
        stderr(&o),
        "Fixed 5 findings.\nWrote the corrected copy app.fixed.zip (app.zip left unchanged).\n"
    );
    assert_eq!(std::fs::read(tmp.path().join("app.zip")).unwrap(), zip);
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["packages"][0]["input"], "app.fixed.zip");
    assert_eq!(rules_of(&report), Vec::<String>::new());
    // The copy holds the package's files only, the manifest fixed and the icons as they were.
    let bytes = std::fs::read(tmp.path().join("app.fixed.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["color.png", "manifest.json", "outline.png"]);
    for name in names {
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name(&name).unwrap(), &mut data).unwrap();
        let expected = if name == "manifest.json" {
            original_manifest()
        } else {
            pkg.files[&name].clone()
        };
        assert_eq!(data, expected, "{name}");
    }

    // A zip with nothing to fix gets no copy.
    let clean = tmp.path().join("clean");
    std::fs::create_dir(&clean).unwrap();
    std::fs::write(clean.join("ok.zip"), Pkg::fixture("bot-commands").zip()).unwrap();
    let o = appcert(&clean, &["check", "--fix", "ok.zip"]);
    assert_exit(&o, 0);
    assert!(!clean.join("ok.fixed.zip").exists());
}

#[test]
fn diff_prints_what_fix_would_change_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("app");
    broken().write_dir(&dir);
    let before = read_tree(&dir);
    let o = appcert(tmp.path(), &["check", "--diff", "app"]);
    assert_exit(&o, 1);
    assert_eq!(
        stderr(&o),
        "Would fix 4 findings (1 more fixable with --unsafe-fixes).\n"
    );
    insta::assert_snapshot!("diff-safe-fixes", stdout(&o));
    let o = appcert(tmp.path(), &["check", "--diff", "--unsafe-fixes", "app"]);
    assert_exit(&o, 1);
    assert!(
        stdout(&o).contains("+    \"privacyUrl\": \"https://harborlightlabs.net/legal/privacy\","),
        "{}",
        stdout(&o)
    );
    assert_eq!(stderr(&o), "Would fix 5 findings.\n");
    assert_eq!(read_tree(&dir), before, "--diff wrote something");
    assert!(!tmp.path().join("app.fixed.zip").exists());

    // Nothing to fix: no diff, exit 0.
    let o = appcert(
        &root(),
        &["check", "--diff", "fixtures/packages/bot-commands"],
    );
    assert_exit(&o, 0);
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "No finding would be fixed.\n");
}

#[test]
fn concise_output_marks_what_fix_fixes() {
    let tmp = tempfile::tempdir().unwrap();
    broken().write_dir(&tmp.path().join("app"));
    let o = appcert(tmp.path(), &["check", "--format", "concise", "app"]);
    assert_exit(&o, 1);
    let text = stdout(&o);
    assert!(
        text.contains("warning json-byte-order-mark: [*] `manifest.json` starts"),
        "{text}"
    );
    assert!(
        text.contains("error developer-url-not-https: [?] `developer.privacyUrl`"),
        "{text}"
    );
}

#[test]
fn fix_flags_misused_are_usage_errors() {
    let cases: [(&[&str], &str); 3] = [
        (
            &["check", "--unsafe-fixes", "."],
            "--unsafe-fixes applies with --fix or --diff",
        ),
        (&["check", "--fix", "-"], "not on standard input"),
        (&["check", "--diff", "-"], "not on standard input"),
    ];
    for (args, mentions) in cases {
        let o = appcert(&root(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(mentions), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "");
    }
    // --fix with --diff: clap's usage error.
    let o = appcert(&root(), &["check", "--fix", "--diff", "."]);
    assert_exit(&o, 2);
}

/// Like ruff's fix convergence check: on every fixture package (clean and failing), fixing
/// leaves no fixable finding, fixing again changes nothing, and every finding that was not
/// fixable is still reported.
#[test]
fn fixes_converge_on_every_fixture() {
    let options = appcert::Options::default();
    let mut dirs = Vec::new();
    for group in ["fixtures/packages", "fixtures/failing"] {
        for e in std::fs::read_dir(root().join(group)).unwrap() {
            let p = e.unwrap().path();
            if p.join("manifest.json").is_file() {
                dirs.push(p);
            }
        }
    }
    assert!(dirs.len() > 10, "{dirs:?}");
    let mut fixed_somewhere = 0;
    for dir in dirs {
        let files: Vec<(String, Vec<u8>)> = read_tree(&dir).into_iter().collect();
        let before = appcert::check_files("pkg", files.clone(), &options);
        let fixed = appcert::fix::fix_files("pkg", files, &options, true);
        fixed_somewhere += fixed.fixed;
        let left: Vec<&str> = fixed
            .report
            .findings
            .iter()
            .filter(|f| appcert::fix::applicable(f, true))
            .map(|f| f.rule.as_str())
            .collect();
        assert!(
            left.is_empty(),
            "{}: still fixable: {left:?}",
            dir.display()
        );
        let again = appcert::fix::fix_files(
            "pkg",
            fixed.files.clone().into_iter().collect(),
            &options,
            true,
        );
        assert!(
            again.changed.is_empty(),
            "{}: not idempotent",
            dir.display()
        );
        for f in before.findings.iter().filter(|f| f.fix.is_none()) {
            assert!(
                fixed
                    .report
                    .findings
                    .iter()
                    .any(|g| g.rule == f.rule && g.file == f.file && g.pointer == f.pointer),
                "{}: fixing removed the unfixable {} at {}",
                dir.display(),
                f.rule,
                f.pointer
            );
        }
    }
    assert!(fixed_somewhere > 0, "no fixture has a fixable finding");
}
