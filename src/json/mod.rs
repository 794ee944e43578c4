//! JSON text handling: decoding package files, locating values by JSON pointer.

pub mod line_index;
pub mod span;
pub mod tight;

use crate::finding::Finding;
use crate::limits::Limits;
use line_index::LineIndex;
use serde_json::Value;
use span::SpanIndex;

/// A parsed JSON file of the package with everything needed to point into its text, which it
/// borrows from the package's bytes (a big OpenAPI description is not held twice).
#[derive(Debug)]
pub struct JsonDoc<'t> {
    pub file: String,
    /// The text after any UTF-8 byte-order mark; spans are relative to it.
    pub text: &'t str,
    pub value: Value,
    /// The span of every value, built on first use (most documents, and big OpenAPI
    /// descriptions most of all, never need one: the index costs more than the parse).
    spans: std::sync::OnceLock<Option<SpanIndex>>,
    /// The depth limit the index is built under (the prescan already enforced it).
    max_depth: usize,
    /// Where each line starts, built on first use (only located findings need it).
    lines: std::sync::OnceLock<LineIndex>,
}

impl<'t> JsonDoc<'t> {
    /// The document of a parsed text; its span index is built when first asked for.
    pub fn new(file: &str, text: &'t str, value: Value, max_depth: usize) -> JsonDoc<'t> {
        JsonDoc {
            file: file.to_string(),
            text,
            value,
            spans: std::sync::OnceLock::new(),
            max_depth,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// The line index of the text.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }

    /// The span index (`None` if the text cannot be indexed, which a parsed text can).
    pub fn spans(&self) -> Option<&SpanIndex> {
        self.spans
            .get_or_init(|| SpanIndex::build(self.text, self.max_depth).ok())
            .as_ref()
    }

    /// Byte span and 1-based line/column for a pointer (or its nearest existing ancestor).
    /// Containers are narrowed to their opening bracket so labels stay on one line.
    pub fn locate(
        &self,
        pointer: &str,
        key: bool,
    ) -> Option<(std::ops::Range<usize>, usize, usize)> {
        let spans = self.spans()?;
        let (found, s) = spans.nearest(self.text, pointer);
        let exact = found.len() == pointer.len();
        let mut range = match (s.key, key && exact) {
            (Some(k), true) => k,
            _ => s.value,
        };
        let first = self.text.as_bytes().get(range.start).copied();
        if matches!(first, Some(b'{') | Some(b'[')) && !(key && exact) {
            range = range.start..range.start + 1;
        }
        let (line, col) = self.lines().line_col(self.text, range.start);
        Some((range, line, col))
    }

    /// A top-level string property.
    pub fn str_at(&self, pointer: &str) -> Option<&str> {
        self.value.pointer(pointer).and_then(Value::as_str)
    }

    /// The span of the value at `pointer` (exactly there, not an ancestor's).
    pub fn value_span(&self, pointer: &str) -> Option<std::ops::Range<usize>> {
        Some(self.spans()?.get(self.text, pointer)?.value)
    }

    /// The span of the string at `pointer` (its quotes included), when the text there is a
    /// JSON string that decodes to the value the rules saw: never an `--env` placeholder
    /// whose value was filled in memory, so a fix made from the value cannot overwrite it.
    pub fn string_span(&self, pointer: &str) -> Option<std::ops::Range<usize>> {
        let span = self.value_span(pointer)?;
        let token = self.text.get(span.clone())?;
        let decoded: String = serde_json::from_str(token).ok()?;
        (self.str_at(pointer)? == decoded).then_some(span)
    }

    /// An edit replacing the string at `pointer` with `new` (quotes and escapes written as
    /// JSON), when the text there is that string (see [`JsonDoc::string_span`]).
    pub fn replace_string(&self, pointer: &str, new: &str) -> Option<crate::finding::Edit> {
        let span = self.string_span(pointer)?;
        let json = serde_json::to_string(new).ok()?;
        Some(crate::finding::Edit::new(self.file.clone(), span, json))
    }
}

/// Text of the file if it is UTF-8, plus whether it started with a BOM.
pub fn decode_text(bytes: &[u8]) -> Result<(&str, bool), std::str::Utf8Error> {
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    std::str::from_utf8(body).map(|s| (s, bom))
}

/// Result of decoding and parsing one JSON file.
pub struct Parsed<'t> {
    /// The document, whenever it could be parsed.
    pub doc: Option<JsonDoc<'t>>,
    /// The decoded text when it could not be parsed (for snippets and line numbers).
    pub unparsed_text: Option<String>,
    pub findings: Vec<Finding>,
}

/// Decodes and parses a JSON file of the package. Problems become findings.
pub fn parse_doc<'t>(file: &str, bytes: &'t [u8], limits: &Limits) -> Parsed<'t> {
    let (doc, text, findings) = parse_inner(file, bytes, limits);
    Parsed {
        doc,
        unparsed_text: text,
        findings,
    }
}

