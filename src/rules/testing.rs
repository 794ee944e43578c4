//! Test support for rules: build a package in memory from a clean base fixture plus changes,
//! run the whole engine on it, and look at the findings of one rule.

use crate::finding::Finding;
use crate::rules::Profile;
use crate::{check_zip_bytes, Options};
use serde_json::Value;
use std::io::Write;

/// The clean base package used by rule tests (a bot + tab app that passes every rule).
pub const BASE: &str = "fixtures/packages/bot-commands";

fn fixture_dir(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// The files of a fixture package folder, by package path.
pub fn fixture_files(dir: &str) -> Vec<(String, Vec<u8>)> {
    let root = fixture_dir(dir);
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("fixture folder readable");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&root)
                .expect("inside root")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((
                rel,
                std::fs::read(entry.path()).expect("fixture file readable"),
            ));
        }
    }
    out
}

/// RFC 7396 JSON merge patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let t = target.as_object_mut().expect("object");
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// A zip holding `files`, deterministic.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in files {
            w.start_file(name.as_str(), opts).expect("start file");
            w.write_all(data).expect("write");
        }
        w.finish().expect("finish zip");
    }
    buf.into_inner()
}

/// A package under test: files by path, starting from a fixture.
pub struct Pkg {
    pub files: Vec<(String, Vec<u8>)>,
    /// The whole input, instead of a zip of `files` (a case about the input itself).
    pub raw_input: Option<Vec<u8>>,
    /// The published version (`--previous`).
    pub previous: Option<std::sync::Arc<crate::options::Previous>>,
    /// Simulated `--online` fetch results.
    pub online: Option<std::sync::Arc<crate::online::OnlineResults>>,
    pub profile: Profile,
    pub config: crate::config::Config,
}

impl Pkg {
    /// The base fixture package.
    pub fn base() -> Pkg {
        Pkg::from_fixture(BASE)
    }

    pub fn from_fixture(dir: &str) -> Pkg {
        Pkg {
            files: fixture_files(dir),
            raw_input: None,
            previous: None,
            online: None,
            profile: Profile::Store,
            config: crate::config::Config::default(),
        }
    }

    /// The parsed JSON of a file of the package.
    pub fn json(&self, file: &str) -> Value {
        let bytes = &self
            .files
            .iter()
            .find(|(n, _)| n == file)
            .expect("file in package")
            .1;
        serde_json::from_slice(bytes).expect("fixture JSON parses")
    }

    /// Applies a merge patch to a JSON file of the package.
    pub fn patch(self, file: &str, patch: Value) -> Pkg {
        let mut v = self.json(file);
        merge_patch(&mut v, &patch);
        self.set_json(file, &v)
    }

    /// Edits a JSON file of the package with a closure.
    pub fn edit(self, file: &str, f: impl FnOnce(&mut Value)) -> Pkg {
        let mut v = self.json(file);
        f(&mut v);
        self.set_json(file, &v)
    }

    pub fn set_json(self, file: &str, v: &Value) -> Pkg {
        let text = serde_json::to_vec_pretty(v).expect("serialise");
        self.set(file, text)
    }

    /// Adds or replaces a file.
    pub fn set(mut self, file: &str, bytes: Vec<u8>) -> Pkg {
        self.files.retain(|(n, _)| n != file);
        self.files.push((file.to_string(), bytes));
        self.files.sort_by(|a, b| a.0.cmp(&b.0));
        self
    }

    pub fn remove(mut self, file: &str) -> Pkg {
        self.files.retain(|(n, _)| n != file);
        self
    }

    pub fn profile(mut self, profile: Profile) -> Pkg {
        self.profile = profile;
        self
    }

    /// Checks under a configuration (thresholds, levels, suppressions).
    pub fn config(mut self, config: crate::config::Config) -> Pkg {
        self.config = config;
        self
    }

    /// The report of the package.
    pub fn report(&self) -> crate::PackageReport {
        let options = Options {
            profile: self.profile,
            config: self.config.clone(),
            previous: self.previous.clone(),
            online: self.online.clone(),
            ..Options::default()
        };
        let bytes = self.raw_input.clone().unwrap_or_else(|| zip(&self.files));
        check_zip_bytes("test.zip", bytes, &options)
    }

    /// The human output for the package (fixed, colourless style).
    pub fn human(&self) -> String {
        let report = crate::finish_run(vec![self.report()], &Options::default());
        crate::report::human::render(&report, crate::report::human::Style::plain())
    }

    /// Every finding of the package.
    pub fn check(&self) -> Vec<Finding> {
        self.report().findings
    }

    /// The findings of one rule.
    pub fn findings(&self, rule: &str) -> Vec<Finding> {
        self.check()
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// The (file, pointer) of each finding of one rule.
    pub fn hits(&self, rule: &str) -> Vec<(String, String)> {
        self.findings(rule)
            .into_iter()
            .map(|f| (f.file, f.pointer))
            .collect()
    }
}

/// Shorthand for an expected (file, pointer) hit.
pub fn at(file: &str, pointer: &str) -> (String, String) {
    (file.to_string(), pointer.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base_package_is_clean() {
        let findings = Pkg::base().check();
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn data_rule_fires_and_passes() {
        let bad = Pkg::base().patch("manifest.json", json!({"version": "1.0"}));
        assert_eq!(
            bad.hits("manifest-version-not-semver"),
            vec![at("manifest.json", "/version")]
        );
        let good = Pkg::base().patch("manifest.json", json!({"version": "2.10.0"}));
        assert!(good.hits("manifest-version-not-semver").is_empty());
    }

    #[test]
    fn placeholder_rule_reports_each_placeholder_once() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"id": "${{TEAMS_APP_ID}}", "developer": {"websiteUrl": "https://{{HOST}}/{{PATH}}"}}),
        );
        let hits = pkg.hits("template-placeholder-unresolved");
        assert_eq!(
            hits,
            vec![
                at("manifest.json", "/id"),
                at("manifest.json", "/developer/websiteUrl"),
                at("manifest.json", "/developer/websiteUrl"),
            ]
        );
        // The id is not a GUID only because of the placeholder: no schema finding for it.
        assert!(pkg
            .check()
            .iter()
            .all(|f| !(f.rule.starts_with("schema-") && f.pointer == "/id")));
    }
}
