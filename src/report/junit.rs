//! `--format junit`: JUnit XML for Azure DevOps (`PublishTestResults@2`, `testResultsFormat:
//! JUnit`), GitLab (`artifacts:reports:junit`) and Jenkins.
//!
//! `<testsuites>` holds one `<testsuite>` per package (name = the input), and each suite one
//! `<testcase>` per rule with findings (`name` = rule id, `classname` = rule category), plus one
//! test case `rules-passed` (`classname` = `appcert`) that stands for every other rule the
//! configuration ran and that found nothing, with their count: failures stay visible without
//! padding each suite with a hundred passing cases. A rule with
//! findings that fail the package (errors; warnings too under `--deny warnings`) gets one
//! `<failure>` whose `message` is the first finding's message (with a count when there are
//! several) and whose text lists every failing finding as `file:line:col: message` plus its
//! help. One `<failure>` per test case, not one per finding: Azure DevOps reads only the first
//! and GitLab's parser expects at most one. Findings that do not fail (warnings, infos,
//! suppressed ones) go to the test case's `<system-out>`.

use super::{PackageReport, Report};
use crate::finding::{Finding, Severity};
use crate::rules::registry;
use std::collections::BTreeMap;

/// Escapes text for XML content and attribute values (XML 1.0: characters it cannot hold are
/// replaced by U+FFFD).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes element text: like [`escape`] but keeps line breaks readable.
fn escape_text(s: &str) -> String {
    escape(s)
        .replace("&#10;", "\n")
        .replace("&#13;", "")
        .replace("&#9;", "\t")
}

fn location(pkg: &PackageReport, f: &Finding) -> String {
    let mut at = if f.file.is_empty() {
        pkg.input.clone()
    } else {
        pkg.display_files
            .get(&f.file)
            .cloned()
            .unwrap_or_else(|| f.file.clone())
    };
    if let Some(line) = f.line {
        at.push_str(&format!(":{line}"));
        if let Some(col) = f.column {
            at.push_str(&format!(":{col}"));
        }
    }
    if !f.pointer.is_empty() {
        at.push_str(&format!(" ({})", f.pointer));
    }
    at
}

fn fails(f: &Finding, deny_warnings: bool) -> bool {
    f.counts()
        && (f.severity == Severity::Error || (deny_warnings && f.severity == Severity::Warning))
}

fn testsuite(
    pkg: &PackageReport,
    rules_run: &[String],
    deny_warnings: bool,
) -> (String, usize, usize) {
    let reg = registry();
    // Rule id → category, for every rule evaluated on this package's kind, plus any rule that
    // produced a finding.
    let mut cases: BTreeMap<&str, &str> = reg
        .rules
        .values()
        .filter(|r| rules_run.contains(&r.id) && r.applies_to(pkg.kind))
        .map(|r| (r.id.as_str(), r.category.as_str()))
        .collect();
    for f in &pkg.findings {
        let category = reg.get(&f.rule).map_or("appcert", |r| r.category.as_str());
        cases.entry(f.rule.as_str()).or_insert(category);
    }
    let mut body = String::new();
    let mut failures = 0;
    let mut tests = 0;
    let mut passed = 0;
    for (rule, category) in &cases {
        let found: Vec<&Finding> = pkg.findings.iter().filter(|f| f.rule == *rule).collect();
        let failing: Vec<&&Finding> = found.iter().filter(|f| fails(f, deny_warnings)).collect();
        let other: Vec<&&Finding> = found.iter().filter(|f| !fails(f, deny_warnings)).collect();
        if failing.is_empty() && other.is_empty() {
            passed += 1;
            continue;
        }
        tests += 1;
        body.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\"",
            escape(rule),
            escape(category)
        ));
        body.push_str(">\n");
        if let Some(first) = failing.first() {
            failures += 1;
            let message = if failing.len() == 1 {
                first.message.clone()
            } else {
                format!("{} findings; first: {}", failing.len(), first.message)
            };
            let mut text = String::new();
            for f in &failing {
                text.push_str(&format!(
                    "{} {}: {}\n",
                    f.severity,
                    location(pkg, f),
                    f.message
                ));
                if !f.help.is_empty() {
                    text.push_str(&format!("  help: {}\n", f.help));
                }
            }
            body.push_str(&format!(
                "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                escape(&message),
                first.severity,
                escape_text(&text)
            ));
        }
        if !other.is_empty() {
            let mut text = String::new();
            for f in &other {
                let status = match &f.suppressed {
                    Some(s) => format!(" (suppressed: {})", s.reason),
                    None => String::new(),
                };
                text.push_str(&format!(
                    "{}{status} {}: {}\n",
                    f.severity,
                    location(pkg, f),
                    f.message
                ));
                if !f.help.is_empty() {
                    text.push_str(&format!("  help: {}\n", f.help));
                }
            }
            body.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape_text(&text)
            ));
        }
        body.push_str("    </testcase>\n");
    }
    if passed > 0 {
        tests += 1;
        body.push_str(&format!(
            "    <testcase name=\"rules-passed\" classname=\"appcert\">\n      <system-out>{passed} other rule{} ran and found nothing.</system-out>\n    </testcase>\n",
            if passed == 1 { "" } else { "s" }
        ));
    }
    let head = format!(
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        escape(&pkg.input)
    );
    (format!("{head}{body}  </testsuite>\n"), tests, failures)
}

/// Renders the report as JUnit XML (the report says which rules were evaluated).
pub fn render(report: &Report) -> String {
    let mut suites = String::new();
    let mut tests = 0;
    let mut failures = 0;
    for p in &report.packages {
        let (s, t, f) = testsuite(p, &report.rules_run, report.deny_warnings);
        suites.push_str(&s);
        tests += t;
        failures += f;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"appcert\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{suites}</testsuites>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{1}\n"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}&#10;"
        );
        assert_eq!(escape_text("a\r\nb"), "a\nb");
    }
}