fn parse_inner<'t>(
    file: &str,
    bytes: &'t [u8],
    limits: &Limits,
) -> (Option<JsonDoc<'t>>, Option<String>, Vec<Finding>) {
    let mut findings = Vec::new();
    let (text, bom) = match decode_text(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to() + usize::from(bytes.starts_with(b"\xEF\xBB\xBF")) * 3;
            findings.push(
                Finding::new(
                    "json-not-utf8",
                    file,
                    "",
                    format!("`{file}` is not valid UTF-8 (first invalid byte at offset {offset})"),
                )
                .help("Save the file as UTF-8 (without a byte-order mark)."),
            );
            return (None, None, findings);
        }
    };
    if bom {
        findings.push(
            Finding::new(
                "json-byte-order-mark",
                file,
                "",
                format!("`{file}` starts with a UTF-8 byte-order mark"),
            )
            .help("Save the file as UTF-8 without a BOM: Microsoft's Agents Toolkit fails on it with \"Unexpected token\", and some parsers reject it.")
            .at_span(0..0)
            .fix(
                crate::finding::Fix::safe(
                    "Remove the byte-order mark",
                    vec![crate::finding::Edit::new(file, 0..3, "")],
                )
                .on_bytes(),
            ),
        );
    }
    if text.trim().is_empty() {
        findings.push(
            Finding::new(
                "json-invalid-syntax",
                file,
                "",
                format!("`{file}` is empty"),
            )
            .help("Fill the file with a JSON object, or remove the reference to it."),
        );
        return (None, Some(text.to_string()), findings);
    }
    // Depth and size are bounded before any tree is built: one pass over the bytes, no
    // allocation, stopping at the first limit reached.
    if let Some(limit) = prescan(text, limits.max_json_depth) {
        let (message, help, offset) = match limit {
            Prescan::TooDeep { offset } => (
                format!(
                    "`{file}` nests JSON deeper than {} levels",
                    limits.max_json_depth
                ),
                "App package files are shallow; check that this is the intended file, or raise the limit with --max-json-depth.",
                offset,
            ),
            Prescan::TooManyValues { offset } => (
                format!(
                    "`{file}` holds more than {} JSON values",
                    crate::limits::MAX_JSON_VALUES
                ),
                "App package files hold a few thousand values at most; check that this is the intended file.",
                offset,
            ),
        };
        findings.push(
            Finding::new("package-limit-exceeded", file, "", message)
                .help(help)
                .at_span(offset..(offset + 1).min(text.len())),
        );
        return (None, Some(text.to_string()), findings);
    }
    let value: Value = match tight::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let offset = offset_of(text, e.line(), e.column());
            let msg = e.to_string();
            let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            if reason.contains("recursion limit") {
                // Only reachable when --max-json-depth is above the parser's own limit.
                findings.push(
                    Finding::new(
                        "package-limit-exceeded",
                        file,
                        "",
                        format!("`{file}` nests JSON deeper than the parser's limit of 128 levels"),
                    )
                    .help("App package files are shallow; check that this is the intended file.")
                    .at_span(offset..(offset + 1).min(text.len()).max(offset)),
                );
                return (None, Some(text.to_string()), findings);
            }
            let f = Finding::new(
                "json-invalid-syntax",
                file,
                "",
                format!("`{file}` is not valid JSON: {reason}"),
            )
            .help("Fix the syntax at the marked position (trailing commas and comments are not allowed in JSON).")
            .label(reason)
            .at_span(offset..(offset + 1).min(text.len()).max(offset));
            findings.push(f);
            return (None, Some(text.to_string()), findings);
        }
    };
    // The span index is built on first use (`JsonDoc::spans`): `prescan` has already
    // enforced the depth limit it would check, and the text parsed.
    if !value.is_object() {
        findings.push(
            Finding::new(
                "json-not-object",
                file,
                "",
                format!(
                    "`{file}` holds {} at the top level; it must be a JSON object",
                    match &value {
                        Value::Array(_) => "an array",
                        Value::String(_) => "a string",
                        Value::Number(_) => "a number",
                        Value::Bool(_) => "a boolean",
                        Value::Null => "null",
                        Value::Object(_) => "an object",
                    }
                ),
            )
            .help(
                "Wrap the content in a JSON object `{ … }` with the properties the schema defines.",
            ),
        );
    }
    if let Some(long) = longest_string_over(&value, limits.max_string_bytes) {
        findings.push(
            Finding::new(
                "package-limit-exceeded",
                file,
                long.0,
                format!(
                    "a string value in `{file}` is {} bytes, above the {} limit",
                    long.1,
                    crate::package::human_bytes(limits.max_string_bytes as u64)
                ),
            )
            .help("No manifest field needs megabytes of text; check the value, or raise the limit with --max-string-bytes."),
        );
    }
    (
        Some(JsonDoc::new(file, text, value, limits.max_json_depth)),
        None,
        findings,
    )
}

