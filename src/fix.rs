//! Applying findings' fixes to a package held in memory (`--fix`, `--diff`, the editor's quick
//! fixes use the same edits). Like ruff: the fixes of one check are applied unless they overlap
//! one already taken, then the package is checked again and the loop repeats until no fix
//! applies (at most [`MAX_ROUNDS`] times). Edits replace byte ranges, so everything else in a
//! file stays byte for byte.

use crate::finding::{Applicability, Finding};
use crate::options::Options;
use crate::report::PackageReport;
use std::collections::BTreeMap;
use std::ops::Range;

/// How many times a package is checked and fixed at most.
pub const MAX_ROUNDS: usize = 10;

/// The package after fixing.
#[derive(Debug)]
pub struct Fixed {
    /// Every file of the package, as fixed.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The files whose bytes changed (names of `files`).
    pub changed: Vec<String>,
    /// How many findings' fixes were applied.
    pub fixed: usize,
    /// The check of the fixed package: the findings that remain.
    pub report: PackageReport,
}

/// Whether a finding's fix is applied: it counts (not suppressed) and is safe, or unsafe fixes
/// were asked for.
pub fn applicable(f: &Finding, unsafe_fixes: bool) -> bool {
    f.counts() && f.fix.as_ref().is_some_and(|x| x.applies(unsafe_fixes))
}

