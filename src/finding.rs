//! The one data model every renderer adapts: a [`Finding`] says which rule fired, how badly,
//! where (file + JSON pointer, resolved to line and column by the engine) and how to fix it.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How much a finding matters. `Error` fails the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which part of the value at the pointer a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    /// The value itself (the usual case).
    #[default]
    Value,
    /// The key of an object member (an unexpected property).
    Key,
}

/// Why a finding does not count toward the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub reason: String,
}

/// One problem found in one package.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id.
    pub rule: String,
    pub severity: Severity,
    /// Path of the file inside the package; empty for the package as a whole.
    pub file: String,
    /// RFC 6901 JSON pointer into `file`; empty for the whole file or package.
    pub pointer: String,
    /// 1-based line of the offending text, when the file is text and the location is known.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the offending text.
    pub column: Option<usize>,
    pub message: String,
    pub help: String,
    /// Guideline or policy sections that demand this; empty for pure schema rules.
    pub policies: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
    /// Byte span in the file's text (after any BOM), resolved by the engine.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// Label shown at the span in human output.
    #[serde(skip)]
    pub label: Option<String>,
    #[serde(skip)]
    pub anchor: Anchor,
    /// Set when the finding carries its own line/column (e.g. a JSON syntax error),
    /// so the engine must not re-resolve it from the pointer.
    #[serde(skip)]
    pub located: bool,
    /// The text under the span is a credential: every renderer must mask it.
    #[serde(skip)]
    pub secret: bool,
    /// The mechanical fix, when the finding has exactly one (`--fix`, the editor's quick fix).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// Whether applying a fix keeps the package's meaning (`--fix`) or changes it
/// (`--fix --unsafe-fixes`), as in ruff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Formatting or a value that means the same: applied by `--fix`.
    Safe,
    /// Changes what the package says (`http://` to `https://`): only with `--unsafe-fixes`.
    Unsafe,
}

/// One replacement of a byte range of a package file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Path of the file inside the package.
    pub file: String,
    /// Byte range of the file's bytes (a byte-order mark included) once the engine resolved
    /// the fix; as a rule reports it, a range of the file's text after any byte-order mark
    /// (like `Finding::span`).
    pub range: Range<usize>,
    pub replacement: String,
}

/// A finding's mechanical fix: a title and the edits that make the finding go away, keeping
/// the rest of every file byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// What the fix does, in a few words ("Remove the byte-order mark").
    pub title: String,
    pub edits: Vec<Edit>,
    /// The edits' ranges are of the file's bytes (set by the engine, or by a fix made on the
    /// raw bytes such as removing the byte-order mark).
    #[serde(skip)]
    pub(crate) raw: bool,
}

impl Fix {
    /// A fix that keeps the meaning; `edits` are ranges of the text after any byte-order mark.
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            title: title.into(),
            edits,
            raw: false,
        }
    }

    /// A fix that changes the meaning; `edits` are ranges of the text after any byte-order mark.
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            ..Fix::safe(title, edits)
        }
    }

    /// A fix whose edits are ranges of the file's bytes (the byte-order mark itself).
    pub(crate) fn on_bytes(mut self) -> Fix {
        self.raw = true;
        self
    }

    /// Whether the fix may be applied when unsafe fixes are (not) wanted.
    pub fn applies(&self, unsafe_fixes: bool) -> bool {
        self.applicability == Applicability::Safe || unsafe_fixes
    }
}

impl Edit {
    pub fn new(
        file: impl Into<String>,
        range: Range<usize>,
        replacement: impl Into<String>,
    ) -> Edit {
        Edit {
            file: file.into(),
            range,
            replacement: replacement.into(),
        }
    }
}

impl Finding {
    /// A finding for `rule` at `file` + `pointer`; the engine stamps its severity and
    /// policies from the rule file and resolves its location.
    pub fn new(
        rule: impl Into<String>,
        file: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule: rule.into(),
            // Stamped by the engine from the rule file (× profile × configuration).
            severity: Severity::Error,
            file: file.into(),
            pointer: pointer.into(),
            line: None,
            column: None,
            message: message.into(),
            help: String::new(),
            policies: Vec::new(),
            suppressed: None,
            span: None,
            label: None,
            anchor: Anchor::Value,
            located: false,
            secret: false,
            fix: None,
        }
    }

    /// A finding at `file` + `pointer` reported by a rule through its `Out`, which
    /// stamps the rule id; the engine stamps severity and policies from the rule file.
    pub fn at(
        file: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding::new("", file, pointer, message)
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn at_key(mut self) -> Self {
        self.anchor = Anchor::Key;
        self
    }

    pub fn policies<I, S>(mut self, policies: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.policies = policies.into_iter().map(Into::into).collect();
        self
    }

    /// Pins the finding to a byte span already known (e.g. from a parser error).
    pub fn at_span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self.located = true;
        self
    }

    /// Marks the text under the span as a credential, masked in every snippet.
    pub fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    /// Attaches the finding's mechanical fix.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Attaches a fix when there is one.
    pub fn maybe_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// About the file as a whole (its bytes, its entry in the zip): no line or column.
    pub fn whole_file(mut self) -> Self {
        self.span = None;
        self.located = true;
        self
    }

    /// Whether this finding counts toward the verdict and the summary counts.
    pub fn counts(&self) -> bool {
        self.suppressed.is_none()
    }
}

/// Renders a JSON pointer the way a developer reads a manifest path:
/// `/bots/0/commandLists/1/title` → `bots[0].commandLists[1].title`.
pub fn display_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return "(root)".to_string();
    }
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let is_index = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
        if is_index {
            out.push('[');
            out.push_str(&token);
            out.push(']');
        } else {
            let plain = !token.is_empty()
                && token
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '@' || c == '-');
            if plain {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&token);
            } else {
                out.push_str("[\"");
                out.push_str(&token.replace('\\', "\\\\").replace('"', "\\\""));
                out.push_str("\"]");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_path_reads_like_code() {
        assert_eq!(display_path(""), "(root)");
        assert_eq!(display_path("/name/short"), "name.short");
        assert_eq!(display_path("/bots/0/scopes"), "bots[0].scopes");
        assert_eq!(display_path("/a~1b"), "[\"a/b\"]");
        assert_eq!(display_path("/x/name.short"), "x[\"name.short\"]");
        assert_eq!(display_path("/$schema"), "$schema");
    }

    #[test]
    fn severity_orders_error_highest() {
        assert!(Severity::Error > Severity::Warning);
        assert!(Severity::Warning > Severity::Info);
    }
}
