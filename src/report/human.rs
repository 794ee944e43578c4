//! Human output: miette graphical reports with the source snippet and a label at the exact
//! span, then a one-line verdict per package and a total.

use super::{PackageReport, Report, Verdict};
use crate::finding::{Finding, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;

/// How to draw the report.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    /// Terminal width for wrapping.
    pub width: usize,
    /// Cite every finding's policies in full (`--verbose`); otherwise once per rule per run.
    pub verbose: bool,
    /// Show suppressed findings (`--show-suppressed`).
    pub show_suppressed: bool,
}

impl Style {
    /// The fixed, colourless style used in tests and when output is not a terminal.
    pub fn plain() -> Style {
        Style {
            color: false,
            unicode: true,
            width: 100,
            verbose: false,
            show_suppressed: false,
        }
    }
}

/// Largest file text shown as a snippet.
const MAX_SNIPPET_SOURCE: usize = 4 * 1024 * 1024;

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: Option<NamedSource<String>>,
    /// Cite the policies (the first finding of a rule in the run, or `--verbose`).
    cite: bool,
    /// Labels of the other findings on the same source line, drawn on this snippet.
    others: Vec<LabeledSpan>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.finding.rule, self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let f = self.finding;
        let mut text = f.help.clone();
        if let Some(fix) = &f.fix {
            if !text.is_empty() {
                text.push('\n');
            }
            let how = match fix.applicability {
                crate::finding::Applicability::Safe => "`appcert check --fix`",
                crate::finding::Applicability::Unsafe => "`appcert check --fix --unsafe-fixes`",
            };
            text.push_str(&format!("fix: {} ({how})", fix.title));
        }
        if self.cite && !f.policies.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str("policy: ");
            text.push_str(&f.policies.join("; "));
        }
        if let Some(s) = &f.suppressed {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str("suppressed: ");
            text.push_str(&s.reason);
        }
        (!text.is_empty()).then(|| Box::new(text) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let span = self.finding.span.clone()?;
        let label = self.finding.label.clone().or_else(|| {
            (!self.finding.pointer.is_empty())
                .then(|| crate::finding::display_path(&self.finding.pointer))
        });
        let primary =
            LabeledSpan::new_primary_with_span(label, span.start..span.end.max(span.start));
        Some(Box::new(
            std::iter::once(primary).chain(self.others.iter().cloned()),
        ))
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = match (style.color, style.unicode) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme {
            characters: miette::ThemeCharacters::ascii(),
            styles: miette::ThemeStyles::ansi(),
        },
        (false, true) => GraphicalTheme::unicode_nocolor(),
        (false, false) => GraphicalTheme::none(),
    };
    GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_urls(false)
        .with_width(style.width)
        .with_context_lines(1)
}

/// How a finding is drawn: with its snippet (and the labels of the other findings on the same
/// line), or without (its line was drawn with an earlier finding's snippet).
struct Draw {
    cite: bool,
    snippet: bool,
    others: Vec<LabeledSpan>,
}

/// Renders one finding of a package.
pub fn render_finding(pkg: &PackageReport, finding: &Finding, style: Style) -> String {
    render_drawn(
        pkg,
        finding,
        style,
        Draw {
            cite: true,
            snippet: true,
            others: Vec::new(),
        },
    )
}

