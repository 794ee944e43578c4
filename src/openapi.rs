//! OpenAPI descriptions referenced by a package (API plugins, API-based message extensions),
//! parsed once when the package is loaded, under the user's limits, with a way to locate any
//! JSON pointer in the text (JSON: the span index; YAML: block-style keys by indentation).

use crate::finding::Finding;
use crate::json::line_index::LineIndex;
use crate::json::span::unescape_token;
use crate::json::JsonDoc;
use crate::limits::Limits;
use serde_json::Value;
use std::collections::BTreeSet;

/// An OpenAPI description of the package, parsed.
pub struct Spec<'t> {
    pub file: String,
    pub value: Value,
    /// The YAML text (JSON descriptions keep theirs in `json`).
    text: String,
    yaml: bool,
    json: Option<JsonDoc<'t>>,
    lines: LineIndex,
}

/// Why a spec could not be parsed, with a 1-based line and column when known.
pub struct SpecError {
    pub file: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Whether a spec file is YAML (by extension; JSON otherwise, YAML when JSON fails).
fn looks_yaml(file: &str, text: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".yaml")
        || lower.ends_with(".yml")
        || !matches!(text.trim_start().chars().next(), Some('{') | Some('['))
}

/// Parses an OpenAPI description (YAML or JSON) under the limits: JSON with spans, YAML after
/// the linear bounds check of [`crate::yaml_guard`].
pub fn parse_spec_bytes<'t>(
    file: &str,
    bytes: &'t [u8],
    limits: &Limits,
) -> Result<Spec<'t>, SpecError> {
    let err = |message: String, line: Option<usize>, column: Option<usize>| SpecError {
        file: file.to_string(),
        message,
        line,
        column,
    };
    let (text, _) = crate::json::decode_text(bytes).map_err(|e| {
        err(
            format!("it is not valid UTF-8 (byte {})", e.valid_up_to()),
            None,
            None,
        )
    })?;
    if text.trim().is_empty() {
        return Err(err("it is empty".into(), None, None));
    }
    if looks_yaml(file, text) {
        let text = text.to_string();
        let lines = LineIndex::new(&text);
        // The YAML parser takes time quadratic in the nesting depth and expands aliases:
        // refuse hostile shapes in one linear pass first (same depth limit as the parser).
        if let Err(e) =
            crate::yaml_guard::check_yaml_bounds(&text, &crate::yaml_guard::YamlBounds::default())
        {
            return Err(err(e.message, Some(e.line), Some(e.column)));
        }
        let value: Value = serde_yaml_ng::from_str(&text).map_err(|e| {
            let loc = e.location();
            let msg = e.to_string();
            let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            err(
                reason,
                loc.as_ref().map(|l| l.line()),
                loc.as_ref().map(|l| l.column()),
            )
        })?;
        return Ok(Spec {
            file: file.to_string(),
            value,
            text,
            yaml: true,
            json: None,
            lines,
        });
    }
    let parsed = crate::json::parse_doc(file, bytes, limits);
    match parsed.doc {
        Some(mut doc) => {
            // The value moves out of the document (its spans and text stay for locating).
            let value = std::mem::take(&mut doc.value);
            Ok(Spec {
                file: file.to_string(),
                value,
                text: String::new(),
                yaml: false,
                json: Some(doc),
                lines: LineIndex::new(""),
            })
        }
        None => {
            let e = serde_json::from_str::<Value>(text).err();
            let msg = e.as_ref().map_or("it is not valid JSON".to_string(), |e| {
                let m = e.to_string();
                m.split(" at line ").next().unwrap_or(&m).to_string()
            });
            Err(err(
                msg,
                e.as_ref().map(|e| e.line()),
                e.as_ref().map(|e| e.column()),
            ))
        }
    }
}

