//! One test per package-level defect of issue #2, each built from a clean fixture at test
//! time and checked through the library. Each asserts the rule id, severity, file, JSON
//! pointer and (where the finding has one) the line and column.

use crate::common::*;
use appcert::{Severity, Verdict};

const TAB: &str = "tab-personal";
const DA: &str = "declarative-agent";

/// Asserts that the package failed with exactly one finding, of `rule`, at the package level.
#[track_caller]
fn package_level(pkg: &appcert::PackageReport, rule: &str) -> String {
    assert_eq!(pkg.verdict, Verdict::Fail, "{}", describe(pkg));
    assert_eq!(pkg.findings.len(), 1, "{}", describe(pkg));
    let f = only(pkg, rule);
    assert_at(f, Severity::Error, "", "", None);
    assert_eq!(pkg.app, Default::default());
    f.message.clone()
}

/// Asserts that every error finding of the package is of `rule`.
#[track_caller]
fn assert_only_error(pkg: &appcert::PackageReport, rule: &str) {
    let others: Vec<_> = errors(pkg).into_iter().filter(|f| f.rule != rule).collect();
    assert!(
        others.is_empty(),
        "unexpected errors besides {rule}:\n{}",
        describe(pkg)
    );
}

// ---- the package file itself ------------------------------------------------------------

#[test]
fn not_a_zip_json_bytes() {
    let pkg = check_zip("app.zip", b"{}".to_vec());
    let msg = package_level(&pkg, "package-not-zip");
    assert_eq!(
        msg,
        "the package is not a zip archive (it looks like a JSON file)"
    );
}

#[test]
fn not_a_zip_png() {
    let png = Pkg::fixture(TAB).files["color.png"].clone();
    let pkg = check_zip("app.zip", png);
    let msg = package_level(&pkg, "package-not-zip");
    assert_eq!(
        msg,
        "the package is not a zip archive (it looks like a PNG image)"
    );
}

#[test]
fn empty_file() {
    let pkg = check_zip("app.zip", Vec::new());
    let msg = package_level(&pkg, "package-empty");
    assert_eq!(msg, "the package file is empty (0 bytes)");
}

#[test]
fn truncated_zip() {
    let bytes = Pkg::fixture(TAB).zip();
    let half = bytes[..bytes.len() / 2].to_vec();
    let pkg = check_zip("app.zip", half);
    let msg = package_level(&pkg, "package-corrupt-zip");
    assert!(
        msg.starts_with("the zip archive is corrupt or truncated"),
        "{msg}"
    );
}

#[test]
fn corrupt_zip_header() {
    let pkg = check_zip("app.zip", b"PK\x03\x04garbage".to_vec());
    package_level(&pkg, "package-corrupt-zip");
}

#[test]
fn corrupt_entry_data() {
    // Damage the deflated bytes of manifest.json: the zip opens, the entry does not.
    let mut bytes = Pkg::fixture(TAB).zip();
    let name = b"manifest.json";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
    for b in &mut bytes[at + name.len() + 20..at + name.len() + 60] {
        *b ^= 0xA5;
    }
    let pkg = check_zip("app.zip", bytes);
    assert_eq!(pkg.verdict, Verdict::Fail, "{}", describe(&pkg));
    let f = only(&pkg, "package-corrupt-zip");
    assert_at(f, Severity::Error, "manifest.json", "", None);
    assert!(
        f.message.starts_with("`manifest.json` cannot be read"),
        "{}",
        f.message
    );
}

// ---- where the manifest is ------------------------------------------------------------

#[test]
fn no_manifest() {
    let pkg = Pkg::fixture(TAB).remove("manifest.json").check();
    let msg = package_level(&pkg, "manifest-missing");
    assert_eq!(msg, "the package has no manifest.json");
}

#[test]
fn manifest_with_wrong_case() {
    let pkg = Pkg::fixture(TAB)
        .rename("manifest.json", "Manifest.json")
        .check();
    let msg = package_level(&pkg, "manifest-missing");
    assert!(
        msg.contains("`Manifest.json`") && msg.contains("lowercase"),
        "{msg}"
    );
}

