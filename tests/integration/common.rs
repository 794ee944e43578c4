//! Shared helpers: fixture packages built into zips in memory (deterministically), with
//! overrides, and checked through the library.

#![allow(dead_code)]

use appcert::report::human::{self, Style};
use appcert::{Finding, Input, InputKind, Options, PackageReport, Report, Severity};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Root of the crate (where `fixtures/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Names of every fixture package, sorted.
pub fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("fixtures/packages"))
        .expect("fixtures/packages")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("manifest.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= 7,
        "expected the 7 fixture kinds, found {names:?}"
    );
    names
}

/// The relative path a fixture is reported under: `fixtures/packages/<name>`.
pub fn fixture_display(name: &str) -> String {
    format!("fixtures/packages/{name}")
}

/// Every file of a folder, by `/`-separated relative path, sorted.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut items: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        items.sort();
        for p in items {
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A package under construction: a fixture's files plus overrides, zipped on demand.
#[derive(Clone, Debug)]
pub struct Pkg {
    /// The name the package is checked under (`<fixture>.zip`).
    pub name: String,
    pub files: BTreeMap<String, Vec<u8>>,
    /// Extra entries written after the others even when their name is already used.
    pub duplicates: Vec<(String, Vec<u8>)>,
    /// Folder every entry is put under.
    pub prefix: Option<String>,
}

impl Pkg {
    /// The files of `fixtures/packages/<name>`.
    pub fn fixture(name: &str) -> Pkg {
        let dir = root().join("fixtures/packages").join(name);
        assert!(dir.join("manifest.json").is_file(), "no fixture {name}");
        Pkg {
            name: format!("{name}.zip"),
            files: read_tree(&dir),
            duplicates: Vec::new(),
            prefix: None,
        }
    }

    /// Replaces or adds a file.
    pub fn set(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Pkg {
        self.files.insert(path.to_string(), bytes.into());
        self
    }

    /// Removes a file, which must exist.
    pub fn remove(mut self, path: &str) -> Pkg {
        assert!(self.files.remove(path).is_some(), "no {path} to remove");
        self
    }

    /// Renames a file, which must exist.
    pub fn rename(mut self, from: &str, to: &str) -> Pkg {
        let bytes = self
            .files
            .remove(from)
            .unwrap_or_else(|| panic!("no {from}"));
        self.files.insert(to.to_string(), bytes);
        self
    }

    /// Replaces the first occurrence of `from` in a text file; `from` must occur.
    pub fn replace(mut self, path: &str, from: &str, to: &str) -> Pkg {
        let text = self.text(path);
        assert!(text.contains(from), "`{from}` not found in {path}");
        self.files
            .insert(path.to_string(), text.replacen(from, to, 1).into_bytes());
        self
    }

    /// Adds an entry again, even under a name already present (a duplicate zip entry).
    pub fn duplicate(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Pkg {
        self.duplicates.push((path.to_string(), bytes.into()));
        self
    }

    /// Puts every entry under `folder/`.
    pub fn under(mut self, folder: &str) -> Pkg {
        self.prefix = Some(folder.trim_end_matches('/').to_string());
        self
    }

    /// The text of a file of the package.
    pub fn text(&self, path: &str) -> String {
        String::from_utf8(
            self.files
                .get(path)
                .unwrap_or_else(|| panic!("no {path}"))
                .clone(),
        )
        .unwrap()
    }

    fn entry_name(&self, path: &str) -> String {
        match &self.prefix {
            Some(p) => format!("{p}/{path}"),
            None => path.to_string(),
        }
    }

    /// The zip archive: entries sorted by name, fixed timestamps and permissions, deflate.
    pub fn zip(&self) -> Vec<u8> {
        // The zip writer refuses duplicate names: write duplicates under a placeholder name of
        // the same length (stored, so the name is the only place it appears), then patch it.
        let mut placeholders: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for (path, bytes) in &self.files {
            w.start_file(self.entry_name(path), opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        for (i, (path, bytes)) in self.duplicates.iter().enumerate() {
            let real = self.entry_name(path);
            let mut fake: Vec<u8> = real.clone().into_bytes();
            let tag = format!("~{i}~");
            assert!(
                fake.len() > tag.len(),
                "name too short to duplicate: {real}"
            );
            fake[..tag.len()].copy_from_slice(tag.as_bytes());
            let fake = String::from_utf8(fake).unwrap();
            w.start_file(
                fake.as_str(),
                opts.compression_method(zip::CompressionMethod::Stored),
            )
            .unwrap();
            w.write_all(bytes).unwrap();
            placeholders.push((fake.into_bytes(), real.into_bytes()));
        }
        let mut out = w.finish().unwrap().into_inner();
        for (fake, real) in placeholders {
            let mut count = 0;
            let mut i = 0;
            while i + fake.len() <= out.len() {
                if out[i..i + fake.len()] == fake[..] {
                    out[i..i + fake.len()].copy_from_slice(&real);
                    count += 1;
                    i += fake.len();
                } else {
                    i += 1;
                }
            }
            assert_eq!(
                count, 2,
                "placeholder must be in the local and central headers"
            );
        }
        out
    }

    /// Checks the zip through the library, as `<fixture>.zip`.
    pub fn check(&self) -> PackageReport {
        check_zip(&self.name, self.zip())
    }

    /// Writes the files (not the zip) into `dir`.
    pub fn write_dir(&self, dir: &Path) {
        for (path, bytes) in &self.files {
            let p = dir.join(self.entry_name(path));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    }
}

/// Checks zip bytes through the library.
pub fn check_zip(name: &str, bytes: Vec<u8>) -> PackageReport {
    appcert::check_zip_bytes(name, bytes, &Options::default())
}

/// Checks a package folder through the library, reported under `display`.
pub fn check_dir(display: &str, path: &Path) -> PackageReport {
    let input = Input {
        display: display.to_string(),
        path: path.to_path_buf(),
        kind: InputKind::Dir,
    };
    appcert::check_input(&input, &Options::default())
}

/// Checks a fixture folder, reported as `fixtures/packages/<name>`.
pub fn check_fixture_dir(name: &str) -> PackageReport {
    check_dir(
        &fixture_display(name),
        &root().join("fixtures/packages").join(name),
    )
}

/// A one-package report, as the CLI builds it (default options: the `store` profile).
pub fn report_of(pkg: PackageReport) -> Report {
    appcert::finish_run(vec![pkg], &Options::default())
}

/// The JSON report as a value.
pub fn json_of(report: &Report) -> serde_json::Value {
    serde_json::from_str(&appcert::report::json::render(report)).expect("JSON report parses")
}

/// The human report with the fixed, colourless style.
pub fn human_of(report: &Report) -> String {
    human::render(report, Style::plain())
}

/// One line per finding, for failure messages.
pub fn describe(pkg: &PackageReport) -> String {
    let mut s = format!("{} ({:?}):\n", pkg.input, pkg.verdict);
    for f in &pkg.findings {
        s.push_str(&format!(
            "  {} {} {:?} {:?} {:?}:{:?} {}\n",
            f.rule, f.severity, f.file, f.pointer, f.line, f.column, f.message
        ));
    }
    s
}

/// The findings of a rule; fails when there are none.
pub fn findings<'a>(pkg: &'a PackageReport, rule: &str) -> Vec<&'a Finding> {
    let found: Vec<&Finding> = pkg.findings.iter().filter(|f| f.rule == rule).collect();
    assert!(
        !found.is_empty(),
        "no `{rule}` finding in\n{}",
        describe(pkg)
    );
    found
}

/// The single finding of a rule; fails when there is not exactly one.
pub fn only<'a>(pkg: &'a PackageReport, rule: &str) -> &'a Finding {
    let found = findings(pkg, rule);
    assert_eq!(
        found.len(),
        1,
        "several `{rule}` findings in\n{}",
        describe(pkg)
    );
    found[0]
}

/// Asserts the identity and location of a finding. `at` is `Some((line, column))` or `None`.
#[track_caller]
pub fn assert_at(
    f: &Finding,
    severity: Severity,
    file: &str,
    pointer: &str,
    at: Option<(usize, usize)>,
) {
    assert_eq!(f.severity, severity, "severity of {f:?}");
    assert_eq!(f.file, file, "file of {f:?}");
    assert_eq!(f.pointer, pointer, "pointer of {f:?}");
    assert_eq!(
        f.line.zip(f.column),
        at,
        "line:column of {} {:?}",
        f.rule,
        f.message
    );
    assert!(
        !f.message.is_empty() && !f.help.is_empty(),
        "message and help: {f:?}"
    );
}

/// Error findings of a package.
pub fn errors(pkg: &PackageReport) -> Vec<&Finding> {
    pkg.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

/// 1-based line and column of the first occurrence of `needle` in `text` (column in characters).
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Runs the built binary in `dir`, without colour and without a terminal width.
pub fn appcert(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appcert"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("run appcert")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

/// Asserts the exit code, showing both outputs when it differs.
#[track_caller]
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(o),
        stderr(o)
    );
}