impl Spec<'_> {
    /// 1-based line and column of the value (or key) at `pointer`, or of its nearest ancestor.
    pub fn locate(&self, pointer: &str) -> Option<(usize, usize)> {
        if let Some(doc) = &self.json {
            return doc.locate(pointer, false).map(|(_, l, c)| (l, c));
        }
        if !self.yaml {
            return None;
        }
        yaml_locate(&self.text, pointer).map(|off| self.lines.line_col(&self.text, off))
    }

    /// A finding in this spec at `pointer`, with its line and column already set.
    pub fn finding(&self, pointer: &str, message: impl Into<String>) -> Finding {
        let mut f = Finding::at(self.file.clone(), pointer, message).whole_file();
        if let Some((l, c)) = self.locate(pointer) {
            f.line = Some(l);
            f.column = Some(c);
        }
        f
    }

    /// Every operation: (pointer, METHOD, path, operation object).
    pub fn operations(&self) -> Vec<(String, String, String, &Value)> {
        let mut out = Vec::new();
        let Some(paths) = self.value.get("paths").and_then(Value::as_object) else {
            return out;
        };
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (method, op) in item {
                let m = method.to_ascii_lowercase();
                if !matches!(
                    m.as_str(),
                    "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace"
                ) || !op.is_object()
                {
                    continue;
                }
                let ptr = format!(
                    "/paths/{}/{}",
                    crate::json::span::escape_token(path),
                    crate::json::span::escape_token(method)
                );
                out.push((ptr, m.to_ascii_uppercase(), path.clone(), op));
            }
        }
        out
    }

    /// The operation with this `operationId`.
    pub fn operation(&self, id: &str) -> Option<(String, String, String, &Value)> {
        self.operations()
            .into_iter()
            .find(|(_, _, _, op)| op.get("operationId").and_then(Value::as_str) == Some(id))
    }

    pub fn operation_ids(&self) -> BTreeSet<String> {
        self.operations()
            .iter()
            .filter_map(|(_, _, _, op)| op.get("operationId").and_then(Value::as_str))
            .map(str::to_string)
            .collect()
    }
}

/// Byte offset of the key named by the last token of `pointer` in block-style YAML (the style
/// of nearly every OpenAPI description), following the tokens by indentation. Falls back to
/// the deepest token found.
pub(crate) fn yaml_locate(text: &str, pointer: &str) -> Option<usize> {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| unescape_token(t).into_owned())
        .collect();
    let mut offset = 0usize; // start of the region to search
    let mut min_indent: Option<usize> = None; // keys of the current node are indented more
    let mut found = None;
    let mut first_exempt = false; // the dash line of a sequence item holds its first key
    'tokens: for token in &tokens {
        let mut pos = offset;
        let mut seq_index = 0usize;
        let want_index = token.parse::<usize>().ok();
        let mut child_indent: Option<usize> = None;
        for line in text[offset..].split_inclusive('\n') {
            let line_start = pos;
            pos += line.len();
            let trimmed = line.trim_start_matches(' ');
            let indent = line.len() - trimmed.len();
            let content = trimmed.trim_end();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(min) = min_indent {
                if indent <= min && !(first_exempt && line_start == offset) {
                    break;
                }
            }
            if let Some(idx) = want_index {
                let ci = *child_indent.get_or_insert(indent);
                if indent != ci {
                    continue;
                }
                if content.starts_with("- ") || content == "-" {
                    if seq_index == idx {
                        found = Some(line_start + indent);
                        offset = line_start;
                        // the item's keys sit after "- "
                        min_indent = Some(indent);
                        first_exempt = true;
                        continue 'tokens;
                    }
                    seq_index += 1;
                }
                continue;
            }
            let (key_text, eff) = match content.strip_prefix("- ") {
                Some(k) => (k, indent + 2),
                None => (content, indent),
            };
            let ci = *child_indent.get_or_insert(eff);
            if eff != ci {
                continue;
            }
            let key = key_text
                .split_once(':')
                .map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\''));
            if key == Some(token.as_str()) {
                found = Some(line_start + eff);
                offset = pos;
                min_indent = Some(eff);
                first_exempt = false;
                continue 'tokens;
            }
        }
        break;
    }
    found
}

impl Spec<'_> {
    /// Whether the description is JSON (its value is then what a JSON parser gives for the
    /// file's text).
    pub fn is_json(&self) -> bool {
        !self.yaml
    }

    /// The text of the description, for snippets.
    pub fn text(&self) -> &str {
        match &self.json {
            Some(doc) => doc.text,
            None => &self.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_pointer_lookup() {
        let text = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      operationId: x\n    post:\n      operationId: y\n      x-openai-isConsequential: false\nservers:\n  - url: http://x\n  - url: https://y\n";
        let spec = parse_spec_bytes("s.yaml", text.as_bytes(), &Limits::default())
            .ok()
            .unwrap();
        assert_eq!(
            spec.locate("/paths/~1a/post/x-openai-isConsequential"),
            Some((8, 7))
        );
        assert_eq!(spec.locate("/servers/1/url"), Some((11, 5)));
        assert_eq!(spec.operation_ids().len(), 2);
    }

    #[test]
    fn yaml_errors_have_a_line() {
        let e = parse_spec_bytes(
            "s.yaml",
            b"openapi: 3.0.3\npaths:\n  a: [\n",
            &Limits::default(),
        )
        .err()
        .unwrap();
        assert!(e.line.is_some());
    }
}