#[test]
fn manifest_inside_a_subfolder() {
    let pkg = Pkg::fixture(TAB).under("appPackage").check();
    let msg = package_level(&pkg, "manifest-in-subfolder");
    assert_eq!(
        msg,
        "manifest.json is inside the folder `appPackage` instead of at the root of the package"
    );
    let f = only(&pkg, "manifest-in-subfolder");
    assert!(f.help.contains("at its root"), "{}", f.help);
}

#[test]
fn several_manifests_in_subfolders() {
    let tab = Pkg::fixture(TAB);
    let mut pkg = tab.clone();
    pkg.files.clear();
    for (path, bytes) in &tab.files {
        pkg.files.insert(format!("dev/{path}"), bytes.clone());
        pkg.files.insert(format!("prod/{path}"), bytes.clone());
    }
    let pkg = pkg.check();
    let msg = package_level(&pkg, "manifest-in-subfolder");
    assert_eq!(
        msg,
        "the package has several manifest.json files, none at its root (in `dev`, `prod`)"
    );
}

#[test]
fn duplicate_entries() {
    let tab = Pkg::fixture(TAB);
    let manifest = tab.files["manifest.json"].clone();
    let pkg = tab.duplicate("manifest.json", manifest).check();
    assert_eq!(pkg.verdict, Verdict::Fail, "{}", describe(&pkg));
    let f = only(&pkg, "package-duplicate-entry");
    assert_at(f, Severity::Error, "manifest.json", "", None);
}

#[test]
fn duplicate_entries_are_really_in_the_zip() {
    // Guards the helper behind `duplicate_entries`: the archive holds the name twice.
    let tab = Pkg::fixture(TAB);
    let color = tab.files["color.png"].clone();
    let bytes = tab.duplicate("color.png", color).zip();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(archive.has_duplicate_names());
}

// ---- the manifest's bytes -------------------------------------------------------------

#[test]
fn manifest_not_utf8() {
    let tab = Pkg::fixture(TAB);
    let mut bytes = tab.files["manifest.json"].clone();
    let at = bytes.windows(6).position(|w| w == b"\"name\"").unwrap();
    bytes[at + 2] = 0xFF;
    let pkg = tab.set("manifest.json", bytes).check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "json-not-utf8");
    let f = only(&pkg, "json-not-utf8");
    assert_at(f, Severity::Error, "manifest.json", "", None);
    assert_eq!(
        f.message,
        format!(
            "`manifest.json` is not valid UTF-8 (first invalid byte at offset {})",
            at + 2
        )
    );
}

#[test]
fn manifest_with_byte_order_mark_still_validates() {
    let tab = Pkg::fixture(TAB);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&tab.files["manifest.json"]);
    let pkg = tab.clone().set("manifest.json", bytes.clone()).check();
    assert_eq!(pkg.verdict, Verdict::Pass, "{}", describe(&pkg));
    assert_only_error(&pkg, "json-byte-order-mark");
    let f = only(&pkg, "json-byte-order-mark");
    assert_at(f, Severity::Warning, "manifest.json", "", Some((1, 1)));
    assert_eq!(pkg.app.name.as_deref(), Some("Quillstone Milestones"));

    // The schema check still runs, and locations are not shifted by the BOM.
    let long = tab
        .set("manifest.json", bytes)
        .replace(
            "manifest.json",
            "\"short\": \"Quillstone Milestones\"",
            "\"short\": \"Quillstone Milestones and Roadmaps for MS Teams\"",
        )
        .check();
    let f = only(&long, "schema-too-long");
    let text = Pkg::fixture(TAB).text("manifest.json");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/name/short",
        Some(position_of(&text, "\"Quillstone Milestones\"")),
    );
}

