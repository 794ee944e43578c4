//! Human output, compact as a compiler's: per finding a header line
//! `path:line:col: severity[rule]: message` (the location clickable in terminals and editors),
//! the source line with a caret under the span and its label (one drawing per source line, with
//! the labels of every finding on it), then `= help:`, `= fix:` and `= policy:` lines; a blank
//! line between files, then a one-line verdict per package and a total.
//!
//! What repeats without informing is left out: a help text already shown for the package, a
//! rule's policies after their first citation in the run (`--verbose` shows both every time),
//! context lines and frames. Prose wraps to the terminal's width when there is one; a pipe or a
//! file gets one line per item, as compilers print, for grep and soft-wrapping viewers.

use super::{PackageReport, Report, Verdict};
use crate::finding::{Applicability, Finding, Severity};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// How to draw the report.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    /// Width to wrap prose and cut source lines to (the terminal's); `None`: no wrapping (a pipe
    /// or a file), source lines cut at [`UNWRAPPED_SOURCE_WIDTH`] columns.
    pub width: Option<usize>,
    /// Cite every finding's policies and repeat every help text (`--verbose`); otherwise a
    /// rule's policies once per run and a help text once per package.
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
            width: None,
            verbose: false,
            show_suppressed: false,
        }
    }
}

/// Columns of a source line shown (gutter included) when the output has no width.
pub const UNWRAPPED_SOURCE_WIDTH: usize = 120;

/// Largest file text shown as a snippet.
const MAX_SNIPPET_SOURCE: usize = 4 * 1024 * 1024;

/// Narrowest width honoured (a narrower terminal gets this and wraps itself).
const MIN_WIDTH: usize = 40;

/// Tab stops in shown source lines.
const TAB: usize = 4;

// ---- colour ------------------------------------------------------------------------------

const BOLD: &str = "1";
const GUTTER: &str = "1;34";

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