/// A limit reached by [`prescan`], at a byte offset of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prescan {
    TooDeep { offset: usize },
    TooManyValues { offset: usize },
}

/// One pass over the bytes (strings skipped, escapes honoured) that finds the first bracket
/// nested deeper than `max_depth` and whether the text holds more values than
/// [`crate::limits::MAX_JSON_VALUES`] (counted as brackets and commas, an upper bound). It
/// does not validate; the parser does that afterwards.
fn prescan(text: &str, max_depth: usize) -> Option<Prescan> {
    let mut depth = 0usize;
    let mut values = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Some(Prescan::TooDeep { offset: i });
                }
                values += 1;
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => values += 1,
            _ => continue,
        }
        if values > crate::limits::MAX_JSON_VALUES {
            return Some(Prescan::TooManyValues { offset: i });
        }
    }
    None
}

/// The pointer and length of the first string (value or key) longer than `limit` bytes.
fn longest_string_over(value: &Value, limit: usize) -> Option<(String, usize)> {
    let mut stack: Vec<(String, &Value)> = vec![(String::new(), value)];
    while let Some((ptr, v)) = stack.pop() {
        match v {
            Value::String(s) if s.len() > limit => return Some((ptr, s.len())),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    stack.push((format!("{ptr}/{i}"), item));
                }
            }
            Value::Object(o) => {
                for (k, item) in o {
                    if k.len() > limit {
                        return Some((ptr, k.len()));
                    }
                    stack.push((span::join(&ptr, k), item));
                }
            }
            _ => {}
        }
    }
    None
}