#[test]
fn manifest_invalid_json() {
    let tab = Pkg::fixture(TAB);
    let pkg = tab
        .replace(
            "manifest.json",
            "\"outline\": \"outline.png\"",
            "\"outline\": \"outline.png\",",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "json-invalid-syntax");
    let f = only(&pkg, "json-invalid-syntax");
    // serde_json reports a trailing comma at the bracket that follows it.
    let text = Pkg::fixture(TAB).text("manifest.json");
    let (line, _) = position_of(&text, "\"outline\": \"outline.png\"");
    assert_at(f, Severity::Error, "manifest.json", "", Some((line + 1, 3)));
    assert_eq!(
        f.message,
        "`manifest.json` is not valid JSON: trailing comma"
    );
}

#[test]
fn manifest_invalid_json_missing_colon() {
    let pkg = Pkg::fixture(TAB)
        .replace("manifest.json", "\"version\": ", "\"version\" ")
        .check();
    let f = only(&pkg, "json-invalid-syntax");
    let text = Pkg::fixture(TAB).text("manifest.json");
    let (line, col) = position_of(&text, "\"version\": ");
    // The error is at the value's opening quote, just after `"version" `.
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "",
        Some((line, col + 10)),
    );
    assert_eq!(f.message, "`manifest.json` is not valid JSON: expected `:`");
}

#[test]
fn manifest_not_an_object() {
    let pkg = Pkg::fixture(TAB).set("manifest.json", "[1, 2]").check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "json-not-object");
    let f = only(&pkg, "json-not-object");
    assert_at(f, Severity::Error, "manifest.json", "", None);
    assert_eq!(
        f.message,
        "`manifest.json` holds an array at the top level; it must be a JSON object"
    );
}

// ---- manifestVersion and $schema -------------------------------------------------------

const SUPPORTED: &str = "1.0 to 1.30 (except 1.18) and devPreview";

#[test]
fn unknown_manifest_version_and_other_checks_still_run() {
    let pkg = Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "\"manifestVersion\": \"1.25\"",
            "\"manifestVersion\": \"1.18\"",
        )
        .remove("color.png")
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    let text = Pkg::fixture(TAB).text("manifest.json");
    let f = only(&pkg, "schema-manifest-version-unknown");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/manifestVersion",
        Some(position_of(&text, "\"1.25\"")),
    );
    assert_eq!(
        f.message,
        format!("`manifestVersion` \"1.18\" is not a published manifest schema version (version 1.18 was never published); supported: {SUPPORTED}")
    );
    assert_eq!(
        f.help,
        format!("Use one of the published versions: {SUPPORTED}.")
    );
    // Other checks ran (the file references). `$schema` is not compared with a version that
    // does not exist: advising `…/v1.18/…` would name a schema that was never published.
    assert!(pkg.findings.iter().all(|f| f.rule != "schema-url-mismatch"));
    let m = only(&pkg, "reference-missing-file");
    assert_at(
        m,
        Severity::Error,
        "manifest.json",
        "/icons/color",
        Some(position_of(&text, "\"color.png\"")),
    );
    assert_eq!(pkg.app.manifest_version.as_deref(), Some("1.18"));
}

#[test]
fn missing_manifest_version() {
    let pkg = Pkg::fixture(TAB)
        .replace("manifest.json", "\"manifestVersion\": \"1.25\",", "")
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-manifest-version-missing");
    let f = only(&pkg, "schema-manifest-version-missing");
    assert_at(f, Severity::Error, "manifest.json", "", Some((1, 1)));
    assert!(
        f.help.ends_with(&format!("supported: {SUPPORTED}.")),
        "{}",
        f.help
    );
}

#[test]
fn schema_url_names_another_version() {
    let pkg = Pkg::fixture(TAB)
        .replace("manifest.json", "teams/v1.25/", "teams/v1.24/")
        .check();
    assert_eq!(pkg.verdict, Verdict::Pass, "a warning does not fail");
    assert_only_error(&pkg, "schema-url-mismatch");
    let f = only(&pkg, "schema-url-mismatch");
    let text = Pkg::fixture(TAB).text("manifest.json");
    assert_at(
        f,
        Severity::Warning,
        "manifest.json",
        "/$schema",
        Some(position_of(&text, "\"https://")),
    );
    assert_eq!(
        f.message,
        "`$schema` names manifest schema 1.24 but `manifestVersion` is \"1.25\""
    );
}