fn render_drawn(pkg: &PackageReport, finding: &Finding, style: Style, draw: Draw) -> String {
    let name = if finding.file.is_empty() {
        pkg.input.clone()
    } else {
        pkg.display_files
            .get(&finding.file)
            .cloned()
            .unwrap_or_else(|| format!("{}/{}", pkg.input, finding.file))
    };
    let location = match (finding.line, finding.column) {
        (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
        _ => name.clone(),
    };
    let source = match (&finding.span, pkg.sources.get(&finding.file)) {
        (Some(_), Some(text)) if draw.snippet && text.len() <= MAX_SNIPPET_SOURCE => {
            Some(NamedSource::new(name, text.clone()))
        }
        _ => None,
    };
    let has_source = source.is_some();
    let diag = FindingDiagnostic {
        finding,
        source,
        cite: draw.cite,
        others: draw.others,
    };
    let mut out = String::new();
    if handler(style).render_report(&mut out, &diag).is_err() {
        out = format!(
            "{}: {} [{}]\n",
            finding.severity, finding.message, finding.rule
        );
    }
    if !has_source {
        // Without a snippet miette prints no location: add it (and say where the line is shown).
        let shown = if draw.snippet || finding.span.is_none() {
            ""
        } else {
            " (the line is shown above)"
        };
        out = format!("{}\n  at {location}{shown}\n", out.trim_end_matches('\n'));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The one-line verdict of a package.
pub fn verdict_line(pkg: &PackageReport, style: Style) -> String {
    let (mark, word) = match (pkg.verdict, style.unicode) {
        (Verdict::Pass, true) => ("✓", "pass"),
        (Verdict::Fail, true) => ("✗", "fail"),
        (Verdict::Pass, false) => ("ok", "pass"),
        (Verdict::Fail, false) => ("FAIL", "fail"),
    };
    let s = &pkg.summary;
    let suppressed = pkg.findings.iter().filter(|f| !f.counts()).count();
    let mut parts = vec![
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
    ];
    if suppressed > 0 {
        parts.push(format!("{suppressed} suppressed"));
    }
    let app = match (&pkg.app.name, &pkg.app.version) {
        (Some(n), Some(v)) => format!(" ({n} {v})"),
        (Some(n), None) => format!(" ({n})"),
        _ => String::new(),
    };
    let line = format!("{mark} {}{app}: {word}, {}", pkg.input, parts.join(", "));
    if style.color {
        let code = if pkg.verdict == Verdict::Pass {
            "32"
        } else {
            "31"
        };
        format!("\x1b[1;{code}m{line}\x1b[0m\n")
    } else {
        format!("{line}\n")
    }
}

/// Renders a whole package: its findings then its verdict. `cited` holds the rules whose
/// policies were already cited in the run.
fn render_package_cited(
    pkg: &PackageReport,
    style: Style,
    cited: &mut std::collections::BTreeSet<String>,
) -> String {
    let mut out = String::new();
    let shown: Vec<&Finding> = pkg
        .findings
        .iter()
        .filter(|f| style.show_suppressed || f.suppressed.is_none())
        .collect();
    fn line_of(f: &Finding) -> Option<(&str, usize)> {
        f.span.as_ref().and(f.line).map(|l| (f.file.as_str(), l))
    }
    let mut drawn_lines = std::collections::BTreeSet::new();
    for (i, f) in shown.iter().enumerate() {
        let cite = style.verbose || cited.insert(f.rule.clone());
        let line = line_of(f);
        let snippet = line.is_none_or(|l| drawn_lines.insert(l));
        // The first finding of a line draws it with the labels of the others on that line.
        let others = match (snippet, line) {
            (true, Some(l)) => shown[i + 1..]
                .iter()
                .filter(|g| line_of(g) == Some(l))
                .filter_map(|g| {
                    let span = g.span.clone()?;
                    let label = g.label.clone().unwrap_or_else(|| g.rule.clone());
                    Some(LabeledSpan::new_with_span(
                        Some(format!("{label} ({})", g.rule)),
                        span.start..span.end.max(span.start),
                    ))
                })
                .collect(),
            _ => Vec::new(),
        };
        out.push_str(&render_drawn(
            pkg,
            f,
            style,
            Draw {
                cite,
                snippet,
                others,
            },
        ));
        out.push('\n');
    }
    out.push_str(&verdict_line(pkg, style));
    out
}

/// Renders a whole package: its findings then its verdict.
pub fn render_package(pkg: &PackageReport, style: Style) -> String {
    render_package_cited(pkg, style, &mut Default::default())
}

/// Renders the whole run.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let mut cited = std::collections::BTreeSet::new();
    for (i, pkg) in report.packages.iter().enumerate() {
        if i > 0 && !pkg.findings.is_empty() {
            out.push('\n');
        }
        out.push_str(&render_package_cited(pkg, style, &mut cited));
    }
    let infos = report.packages.iter().any(|p| {
        p.findings.iter().any(|f| {
            f.severity == Severity::Info && (style.show_suppressed || f.suppressed.is_none())
        })
    });
    if infos {
        out.push_str(if style.unicode {
            "\n☞ info: advice; it does not fail the package.\n"
        } else {
            "\ninfo: advice; it does not fail the package.\n"
        });
    }
    if report.packages.len() > 1 {
        let s = &report.summary;
        out.push_str(&format!(
            "\nChecked {}: {} passed, {} failed.\n",
            plural(s.packages, "package"),
            s.passed,
            s.failed
        ));
    }
    out
}
