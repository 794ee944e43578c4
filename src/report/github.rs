//! `--format github`: GitHub Actions workflow commands, so that findings become annotations on
//! the lines of a pull request.
//!
//! `::error file=PATH,line=L,col=C,title=RULE::MESSAGE` per finding (warning → `::warning`,
//! info → `::notice`); PATH is relative to the working directory (forward slashes). For a zip
//! package PATH is the zip itself, without line and column (they are lines of the entry, not of
//! the zip), and the message starts with the entry and its position. The help follows the
//! message on its own lines. Suppressed findings are left out. Each package ends with a plain
//! verdict line (shown in the log, not as an annotation).
//!
//! Escaping follows the runner: in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in
//! properties `:` and `,` also become `%3A` and `%2C`.

use super::sarif::PackagePath;
use super::{Report, Verdict};
use crate::finding::{Finding, Severity};
use std::path::Path;

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn annotation(pkg: &PackagePath, f: &Finding) -> String {
    let mut props = vec![format!("file={}", escape_property(&pkg.file(&f.file)))];
    let mut message = f.message.clone();
    if pkg.zip && !f.file.is_empty() {
        let mut at = f.file.clone();
        if let Some(line) = f.line {
            at.push_str(&format!(":{line}"));
            if let Some(col) = f.column {
                at.push_str(&format!(":{col}"));
            }
        }
        message = format!("{at}: {message}");
    } else if let Some(line) = f.line {
        props.push(format!("line={line}"));
        if let Some(col) = f.column {
            props.push(format!("col={col}"));
        }
    }
    props.push(format!("title={}", escape_property(&f.rule)));
    if !f.help.is_empty() {
        message.push_str("\n\n");
        message.push_str(&f.help);
    }
    format!(
        "::{} {}::{}\n",
        command(f.severity),
        props.join(","),
        escape_data(&message)
    )
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Renders the report as workflow commands; paths are made relative to `cwd`.
pub fn render(report: &Report, cwd: &Path) -> String {
    let mut out = String::new();
    for p in &report.packages {
        let pkg = PackagePath::of(&p.input, p.is_folder, cwd);
        for f in p.findings.iter().filter(|f| f.counts()) {
            out.push_str(&annotation(&pkg, f));
        }
        let suppressed = p.findings.iter().filter(|f| !f.counts()).count();
        out.push_str(&format!(
            "appcert: {}: {}, {}, {}, {}{}\n",
            p.input,
            match p.verdict {
                Verdict::Pass => "pass",
                Verdict::Fail => "fail",
            },
            count(p.summary.errors, "error"),
            count(p.summary.warnings, "warning"),
            count(p.summary.infos, "info"),
            if suppressed > 0 {
                format!(", {suppressed} suppressed")
            } else {
                String::new()
            }
        ));
    }
    out.push_str(&format!(
        "appcert: {} checked, {} passed, {} failed\n",
        count(report.summary.packages, "package"),
        report.summary.passed,
        report.summary.failed
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(escape_data("100% a\r\nb"), "100%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