fn paint(style: Style, code: &str, text: &str) -> String {
    if style.color && !code.is_empty() && !text.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

// ---- text --------------------------------------------------------------------------------

/// Longest text (message, help, label, path) printed whole, in characters; a longer one (a
/// message quoting a hostile 900 000-character value) is cut with `…`.
const MAX_PROSE: usize = 2000;

/// Text from the report as one printable line: control characters (a terminal escape, a line
/// break inside a message) and bidirectional overrides become U+FFFD, tabs spaces; cut after
/// [`MAX_PROSE`] characters.
fn printable(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_PROSE)
        .map(|c| match c {
            '\t' | '\n' => ' ',
            c if unsafe_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect();
    if text.chars().nth(MAX_PROSE).is_some() {
        out.push('…');
    }
    out
}

fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn width_of(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A piece of text to lay out, its colour, and whether it may break at its spaces.
type Piece<'a> = (&'a str, &'a str, bool);

/// Lays out coloured pieces, separated by a space: on one line without a width, else greedily
/// within `width`, the lines after the first starting with `indent`. A word, or a piece that may
/// not break (a path, which may hold spaces), is never broken, even past the width.
fn wrap(style: Style, pieces: &[Piece<'_>], indent: &str, first_used: usize) -> String {
    let mut out = String::new();
    let mut used = first_used;
    let mut line_empty = true;
    for &(text, code, breaks) in pieces {
        let words: Vec<&str> = if breaks {
            text.split(' ').filter(|w| !w.is_empty()).collect()
        } else {
            vec![text]
        };
        for word in words {
            let w = width_of(word);
            if !line_empty {
                if style
                    .width
                    .is_some_and(|max| used + 1 + w > max.max(MIN_WIDTH))
                {
                    out.push('\n');
                    out.push_str(indent);
                    used = width_of(indent);
                } else {
                    out.push(' ');
                    used += 1;
                }
            }
            out.push_str(&paint(style, code, word));
            used += w;
            line_empty = false;
        }
    }
    out
}

// ---- source lines ------------------------------------------------------------------------

/// Byte offsets where the lines of a text start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

/// The nearest char boundary at or before `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A finding's span placed on its source line: the line's number (1-based) and byte range, and
/// the span within that line.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    number: usize,
    line: Range<usize>,
    span: Range<usize>,
}

fn place(text: &str, starts: &[usize], span: &Range<usize>) -> Option<Placed> {
    if span.start > text.len() {
        return None;
    }
    let start = floor_boundary(text, span.start);
    let index = starts.partition_point(|&s| s <= start).checked_sub(1)?;
    let line_start = *starts.get(index)?;
    let mut line_end = starts
        .get(index + 1)
        .map_or(text.len(), |next| next.saturating_sub(1));
    if text.as_bytes().get(line_end.wrapping_sub(1)) == Some(&b'\r') && line_end > line_start {
        line_end -= 1;
    }
    let end = floor_boundary(text, span.end.max(start)).clamp(start, line_end.max(start));
    Some(Placed {
        number: index + 1,
        line: line_start..line_end,
        span: start..end,
    })
}

/// Walks a source line character by character: `f(byte, column, shown, width)`, where `shown`
/// is the character printed (a space for a tab, U+FFFD for a control character); returns the
/// line's width. Nothing is stored per character (a minified file is one long line).
fn walk(line: &str, mut f: impl FnMut(usize, usize, char, usize)) -> usize {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        let (ch, width) = match c {
            '\t' => (' ', TAB - col % TAB),
            c if unsafe_char(c) => ('\u{FFFD}', 1),
            c => (c, c.width().unwrap_or(0)),
        };
        f(i, col, ch, width);
        col += width;
    }
    col
}

/// A label to draw under the line: the byte span (in the file) and its text and colour.
struct Mark {
    span: Range<usize>,
    text: String,
    code: &'static str,
}

/// Line `number` of `text` (its byte range `line`) after a numbered gutter, cut to `avail`
/// columns around the first mark (`…` where cut), then one caret line per mark with its label.
fn draw_line(
    style: Style,
    text: &str,
    line: &Range<usize>,
    number: usize,
    marks: &[Mark],
    avail: usize,
) -> String {
    let Some(source) = text.get(line.clone()) else {
        return String::new();
    };
    let source = source.trim_end();
    // The column of every mark's ends (of the first character at or after them), in one pass.
    let mut bounds: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.span.start, m.span.end])
        .map(|b| b.saturating_sub(line.start))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut bound_cols = Vec::with_capacity(bounds.len());
    let total = walk(source, |byte, col, _, _| {
        while bound_cols.len() < bounds.len() && bounds[bound_cols.len()] <= byte {
            bound_cols.push(col);
        }
    });
    bound_cols.resize(bounds.len(), total);
    let col_of = |byte: usize| {
        let i = bounds.partition_point(|&b| b < byte.saturating_sub(line.start));
        bound_cols.get(i).copied().unwrap_or(total)
    };
    let cols: Vec<Range<usize>> = marks
        .iter()
        .map(|m| {
            let s = col_of(m.span.start);
            let e = col_of(m.span.end).max(s + 1);
            s..e
        })
        .collect();
    // The window of columns shown: the whole line, or a cut keeping the first mark's start.
    let avail = avail.max(20);
    let (left, right) = if total <= avail {
        (0, total)
    } else {
        let first = cols.first().map_or(0, |c| c.start);
        let left = first
            .saturating_sub(avail / 4)
            .min(total.saturating_sub(avail - 2));
        (left, (left + avail - 2).min(total))
    };
    let lead = usize::from(left > 0);
    let mut shown = String::new();
    if left > 0 {
        shown.push('…');
    }
    walk(source, |_, col, ch, width| {
        if col >= left && col + width <= right {
            if ch == ' ' {
                shown.extend(std::iter::repeat_n(' ', width));
            } else {
                shown.push(ch);
            }
        }
    });
    if right < total {
        shown.push('…');
    }
    let digits = number.to_string();
    let blank = " ".repeat(digits.len());
    let mut out = format!(
        "{} {}\n",
        paint(style, GUTTER, &format!(" {digits} |")),
        shown
    );
    for (mark, col) in marks.iter().zip(&cols) {
        let start = col.start.clamp(left, right.max(left));
        let end = col.end.clamp(start, right.max(start)).max(start + 1);
        let pad = " ".repeat(start - left + lead);
        let carets = "^".repeat(end - start);
        let bar = paint(style, GUTTER, &format!(" {blank} |"));
        let label = printable(&mark.text);
        let (pad_w, label_w) = (start - left + lead, width_of(&label));
        if label.is_empty() {
            out.push_str(&format!(
                "{bar} {pad}{}\n",
                paint(style, mark.code, &carets)
            ));
        } else if style.width.is_none() || pad_w + carets.len() + 1 + label_w <= avail {
            let text = format!("{carets} {label}");
            out.push_str(&format!("{bar} {pad}{}\n", paint(style, mark.code, &text)));
        } else {
            // Too wide for the terminal: the label goes under the carets, as far left as needed.
            let under = " ".repeat(pad_w.min(avail.saturating_sub(label_w)));
            out.push_str(&format!(
                "{bar} {pad}{}\n",
                paint(style, mark.code, &carets)
            ));
            out.push_str(&format!(
                "{bar} {under}{}\n",
                paint(style, mark.code, &label)
            ));
        }
    }
    out
}