/// Byte offset of a 1-based line and column as serde_json reports them (column = byte count
/// into the line, 0 at the start of a line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col = column.saturating_sub(1).min(l.len());
            let mut o = offset + col;
            while o > 0 && !text.is_char_boundary(o) {
                o -= 1;
            }
            return o.min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> JsonDoc<'_> {
        let parsed = parse_doc("m.json", bytes, &Limits::default());
        parsed.doc.expect("parses")
    }

    /// Line and column of `pointer` (of its key when `key`), and the text at the span.
    fn at(d: &JsonDoc, pointer: &str, key: bool) -> (usize, usize, String) {
        let (range, line, col) = d.locate(pointer, key).expect("located");
        (line, col, d.text[range].to_string())
    }

    #[test]
    fn locates_values_and_keys_with_crlf_and_bom() {
        let d = doc(b"\xEF\xBB\xBF{\r\n  \"name\": {\r\n    \"short\": \"\xC3\xA9t\xC3\xA9\"\r\n  }\r\n}\r\n");
        assert_eq!(at(&d, "/name/short", false), (3, 14, "\"été\"".into()));
        assert_eq!(at(&d, "/name/short", true), (3, 5, "\"short\"".into()));
        // Containers are narrowed to their opening bracket.
        assert_eq!(at(&d, "/name", false), (2, 11, "{".into()));
        assert_eq!(at(&d, "", false), (1, 1, "{".into()));
    }

    #[test]
    fn bom_is_a_warning_at_the_start() {
        let p = parse_doc("m.json", b"\xEF\xBB\xBF{}", &Limits::default());
        assert!(p.doc.is_some());
        assert_eq!(p.findings.len(), 1);
        assert_eq!(p.findings[0].rule, "json-byte-order-mark");
        assert_eq!(p.findings[0].span, Some(0..0));
    }

    #[test]
    fn locates_in_minified_json() {
        let d = doc(br#"{"a":[1,{"b":"x"}],"c":true}"#);
        assert_eq!(at(&d, "/a/1/b", false), (1, 14, "\"x\"".into()));
        assert_eq!(at(&d, "/a/1", false), (1, 9, "{".into()));
        assert_eq!(at(&d, "/c", true), (1, 20, "\"c\"".into()));
    }

    #[test]
    fn escaped_keys() {
        let d = doc(b"{\n\"name.short\": 1,\n\"a/b\": 2,\n\"t~x\": 3,\n\"q\\\"k\": 4\n}");
        assert_eq!(at(&d, "/name.short", false), (2, 15, "1".into()));
        assert_eq!(at(&d, "/a~1b", false), (3, 8, "2".into()));
        assert_eq!(at(&d, "/a~1b", true), (3, 1, "\"a/b\"".into()));
        assert_eq!(at(&d, "/t~0x", false), (4, 8, "3".into()));
        assert_eq!(at(&d, "/q\"k", false), (5, 9, "4".into()));
    }

    #[test]
    fn missing_pointer_falls_back_to_nearest_ancestor_value() {
        let d = doc(b"{\n  \"developer\": {\"name\": \"x\"}\n}");
        // A key anchor on a missing member must not point at an ancestor's key.
        assert_eq!(at(&d, "/developer/privacyUrl", true), (2, 16, "{".into()));
        assert_eq!(at(&d, "/developer/privacyUrl", false), (2, 16, "{".into()));
    }

    fn syntax_error(bytes: &[u8]) -> (usize, usize, String) {
        let p = parse_doc("m.json", bytes, &Limits::default());
        assert!(p.doc.is_none());
        let text = p.unparsed_text.expect("text kept for snippets");
        let f = p
            .findings
            .iter()
            .find(|f| f.rule == "json-invalid-syntax")
            .expect("syntax finding");
        let span = f.span.clone().expect("span");
        assert!(span.start <= text.len() && span.end <= text.len());
        let (l, c) = LineIndex::new(&text).line_col(&text, span.start);
        (l, c, f.message.clone())
    }

    #[test]
    fn syntax_errors_are_located() {
        let (l, c, m) = syntax_error(b"{\n  \"a\": 1,\n  \"b\" 2\n}");
        assert_eq!((l, c), (3, 7));
        assert_eq!(m, "`m.json` is not valid JSON: expected `:`");
        // Multi-byte characters before the error count as one column each.
        let (l, c, _) = syntax_error("{\"é\": \"ü\" x}".as_bytes());
        assert_eq!((l, c), (1, 11));
        // With a BOM and CRLF.
        let (l, c, _) = syntax_error(b"\xEF\xBB\xBF{\r\n  \"a\": tru\r\n}");
        assert_eq!(l, 2);
        assert_eq!(c, 11, "the character after `tru`");
        // Truncated text: the position is the end, never past it.
        let (l, _, m) = syntax_error(b"{\n  \"a\": [1, 2");
        assert_eq!(l, 2);
        assert!(m.contains("EOF"), "{m}");
    }

    #[test]
    fn empty_and_whitespace_files_are_syntax_errors() {
        for bytes in [&b""[..], b"  \n", b"\xEF\xBB\xBF"] {
            let p = parse_doc("m.json", bytes, &Limits::default());
            assert!(p.doc.is_none());
            assert!(p
                .findings
                .iter()
                .any(|f| f.rule == "json-invalid-syntax" && f.message == "`m.json` is empty"));
        }
    }

    #[test]
    fn not_utf8_offset_counts_the_bom() {
        let p = parse_doc(
            "m.json",
            b"\xEF\xBB\xBF{\"a\": \"\xFF\"}",
            &Limits::default(),
        );
        assert!(p.doc.is_none());
        assert_eq!(p.findings.len(), 1);
        assert_eq!(
            p.findings[0].message,
            "`m.json` is not valid UTF-8 (first invalid byte at offset 10)"
        );
    }

    #[test]
    fn non_objects_are_parsed_but_reported() {
        for (text, what) in [("[]", "an array"), ("\"x\"", "a string"), ("null", "null")] {
            let p = parse_doc("m.json", text.as_bytes(), &Limits::default());
            assert!(p.doc.is_some());
            let f = p
                .findings
                .iter()
                .find(|f| f.rule == "json-not-object")
                .unwrap();
            assert!(f.message.contains(what), "{}", f.message);
        }
    }

    #[test]
    fn prescan_finds_depth_and_value_count_outside_strings() {
        assert_eq!(prescan("[[[1]]]", 3), None);
        assert_eq!(
            prescan("[[[[1]]]]", 3),
            Some(Prescan::TooDeep { offset: 3 })
        );
        // Brackets, commas and escaped quotes inside strings do not count.
        assert_eq!(prescan(r#"["[[[[\"[[[[", ",,,,"]"#, 2), None);
        let many = format!("[{}0]", "0,".repeat(crate::limits::MAX_JSON_VALUES));
        assert!(matches!(
            prescan(&many, 64),
            Some(Prescan::TooManyValues { .. })
        ));
        let deep = "[".repeat(200_000);
        assert_eq!(prescan(&deep, 64), Some(Prescan::TooDeep { offset: 64 }));
    }

    #[test]
    fn deep_nesting_is_a_limit_not_a_syntax_error() {
        let text = format!("{{\"a\":{}{}}}", "[".repeat(150_000), "]".repeat(150_000));
        let p = parse_doc("m.json", text.as_bytes(), &Limits::default());
        assert!(p.doc.is_none());
        assert_eq!(p.findings.len(), 1);
        assert_eq!(p.findings[0].rule, "package-limit-exceeded");
        assert_eq!(
            p.findings[0].message,
            "`m.json` nests JSON deeper than 64 levels"
        );
        // Above the parser's own limit of 128 levels, the parser's limit is named.
        let limits = Limits {
            max_json_depth: 1_000_000,
            ..Limits::default()
        };
        let p = parse_doc("m.json", text.as_bytes(), &limits);
        assert_eq!(p.findings[0].rule, "package-limit-exceeded");
        assert!(
            p.findings[0].message.contains("128"),
            "{}",
            p.findings[0].message
        );
    }

    #[test]
    fn limits_become_findings() {
        let limits = Limits {
            max_json_depth: 3,
            max_string_bytes: 4,
            ..Limits::default()
        };
        let p = parse_doc("m.json", b"[[[[1]]]]", &limits);
        assert!(p.doc.is_none());
        assert_eq!(p.findings[0].rule, "package-limit-exceeded");
        let p = parse_doc("m.json", b"{\"a\": {\"b\": \"12345\"}}", &limits);
        let f = p
            .findings
            .iter()
            .find(|f| f.rule == "package-limit-exceeded")
            .unwrap();
        assert_eq!(f.pointer, "/a/b");
    }
}