#[test]
fn en_us_schema_url_is_accepted() {
    let pkg = Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "https://developer.microsoft.com/json-schemas/",
            "https://developer.microsoft.com/en-us/json-schemas/",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Pass);
    assert_eq!(pkg.summary.warnings, 0, "{}", describe(&pkg));
    assert!(
        pkg.findings.iter().all(|f| !f.rule.starts_with("schema")),
        "{}",
        describe(&pkg)
    );
}

// ---- schema violations -----------------------------------------------------------------

#[test]
fn name_short_too_long() {
    let long = "Quillstone Milestones and Roadmaps for Projects";
    assert_eq!(long.chars().count(), 47);
    let pkg = Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "Quillstone Milestones\"",
            &format!("{long}\""),
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-too-long");
    let f = only(&pkg, "schema-too-long");
    let text = Pkg::fixture(TAB).text("manifest.json");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/name/short",
        Some(position_of(&text, "\"Quillstone Milestones\"")),
    );
    assert_eq!(f.message, "`name.short` is 47 characters; the limit is 30");
}

#[test]
fn unknown_property_is_located_at_its_key() {
    let pkg = Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "\"accentColor\"",
            "\"colour\": \"blue\",\n  \"accentColor\"",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-unknown-property");
    let f = only(&pkg, "schema-unknown-property");
    let text = Pkg::fixture(TAB).text("manifest.json");
    let (line, col) = position_of(&text, "\"accentColor\"");
    assert_eq!(col, 3);
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/colour",
        Some((line, 3)),
    );
    assert_eq!(
        f.message,
        "`colour` is not a property of the top level in the manifest schema 1.25"
    );
}

#[test]
fn missing_required_property_is_located_at_the_enclosing_object() {
    let pkg = Pkg::fixture(TAB)
        .replace(
            "manifest.json",
            "\"privacyUrl\": \"https://quillstone.app/privacy\",",
            "",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-required-property");
    let f = only(&pkg, "schema-required-property");
    let text = Pkg::fixture(TAB).text("manifest.json");
    let (line, col) = position_of(&text, "\"developer\": {");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/developer",
        Some((line, col + "\"developer\": ".len())),
    );
    assert_eq!(f.message, "`developer.privacyUrl` is required but missing");
}

// ---- referenced files ------------------------------------------------------------------

#[test]
fn missing_localization_file() {
    let pkg = Pkg::fixture("localized-tab").remove("fr-fr.json").check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "reference-missing-file");
    let f = only(&pkg, "reference-missing-file");
    let text = Pkg::fixture("localized-tab").text("manifest.json");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/localizationInfo/additionalLanguages/0/file",
        Some(position_of(&text, "\"fr-fr.json\"")),
    );
    assert_eq!(
        f.message,
        "the localization file `fr-fr.json` is referenced but not in the package"
    );
}

#[test]
fn missing_declarative_agent_file() {
    let pkg = Pkg::fixture(DA).remove("declarativeAgent.json").check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "reference-missing-file");
    let f = only(&pkg, "reference-missing-file");
    let text = Pkg::fixture(DA).text("manifest.json");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/copilotAgents/declarativeAgents/0/file",
        Some(position_of(&text, "\"declarativeAgent.json\"")),
    );
    assert_eq!(
        f.message,
        "the declarative agent file `declarativeAgent.json` is referenced but not in the package"
    );
}

#[test]
fn missing_plugin_file() {
    let pkg = Pkg::fixture(DA).remove("ai-plugin.json").check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "reference-missing-file");
    let f = only(&pkg, "reference-missing-file");
    let text = Pkg::fixture(DA).text("declarativeAgent.json");
    assert_at(
        f,
        Severity::Error,
        "declarativeAgent.json",
        "/actions/0/file",
        Some(position_of(&text, "\"ai-plugin.json\"")),
    );
    assert_eq!(
        f.message,
        "the API plugin file `ai-plugin.json` is referenced but not in the package"
    );
}