// ---- findings ----------------------------------------------------------------------------

/// Where a finding is drawn from: its file's text and the line index.
struct Sources<'a> {
    pkg: &'a PackageReport,
    starts: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Sources<'a> {
    fn new(pkg: &'a PackageReport) -> Self {
        Sources {
            pkg,
            starts: BTreeMap::new(),
        }
    }

    /// The text of a finding's file and where its span sits, when it can be drawn.
    fn place(&mut self, f: &'a Finding) -> Option<(&'a str, Placed)> {
        let span = f.span.as_ref()?;
        let text = self.pkg.sources.get(&f.file)?;
        if text.len() > MAX_SNIPPET_SOURCE {
            return None;
        }
        let starts = self
            .starts
            .entry(f.file.as_str())
            .or_insert_with(|| line_starts(text));
        place(text, starts, span).map(|p| (text.as_str(), p))
    }
}

fn label_of(f: &Finding) -> String {
    f.label.clone().unwrap_or_else(|| {
        if f.pointer.is_empty() {
            String::new()
        } else {
            crate::finding::display_path(&f.pointer)
        }
    })
}

fn location(pkg: &PackageReport, f: &Finding) -> String {
    let name = if f.file.is_empty() {
        pkg.input.clone()
    } else {
        pkg.display_files
            .get(&f.file)
            .cloned()
            .unwrap_or_else(|| format!("{}/{}", pkg.input, f.file))
    };
    match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
        (Some(l), None) => format!("{name}:{l}"),
        _ => name,
    }
}

/// What a finding shows beyond its header.
struct Show<'s> {
    /// The source line and the marks to draw under it (its own first).
    snippet: Option<(&'s str, Placed, Vec<Mark>)>,
    /// The number of the finding's source line, drawn or not: the notes align with its gutter.
    line: Option<usize>,
    help: bool,
    cite: bool,
}

