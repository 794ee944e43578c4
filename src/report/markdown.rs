//! `--format markdown`: GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` or a pull-request
//! comment: one summary table with a row per package (verdict and counts), then, for every
//! package with findings, a table of them (severity, rule, location, message).
//!
//! Cells escape `|` (also inside code spans, as GFM tables allow), turn line breaks into
//! `<br>`, and escape `<`, `>` and `&` so that package text cannot inject HTML.

use super::sarif::PackagePath;
use super::{PackageReport, Report, Verdict};
use crate::finding::{display_path, Finding, Severity};
use std::path::Path;

/// Escapes text for a table cell. Backtick code spans in the text stay code spans (their
/// content renders literally, so only `|` and line breaks are escaped there).
pub fn cell(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // Length of the backtick run that opened the current code span.
    let mut open: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            let mut n = 0;
            while i + n < chars.len() && chars[i + n] == '`' {
                n += 1;
            }
            match open {
                Some(m) if m == n => open = None,
                Some(_) => {}
                None if closes(&chars[i + n..], n) => open = Some(n),
                None => {}
            }
            out.extend(std::iter::repeat_n('`', n));
            i += n;
            continue;
        }
        match c {
            '|' => out.push_str("\\|"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            '<' if open.is_none() => out.push_str("&lt;"),
            '>' if open.is_none() => out.push_str("&gt;"),
            '&' if open.is_none() => out.push_str("&amp;"),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether a run of exactly `n` backticks occurs in `rest` (closing a code span).
fn closes(rest: &[char], n: usize) -> bool {
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == '`' {
            let mut m = 0;
            while i + m < rest.len() && rest[i + m] == '`' {
                m += 1;
            }
            if m == n {
                return true;
            }
            i += m;
        } else {
            i += 1;
        }
    }
    false
}

/// A code span for a cell, with a fence longer than any backtick run inside.
fn code(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    let inner: String = s
        .chars()
        .filter(|c| *c != '\r')
        .map(|c| match c {
            '|' => "\\|".to_string(),
            '\n' => " ".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("{fence}{pad}{inner}{pad}{fence}")
}

fn verdict(p: &PackageReport) -> &'static str {
    match p.verdict {
        Verdict::Pass => "✅ pass",
        Verdict::Fail => "❌ fail",
    }
}

fn severity(f: &Finding) -> String {
    let s = match f.severity {
        Severity::Error => "🔴 error",
        Severity::Warning => "🟡 warning",
        Severity::Info => "🔵 info",
    };
    if f.suppressed.is_some() {
        format!("~~{s}~~ suppressed")
    } else {
        s.to_string()
    }
}

fn location(pkg: &PackagePath, f: &Finding) -> String {
    if f.file.is_empty() {
        return "(package)".to_string();
    }
    let mut at = if pkg.zip {
        format!("{}/{}", pkg.file(""), f.file)
    } else {
        pkg.file(&f.file)
    };
    if let Some(line) = f.line {
        at.push_str(&format!(":{line}"));
        if let Some(col) = f.column {
            at.push_str(&format!(":{col}"));
        }
    }
    let mut s = code(&at);
    if !f.pointer.is_empty() {
        s.push_str("<br>");
        s.push_str(&code(&display_path(&f.pointer)));
    }
    s
}

fn app(p: &PackageReport) -> String {
    let name = p.app.name.as_deref().unwrap_or("");
    let version = p.app.version.as_deref().unwrap_or("");
    cell(format!("{name} {version}").trim())
}

/// Renders the report as Markdown; paths are made relative to `cwd`.
pub fn render(report: &Report, cwd: &Path) -> String {
    let s = &report.summary;
    let mut out = format!(
        "## appcert: {} of {} package{} passed\n\n",
        s.passed,
        s.packages,
        if s.packages == 1 { "" } else { "s" }
    );
    out.push_str(&format!(
        "Profile `{}`. {} {} {}.\n\n",
        cell(&report.profile),
        report.tool.name,
        report.tool.version,
        if s.failed == 0 {
            "found nothing that blocks certification".to_string()
        } else {
            format!(
                "found problems that block certification in {} package{}",
                s.failed,
                if s.failed == 1 { "" } else { "s" }
            )
        }
    ));
    out.push_str("| Package | App | Verdict | Errors | Warnings | Infos |\n");
    out.push_str("|---|---|---|---:|---:|---:|\n");
    for p in &report.packages {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            code(&p.input),
            app(p),
            verdict(p),
            p.summary.errors,
            p.summary.warnings,
            p.summary.infos
        ));
    }
    for p in report.packages.iter().filter(|p| !p.findings.is_empty()) {
        let pkg = PackagePath::of(&p.input, p.is_folder, cwd);
        out.push_str(&format!("\n### {} {}\n\n", verdict(p), code(&p.input)));
        out.push_str("| Severity | Rule | Location | Message |\n");
        out.push_str("|---|---|---|---|\n");
        for f in &p.findings {
            let mut message = cell(&f.message);
            if let Some(s) = &f.suppressed {
                message.push_str(&format!("<br>_Suppressed: {}_", cell(&s.reason)));
            }
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                severity(f),
                code(&f.rule),
                location(&pkg, f),
                message
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_breaks_and_html() {
        assert_eq!(cell("a|b\nc<d>&"), "a\\|b<br>c&lt;d&gt;&amp;");
        assert_eq!(cell("`<<X>>` is <b>"), "`<<X>>` is &lt;b&gt;");
        assert_eq!(cell("a ` <b>"), "a ` &lt;b&gt;");
        assert_eq!(code("<x>"), "`<x>`");
        assert_eq!(code("x|y"), "`x\\|y`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }
}