#[test]
fn reference_differs_only_in_case() {
    let pkg = Pkg::fixture(DA)
        .rename("declarativeAgent.json", "DeclarativeAgent.json")
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    let f = only(&pkg, "reference-missing-file");
    let text = Pkg::fixture(DA).text("manifest.json");
    assert_at(
        f,
        Severity::Error,
        "manifest.json",
        "/copilotAgents/declarativeAgents/0/file",
        Some(position_of(&text, "\"declarativeAgent.json\"")),
    );
    assert_eq!(
        f.message,
        "the declarative agent file `declarativeAgent.json` is referenced, but the package has `DeclarativeAgent.json` (names are case-sensitive)"
    );
}

#[test]
fn invalid_declarative_agent_file() {
    let pkg = Pkg::fixture(DA)
        .replace(
            "declarativeAgent.json",
            "\"name\": \"Fernhill Travel\"",
            "\"name\": 42",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-wrong-type");
    let f = only(&pkg, "schema-wrong-type");
    let text = Pkg::fixture(DA).text("declarativeAgent.json");
    assert_at(
        f,
        Severity::Error,
        "declarativeAgent.json",
        "/name",
        Some(position_of(&text, "\"Fernhill Travel\"")),
    );
    assert_eq!(f.message, "`name` is a number; it must be a string");
}

#[test]
fn declarative_agent_file_with_invalid_json() {
    let pkg = Pkg::fixture(DA)
        .replace(
            "declarativeAgent.json",
            "\"version\": \"v1.8\",",
            "\"version\": \"v1.8\",,",
        )
        .check();
    let f = only(&pkg, "json-invalid-syntax");
    let text = Pkg::fixture(DA).text("declarativeAgent.json");
    let (line, col) = position_of(&text, "\"version\": \"v1.8\",");
    assert_at(
        f,
        Severity::Error,
        "declarativeAgent.json",
        "",
        Some((line, col + "\"version\": \"v1.8\",".len())),
    );
}

#[test]
fn plugin_with_unknown_schema_version() {
    let pkg = Pkg::fixture(DA)
        .replace(
            "ai-plugin.json",
            "\"schema_version\": \"v2.4\"",
            "\"schema_version\": \"v2.9\"",
        )
        .check();
    assert_eq!(pkg.verdict, Verdict::Fail);
    assert_only_error(&pkg, "schema-plugin-version-unknown");
    let f = only(&pkg, "schema-plugin-version-unknown");
    let text = Pkg::fixture(DA).text("ai-plugin.json");
    assert_at(
        f,
        Severity::Error,
        "ai-plugin.json",
        "/schema_version",
        Some(position_of(&text, "\"v2.4\"")),
    );
    assert_eq!(
        f.message,
        "`schema_version` \"v2.9\" is not a published API plugin schema version"
    );
    assert_eq!(f.help, "Use one of: v2.1, v2.2, v2.3, v2.4.");
}

// ---- how defects read in human output ---------------------------------------------------

/// Defect cases whose human rendering is snapshotted (and whose JSON reports are validated
/// against the report schema in `report_schema`).
pub fn cases() -> Vec<(&'static str, appcert::PackageReport)> {
    let tab = || Pkg::fixture(TAB);
    vec![
        ("not-a-zip", check_zip("app.zip", b"{}".to_vec())),
        ("empty", check_zip("app.zip", Vec::new())),
        ("no-manifest", tab().remove("manifest.json").check()),
        ("subfolder", tab().under("appPackage").check()),
        (
            "bom",
            tab()
                .set("manifest.json", {
                    let mut b = b"\xEF\xBB\xBF".to_vec();
                    b.extend_from_slice(&tab().files["manifest.json"]);
                    b
                })
                .check(),
        ),
        (
            "invalid-json",
            tab()
                .replace(
                    "manifest.json",
                    "\"outline\": \"outline.png\"",
                    "\"outline\": \"outline.png\",",
                )
                .check(),
        ),
        ("not-object", tab().set("manifest.json", "[1, 2]").check()),
        (
            "version-1.18",
            tab()
                .replace(
                    "manifest.json",
                    "\"manifestVersion\": \"1.25\"",
                    "\"manifestVersion\": \"1.18\"",
                )
                .check(),
        ),
        (
            "name-too-long",
            tab()
                .replace(
                    "manifest.json",
                    "Quillstone Milestones\"",
                    "Quillstone Milestones and Roadmaps for MS Teams\"",
                )
                .check(),
        ),
        (
            "unknown-property",
            tab()
                .replace(
                    "manifest.json",
                    "\"accentColor\"",
                    "\"colour\": \"blue\",\n  \"accentColor\"",
                )
                .check(),
        ),
        (
            "missing-required",
            tab()
                .replace(
                    "manifest.json",
                    "\"privacyUrl\": \"https://quillstone.app/privacy\",",
                    "",
                )
                .check(),
        ),
        (
            "missing-plugin",
            Pkg::fixture(DA).remove("ai-plugin.json").check(),
        ),
        (
            "agent-wrong-type",
            Pkg::fixture(DA)
                .replace(
                    "declarativeAgent.json",
                    "\"name\": \"Fernhill Travel\"",
                    "\"name\": 42",
                )
                .check(),
        ),
    ]
}

/// The other defect cases, for the report-schema check.
pub fn more_cases() -> Vec<(&'static str, appcert::PackageReport)> {
    let tab = || Pkg::fixture(TAB);
    let da = || Pkg::fixture(DA);
    let truncated = {
        let z = tab().zip();
        z[..z.len() / 2].to_vec()
    };
    let mut several = tab();
    several.files.clear();
    for (path, bytes) in &tab().files {
        several.files.insert(format!("dev/{path}"), bytes.clone());
        several.files.insert(format!("prod/{path}"), bytes.clone());
    }
    vec![
        (
            "png",
            check_zip("app.zip", tab().files["color.png"].clone()),
        ),
        ("truncated", check_zip("app.zip", truncated)),
        (
            "garbage",
            check_zip("app.zip", b"PK\x03\x04garbage".to_vec()),
        ),
        (
            "wrong-case",
            tab().rename("manifest.json", "Manifest.json").check(),
        ),
        ("several", several.check()),
        (
            "duplicate",
            tab()
                .duplicate("color.png", tab().files["color.png"].clone())
                .check(),
        ),
        (
            "not-utf8",
            tab()
                .set("manifest.json", {
                    let mut b = tab().files["manifest.json"].clone();
                    b[10] = 0xFF;
                    b
                })
                .check(),
        ),
        (
            "no-version",
            tab()
                .replace("manifest.json", "\"manifestVersion\": \"1.25\",", "")
                .check(),
        ),
        (
            "url-mismatch",
            tab()
                .replace("manifest.json", "teams/v1.25/", "teams/v1.24/")
                .check(),
        ),
        (
            "missing-loc",
            Pkg::fixture("localized-tab").remove("fr-fr.json").check(),
        ),
        (
            "missing-agent",
            da().remove("declarativeAgent.json").check(),
        ),
        (
            "case-mismatch",
            da().rename("declarativeAgent.json", "DeclarativeAgent.json")
                .check(),
        ),
        (
            "agent-invalid-json",
            da().replace(
                "declarativeAgent.json",
                "\"version\": \"v1.8\",",
                "\"version\": \"v1.8\",,",
            )
            .check(),
        ),
        (
            "plugin-version",
            da().replace(
                "ai-plugin.json",
                "\"schema_version\": \"v2.4\"",
                "\"schema_version\": \"v2.9\"",
            )
            .check(),
        ),
    ]
}

#[test]
fn human_output_of_defects() {
    for (name, pkg) in cases() {
        let text = human_of(&report_of(pkg));
        insta::assert_snapshot!(format!("defect-{name}-human"), text);
    }
}