fn render_one(pkg: &PackageReport, f: &Finding, style: Style, show: Show<'_>) -> String {
    let mut out = String::new();
    let head = printable(&location(pkg, f)) + ":";
    let tag = format!("{}[{}]:", f.severity, printable(&f.rule));
    let message = printable(&f.message);
    out.push_str(&wrap(
        style,
        &[
            (head.as_str(), BOLD, false),
            (tag.as_str(), severity_code(f.severity), false),
            (message.as_str(), "", true),
        ],
        "    ",
        0,
    ));
    out.push('\n');
    // The gutter of the source line (drawn here or above), or two spaces without one.
    let gutter = show
        .line
        .map_or("  ".to_string(), |n| " ".repeat(n.to_string().len() + 2));
    if let Some((text, placed, marks)) = &show.snippet {
        let digits = placed.number.to_string().len();
        let avail = style
            .width
            .unwrap_or(UNWRAPPED_SOURCE_WIDTH)
            .saturating_sub(digits + 4);
        out.push_str(&draw_line(
            style,
            text,
            &placed.line,
            placed.number,
            marks,
            avail,
        ));
    }
    let mut note = |name: &str, text: &str| {
        let lead = format!("{gutter}= {name}:");
        let indent = " ".repeat(width_of(&lead) + 1);
        let body = printable(text);
        let painted = paint(style, GUTTER, &format!("{gutter}="));
        let key = paint(style, BOLD, &format!("{name}:"));
        out.push_str(&format!(
            "{painted} {key} {}\n",
            wrap(
                style,
                &[(body.as_str(), "", true)],
                &indent,
                width_of(&lead) + 1
            )
        ));
    };
    if show.help && !f.help.is_empty() {
        note("help", &f.help);
    }
    if let Some(fix) = &f.fix {
        let how = match fix.applicability {
            Applicability::Safe => "`appcert check --fix`",
            Applicability::Unsafe => "`appcert check --fix --unsafe-fixes`",
        };
        note("fix", &format!("{} ({how})", fix.title));
    }
    if show.cite && !f.policies.is_empty() {
        note("policy", &f.policies.join("; "));
    }
    if let Some(s) = &f.suppressed {
        note("suppressed", &s.reason);
    }
    out
}