/// Findings of a report with an unsafe fix only (`N more fixable with --unsafe-fixes`).
pub fn unsafe_only(report: &PackageReport) -> usize {
    report
        .findings
        .iter()
        .filter(|f| {
            f.counts()
                && f.fix
                    .as_ref()
                    .is_some_and(|x| x.applicability == Applicability::Unsafe)
        })
        .count()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// Applies the applicable fixes of `findings` to `files`, each fix whole or not at all: a fix
/// with an edit overlapping an edit already taken, or outside its file, waits for the next
/// round. Returns how many fixes were applied.
pub fn apply(
    files: &mut BTreeMap<String, Vec<u8>>,
    findings: &[Finding],
    unsafe_fixes: bool,
) -> usize {
    let mut taken: BTreeMap<String, Vec<(Range<usize>, String)>> = BTreeMap::new();
    let mut applied = 0;
    for f in findings.iter().filter(|f| applicable(f, unsafe_fixes)) {
        let Some(fix) = &f.fix else { continue };
        let fits = fix.edits.iter().enumerate().all(|(i, e)| {
            let Some(bytes) = files.get(&e.file) else {
                return false;
            };
            e.range.start <= e.range.end
                && e.range.end <= bytes.len()
                && !taken
                    .get(&e.file)
                    .is_some_and(|t| t.iter().any(|(r, _)| overlaps(r, &e.range)))
                && !fix.edits[..i]
                    .iter()
                    .any(|o| o.file == e.file && overlaps(&o.range, &e.range))
        });
        // A fix that would change nothing is no fix (and would loop).
        let changes = fix.edits.iter().any(|e| {
            files
                .get(&e.file)
                .and_then(|b| b.get(e.range.clone()))
                .is_some_and(|old| old != e.replacement.as_bytes())
        });
        if !fits || !changes {
            continue;
        }
        for e in &fix.edits {
            taken
                .entry(e.file.clone())
                .or_default()
                .push((e.range.clone(), e.replacement.clone()));
        }
        applied += 1;
    }
    for (file, mut edits) in taken {
        let Some(bytes) = files.get_mut(&file) else {
            continue;
        };
        edits.sort_by_key(|e| std::cmp::Reverse(e.0.start));
        for (range, replacement) in edits {
            bytes.splice(range, replacement.into_bytes());
        }
    }
    applied
}

/// Checks a package given as in-memory files and applies its fixes until none applies; returns
/// the fixed files and the check of the fixed package. Nothing is written anywhere.
pub fn fix_files(
    name: &str,
    files: Vec<(String, Vec<u8>)>,
    options: &Options,
    unsafe_fixes: bool,
) -> Fixed {
    let original: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
    let mut current = original.clone();
    let mut fixed = 0;
    let check = |files: &BTreeMap<String, Vec<u8>>| {
        let list = files.iter().map(|(n, b)| (n.clone(), b.clone())).collect();
        crate::check_files(name, list, options)
    };
    let mut report = check(&current);
    for _ in 0..MAX_ROUNDS {
        let n = apply(&mut current, &report.findings, unsafe_fixes);
        if n == 0 {
            break;
        }
        fixed += n;
        report = check(&current);
    }
    let changed = current
        .iter()
        .filter(|(n, b)| original.get(*n) != Some(*b))
        .map(|(n, _)| n.clone())
        .collect();
    Fixed {
        files: current,
        changed,
        fixed,
        report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::fixture_files;

    /// A fixture's files with `file`'s text edited by `from` → `to` (the fixture's own
    /// formatting kept, unlike a patch that re-serialises the JSON).
    fn with_text(dir: &str, file: &str, from: &str, to: &str) -> Vec<(String, Vec<u8>)> {
        let mut files = fixture_files(dir);
        let entry = files.iter_mut().find(|(n, _)| n == file).expect("file");
        let text = String::from_utf8(entry.1.clone()).expect("UTF-8");
        assert!(text.contains(from), "{file} has no {from:?}");
        entry.1 = text.replacen(from, to, 1).into_bytes();
        files
    }

    fn hits(report: &PackageReport, rule: &str) -> usize {
        report.findings.iter().filter(|f| f.rule == rule).count()
    }

    /// Checks `files`, asserts `rule` fires (with a fix of `applicability`), fixes the package
    /// and asserts the finding is gone, only `file` changed, and to exactly `expected`.
    fn fixes(
        files: Vec<(String, Vec<u8>)>,
        rule: &str,
        applicability: Applicability,
        file: &str,
        expected: &[u8],
    ) {
        let options = Options::default();
        let before = crate::check_files("pkg", files.clone(), &options);
        let f = before
            .findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{rule} does not fire"));
        let fix = f
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{rule} has no fix"));
        assert_eq!(fix.applicability, applicability, "{rule}");
        assert!(!fix.title.is_empty());
        // Without unsafe fixes, an unsafe fix is not applied.
        let safe_only = fix_files("pkg", files.clone(), &options, false);
        if applicability == Applicability::Unsafe {
            assert!(safe_only.changed.is_empty(), "{rule}: unsafe fix applied");
            assert_eq!(hits(&safe_only.report, rule), hits(&before, rule));
            assert_eq!(unsafe_only(&safe_only.report), hits(&before, rule));
        }
        let fixed = fix_files("pkg", files.clone(), &options, true);
        assert_eq!(
            hits(&fixed.report, rule),
            0,
            "{rule} still fires after the fix"
        );
        assert_eq!(fixed.changed, vec![file.to_string()], "{rule}");
        assert_eq!(
            String::from_utf8_lossy(&fixed.files[file]),
            String::from_utf8_lossy(expected),
            "{rule}"
        );
        assert!(fixed.fixed >= 1);
        // No other finding appears.
        let others = |r: &PackageReport| {
            let mut v: Vec<(String, String)> = r
                .findings
                .iter()
                .filter(|f| f.rule != rule)
                .map(|f| (f.rule.clone(), f.pointer.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(others(&fixed.report), others(&before), "{rule}");
    }

    fn text(dir: &str, file: &str) -> Vec<u8> {
        fixture_files(dir)
            .into_iter()
            .find(|(n, _)| n == file)
            .expect("file")
            .1
    }

    const BASE: &str = "fixtures/packages/bot-commands";

    #[test]
    fn removes_a_byte_order_mark() {
        let mut files = fixture_files(BASE);
        let m = files
            .iter_mut()
            .find(|(n, _)| n == "manifest.json")
            .unwrap();
        m.1.splice(0..0, *b"\xEF\xBB\xBF");
        fixes(
            files,
            "json-byte-order-mark",
            Applicability::Safe,
            "manifest.json",
            &text(BASE, "manifest.json"),
        );
    }

    #[test]
    fn sets_schema_to_the_manifest_version_even_after_a_byte_order_mark() {
        let url = "json-schemas/teams/v1.26/MicrosoftTeams";
        let old = "json-schemas/teams/v1.25/MicrosoftTeams";
        let mut files = with_text(BASE, "manifest.json", url, old);
        fixes(
            files.clone(),
            "schema-url-mismatch",
            Applicability::Safe,
            "manifest.json",
            &text(BASE, "manifest.json"),
        );
        // With a BOM too, both are fixed (the edit's range is past the BOM).
        let m = files
            .iter_mut()
            .find(|(n, _)| n == "manifest.json")
            .unwrap();
        m.1.splice(0..0, *b"\xEF\xBB\xBF");
        let fixed = fix_files("pkg", files, &Options::default(), false);
        assert_eq!(fixed.files["manifest.json"], text(BASE, "manifest.json"));
        assert_eq!(fixed.fixed, 2);
    }

    #[test]
    fn writes_a_two_part_version_with_its_patch() {
        let files = with_text(
            BASE,
            "manifest.json",
            "\"version\": \"1.0.0\"",
            "\"version\": \"1.4\"",
        );
        let expected = String::from_utf8(text(BASE, "manifest.json"))
            .unwrap()
            .replacen("\"version\": \"1.0.0\"", "\"version\": \"1.4.0\"", 1);
        fixes(
            files,
            "manifest-version-not-semver",
            Applicability::Safe,
            "manifest.json",
            expected.as_bytes(),
        );
        // A pre-release version has no mechanical fix.
        let files = with_text(
            BASE,
            "manifest.json",
            "\"version\": \"1.0.0\"",
            "\"version\": \"1.0.0-beta\"",
        );
        let report = crate::check_files("pkg", files, &Options::default());
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "manifest-version-not-semver")
            .unwrap();
        assert!(f.fix.is_none());
    }

    #[test]
    fn trims_the_app_name() {
        let files = with_text(
            BASE,
            "manifest.json",
            "\"short\": \"Harborlight Standup\"",
            "\"short\": \" Harborlight Standup\\t\"",
        );
        fixes(
            files,
            "name-surrounding-whitespace",
            Applicability::Safe,
            "manifest.json",
            &text(BASE, "manifest.json"),
        );
        let dir = "fixtures/packages/localized-tab";
        let files = with_text(
            dir,
            "fr-fr.json",
            "\"name.short\": \"Maplewick Horaires\"",
            "\"name.short\": \"Maplewick Horaires  \"",
        );
        fixes(
            files,
            "name-surrounding-whitespace",
            Applicability::Safe,
            "fr-fr.json",
            &text(dir, "fr-fr.json"),
        );
    }

    #[test]
    fn removes_repeated_valid_domains() {
        let files = with_text(
            BASE,
            "manifest.json",
            "\"app.harborlightlabs.net\"]",
            "\"app.harborlightlabs.net\", \"Harborlightlabs.net\",\n    \"app.harborlightlabs.net\"]",
        );
        fixes(
            files,
            "valid-domain-duplicate",
            Applicability::Safe,
            "manifest.json",
            &text(BASE, "manifest.json"),
        );
    }

    #[test]
    fn https_fixes_are_unsafe() {
        let files = with_text(
            BASE,
            "manifest.json",
            "\"https://harborlightlabs.net/legal/privacy\"",
            "\"http://harborlightlabs.net/legal/privacy\"",
        );
        fixes(
            files,
            "developer-url-not-https",
            Applicability::Unsafe,
            "manifest.json",
            &text(BASE, "manifest.json"),
        );
        let dir = "fixtures/packages/tab-personal";
        let files = with_text(
            dir,
            "manifest.json",
            "\"https://app.quillstone.app/tabs/timeline/configure\"",
            "\"HTTP://app.quillstone.app/tabs/timeline/configure\"",
        );
        // `HTTP://` becomes `https://`: the fixture as it was.
        let expected = text(dir, "manifest.json");
        fixes(
            files,
            "tab-url-not-https",
            Applicability::Unsafe,
            "manifest.json",
            &expected,
        );
    }

    #[test]
    fn a_placeholder_filled_from_the_environment_is_never_overwritten() {
        // The text holds `${{APP_VERSION}}`; the value the rule saw is "1.4": no fix.
        let files = with_text(
            BASE,
            "manifest.json",
            "\"version\": \"1.0.0\"",
            "\"version\": \"${{APP_VERSION}}\"",
        );
        let mut options = Options::default();
        let env = crate::env::Env::from_vars(
            [("APP_VERSION".to_string(), "1.4".to_string())],
            "env/.env.dev",
        );
        options.env = Some(std::sync::Arc::new(env));
        let fixed = fix_files("pkg", files, &options, true);
        assert_eq!(hits(&fixed.report, "manifest-version-not-semver"), 1);
        assert!(fixed.changed.is_empty());
    }

    #[test]
    fn overlapping_edits_wait_for_the_next_round() {
        use crate::finding::{Edit, Fix};
        let mut files = BTreeMap::from([("a".to_string(), b"abcdef".to_vec())]);
        let f = |range: Range<usize>, to: &str| {
            Finding::new("r", "a", "", "m").fix(Fix::safe("t", vec![Edit::new("a", range, to)]))
        };
        let findings = vec![f(1..3, "X"), f(2..4, "Y"), f(4..4, "Z"), f(5..9, "W")];
        assert_eq!(apply(&mut files, &findings, false), 2);
        assert_eq!(files["a"], b"aXdZef");
    }
}