/// Renders one finding of a package, alone: its snippet with its own label, its help and its
/// policies.
pub fn render_finding(pkg: &PackageReport, finding: &Finding, style: Style) -> String {
    let mut sources = Sources::new(pkg);
    let snippet = sources.place(finding).map(|(text, placed)| {
        let own = Mark {
            span: placed.span.clone(),
            text: label_of(finding),
            code: severity_code(finding.severity),
        };
        (text, placed, vec![own])
    });
    render_one(
        pkg,
        finding,
        style,
        Show {
            line: snippet.as_ref().map(|(_, p, _)| p.number),
            snippet,
            help: true,
            cite: true,
        },
    )
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
    let line = printable(&format!(
        "{mark} {}{app}: {word}, {}",
        pkg.input,
        parts.join(", ")
    ));
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
fn render_package_cited(pkg: &PackageReport, style: Style, cited: &mut BTreeSet<String>) -> String {
    let mut out = String::new();
    let shown: Vec<&Finding> = pkg
        .findings
        .iter()
        .filter(|f| style.show_suppressed || f.suppressed.is_none())
        .collect();
    let mut sources = Sources::new(pkg);
    let placed: Vec<Option<(&str, Placed)>> = shown.iter().map(|f| sources.place(f)).collect();
    let line_key = |i: usize| {
        placed[i]
            .as_ref()
            .map(|(_, p)| (shown[i].file.as_str(), p.number))
    };
    // The findings of every drawn source line, in order.
    let mut on_line: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for i in 0..shown.len() {
        if let Some(key) = line_key(i) {
            on_line.entry(key).or_default().push(i);
        }
    }
    let mut drawn: HashSet<(&str, usize)> = HashSet::new();
    let mut helped: HashSet<&str> = HashSet::new();
    for (i, f) in shown.iter().enumerate() {
        if i > 0 && shown[i - 1].file != f.file {
            out.push('\n');
        }
        // The first finding of a source line draws it, with the labels of the others on it.
        let snippet = match (&placed[i], line_key(i)) {
            (Some((text, p)), Some(key)) if drawn.insert(key) => {
                let mut marks = vec![Mark {
                    span: p.span.clone(),
                    text: label_of(f),
                    code: severity_code(f.severity),
                }];
                for &j in on_line.get(&key).into_iter().flatten().filter(|&&j| j > i) {
                    let (g, Some((_, q))) = (shown[j], &placed[j]) else {
                        continue;
                    };
                    let label = label_of(g);
                    marks.push(Mark {
                        span: q.span.clone(),
                        text: if label.is_empty() {
                            g.rule.clone()
                        } else {
                            format!("{label} ({})", g.rule)
                        },
                        code: severity_code(g.severity),
                    });
                }
                Some((*text, p.clone(), marks))
            }
            _ => None,
        };
        let show = Show {
            snippet,
            line: placed[i].as_ref().map(|(_, p)| p.number),
            help: style.verbose || helped.insert(f.help.as_str()),
            cite: style.verbose || cited.insert(f.rule.clone()),
        };
        out.push_str(&render_one(pkg, f, style, show));
    }
    if !shown.is_empty() {
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
    let mut cited = BTreeSet::new();
    for (i, pkg) in report.packages.iter().enumerate() {
        let has_findings = pkg
            .findings
            .iter()
            .any(|f| style.show_suppressed || f.suppressed.is_none());
        if i > 0 && has_findings {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::AppInfo;

    /// A finding at `needle` (its first occurrence) in `text`, located as the engine does.
    fn at(rule: &str, file: &str, text: &str, needle: &str, message: &str) -> Finding {
        let start = text.find(needle).unwrap_or(text.len());
        let line = text[..start].matches('\n').count() + 1;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        let mut f = Finding::new(rule, file, "/name/short", message)
            .help(format!("Fix {rule}."))
            .policies([format!("Policy of {rule}")])
            .at_span(start..start + needle.len());
        f.line = Some(line);
        f.column = Some(column);
        f
    }

    fn package(findings: Vec<Finding>, sources: &[(&str, &str)]) -> PackageReport {
        let mut p = PackageReport::new("app.zip".into(), AppInfo::default(), findings);
        for (file, text) in sources {
            p.sources.insert(file.to_string(), text.to_string());
            p.display_files
                .insert(file.to_string(), format!("app.zip/{file}"));
        }
        p
    }

    const MANIFEST: &str = "{\n  \"name\": {\n    \"short\": \"Teams Beta\"\n  }\n}\n";

    #[test]
    fn a_finding_is_a_header_its_line_a_caret_and_its_notes() {
        let f = at(
            "name-beta",
            "manifest.json",
            MANIFEST,
            "\"Teams Beta\"",
            "`name.short` says Beta",
        )
        .label("pre-production word");
        let report = Report::new(
            "store",
            vec![package(vec![f], &[("manifest.json", MANIFEST)])],
        );
        assert_eq!(
            render(&report, Style::plain()),
            "app.zip/manifest.json:3:14: error[name-beta]: `name.short` says Beta\n \
             3 |     \"short\": \"Teams Beta\"\n   \
               |              ^^^^^^^^^^^^ pre-production word\n   \
               = help: Fix name-beta.\n   \
               = policy: Policy of name-beta\n\
             \n\
             ✗ app.zip: fail, 1 error, 0 warnings, 0 infos\n"
        );
    }

    #[test]
    fn a_line_is_drawn_once_with_every_label_and_a_help_once_per_package() {
        let a = at("rule-a", "manifest.json", MANIFEST, "\"Teams Beta\"", "a").label("one");
        let b = at("rule-b", "manifest.json", MANIFEST, "Beta", "b")
            .label("two")
            .help("Fix rule-a.");
        let c = Finding::new("rule-c", "", "", "the package").help("Rebuild it.");
        let p = package(vec![a, b, c], &[("manifest.json", MANIFEST)]);
        let text = render_package(&p, Style::plain());
        assert_eq!(
            text,
            "app.zip/manifest.json:3:14: error[rule-a]: a\n \
             3 |     \"short\": \"Teams Beta\"\n   \
               |              ^^^^^^^^^^^^ one\n   \
               |                     ^^^^ two (rule-b)\n   \
               = help: Fix rule-a.\n   \
               = policy: Policy of rule-a\n\
             app.zip/manifest.json:3:21: error[rule-b]: b\n   \
               = policy: Policy of rule-b\n\
             \n\
             app.zip: error[rule-c]: the package\n  \
               = help: Rebuild it.\n\
             \n\
             ✗ app.zip: fail, 3 errors, 0 warnings, 0 infos\n"
        );
    }

    #[test]
    fn policies_once_per_run_and_verbose_repeats_them_and_the_help() {
        let make = || {
            let f = at("rule-a", "manifest.json", MANIFEST, "Beta", "a");
            package(vec![f.clone(), f], &[("manifest.json", MANIFEST)])
        };
        let report = Report::new("store", vec![make(), make()]);
        let plain = render(&report, Style::plain());
        assert_eq!(
            plain.matches("= policy: Policy of rule-a").count(),
            1,
            "{plain}"
        );
        assert_eq!(plain.matches("= help: Fix rule-a.").count(), 2, "{plain}");
        assert_eq!(plain.matches(" 3 | ").count(), 2, "{plain}");
        let verbose = render(
            &report,
            Style {
                verbose: true,
                ..Style::plain()
            },
        );
        assert_eq!(verbose.matches("= policy: Policy of rule-a").count(), 4);
        assert_eq!(verbose.matches("= help: Fix rule-a.").count(), 4);
    }

    #[test]
    fn suppressed_findings_show_only_when_asked() {
        let mut f = at("rule-a", "manifest.json", MANIFEST, "Beta", "a");
        f.suppressed = Some(crate::finding::Suppressed {
            reason: "known".into(),
        });
        let p = package(vec![f], &[("manifest.json", MANIFEST)]);
        let hidden = render_package(&p, Style::plain());
        assert_eq!(
            hidden,
            "✓ app.zip: pass, 0 errors, 0 warnings, 0 infos, 1 suppressed\n"
        );
        let shown = render_package(
            &p,
            Style {
                show_suppressed: true,
                ..Style::plain()
            },
        );
        assert!(shown.contains("\n   = suppressed: known\n"), "{shown}");
    }

    #[test]
    fn prose_wraps_to_the_terminal_and_long_lines_are_cut_around_the_span() {
        let long = format!(
            "{{\"full\": \"{} Beta {}\"}}\n",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let f = at(
            "rule-a",
            "manifest.json",
            &long,
            "Beta",
            &"a long message that goes on ".repeat(6),
        )
        .label("a label too long for the carets' right");
        let p = package(vec![f], &[("manifest.json", &long)]);
        let style = Style {
            width: Some(60),
            ..Style::plain()
        };
        let text = render_package(&p, style);
        for line in text.lines() {
            assert!(width_of(line) <= 60, "{line:?} in\n{text}");
        }
        let source = text
            .lines()
            .find(|l| l.starts_with(" 1 | "))
            .expect("source line");
        assert!(
            source.starts_with(" 1 | …") && source.ends_with('…'),
            "{source}"
        );
        // The caret is under `Beta`.
        let caret = text.lines().find(|l| l.contains('^')).expect("carets");
        let at = source.find("Beta").expect("Beta in the window");
        assert_eq!(
            width_of(&source[..at]),
            width_of(&caret[..caret.find('^').expect("^")])
        );
        // Unwrapped, the header is one line and the source line is cut at 120 columns.
        let plain = render_package(&p, Style::plain());
        assert!(plain.lines().next().is_some_and(|l| l.ends_with("goes on")));
        assert!(plain
            .lines()
            .all(|l| !l.starts_with(" 1 | ") || width_of(l) <= 120));
    }

    #[test]
    fn a_huge_message_is_cut() {
        let f = Finding::new("rule-a", "", "", format!("is \"{}\"", "-".repeat(900_000)));
        let out = render_package(&package(vec![f], &[]), Style::plain());
        let header = out.lines().next().unwrap_or_default();
        assert!(header.ends_with("--…"), "{}", &header[..100]);
        assert_eq!(
            header.chars().count(),
            "app.zip: error[rule-a]: ".len() + MAX_PROSE + 1
        );
    }

    #[test]
    fn a_path_with_spaces_stays_whole() {
        let f = at("rule-a", "my  app/manifest.json", MANIFEST, "Beta", "a");
        let p = package(vec![f], &[("my  app/manifest.json", MANIFEST)]);
        for width in [None, Some(40)] {
            let style = Style {
                width,
                ..Style::plain()
            };
            let out = render_package(&p, style);
            assert!(
                out.starts_with("app.zip/my  app/manifest.json:3:21:"),
                "{out}"
            );
            assert!(out.contains("error[rule-a]: a\n"), "{out}");
        }
    }

    #[test]
    fn carets_line_up_under_wide_characters_and_tabs() {
        let text = "{\n\t\"name\": \"漢字 é 👍 x\"\n}\n";
        let f = at("rule-a", "manifest.json", text, "x\"", "a").label("here");
        let p = package(vec![f], &[("manifest.json", text)]);
        let out = render_package(&p, Style::plain());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], " 2 |     \"name\": \"漢字 é 👍 x\"");
        let x = width_of(&lines[1][..lines[1].find("x\"").expect("x")]);
        assert_eq!(lines[2].find('^'), Some(x), "{out}");
        assert!(lines[2].ends_with("^^ here"), "{out}");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "{\"name\": \"a\u{1b}[31mb\u{202e}c\"}\r\n";
        let mut f = at(
            "rule-a",
            "manifest.json",
            text,
            "a\u{1b}",
            "bad \u{1b}]8;;x\u{7}name\nhere",
        );
        f.help = "help \u{1b}[2J".into();
        let p = package(vec![f], &[("manifest.json", text)]);
        for color in [false, true] {
            let out = render_package(
                &p,
                Style {
                    color,
                    ..Style::plain()
                },
            );
            let escapes = out.matches('\u{1b}').count();
            let painted = out.matches("\u{1b}[0m").count();
            assert_eq!(escapes, 2 * painted, "{out:?}");
            assert!(!out.contains('\u{202e}') && !out.contains('\r') && !out.contains('\u{7}'));
            assert_eq!(out.lines().count(), 7, "{out}");
        }
    }

    /// Spans past the end, inside a character, across lines or empty; CRLF; a 100 000
    /// character line; no line number; a file without its text: no panic at any width.
    #[test]
    fn odd_spans_and_texts_render_without_panic() {
        let long = format!("{{\"a\": \"{}\"}}", "é".repeat(100_000));
        let texts = [
            "",
            "{}",
            "{\r\n  \"a\": 1\r\n}\r\n",
            "\n\n\n",
            "漢字漢字\n\t\t\tx",
            long.as_str(),
        ];
        let spans = [
            0..0,
            0..1,
            1..2,
            2..3,
            3..100,
            Range { start: 5, end: 4 },
            99..200,
            200_000..200_010,
            usize::MAX - 1..usize::MAX,
        ];
        for text in texts {
            let mut findings = Vec::new();
            for span in &spans {
                let mut f = Finding::new("rule-a", "f.json", "/a", "m").help("h");
                f.span = Some(span.clone());
                f.line = Some(1);
                f.column = Some(1);
                findings.push(f);
                let mut f = Finding::new("rule-b", "f.json", "", "m");
                f.span = Some(span.clone());
                findings.push(f);
                let mut f = Finding::new("rule-c", "missing.json", "/a", "m");
                f.span = Some(span.clone());
                findings.push(f);
            }
            let p = package(findings, &[("f.json", text)]);
            for width in [None, Some(0), Some(1), Some(30), Some(80), Some(500)] {
                for color in [false, true] {
                    let style = Style {
                        color,
                        width,
                        ..Style::plain()
                    };
                    let out = render(&Report::new("store", vec![p.clone()]), style);
                    if !color {
                        assert!(out.contains("f.json:1:1: error[rule-a]: m"), "{out}");
                        assert!(out.contains("app.zip/missing.json: error[rule-c]: m"));
                    }
                    for f in &p.findings {
                        let _ = render_finding(&p, f, style);
                    }
                }
            }
        }
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]
            #[test]
            fn any_text_and_span_render_within_the_width(
                text in "(\\PC|[\t\r\n\u{1b}])*",
                start in 0usize..80,
                len in 0usize..40,
                width in 40usize..120,
            ) {
                let mut f = Finding::new("rule-a", "f.json", "/a", "m").label("label");
                f.span = Some(start..start + len);
                f.line = Some(1);
                f.column = Some(1);
                let p = package(vec![f], &[("f.json", text.as_str())]);
                let style = Style { width: Some(width), ..Style::plain() };
                let out = render_package(&p, style);
                for line in out.lines().filter(|l| l.contains(" | ")) {
                    prop_assert!(width_of(line) <= width, "{:?}", line);
                }
                let clean = !out.contains(['\u{1b}', '\r']);
                prop_assert!(clean);
            }
        }
    }
}
