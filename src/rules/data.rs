//! Data rules: "in these files, at these JSON pointers, when this holds, the value must satisfy
//! this", with the conditions written as JSON Schema fragments and evaluated by the same
//! `jsonschema` crate that validates the manifests.

use super::RuleMeta;
use crate::finding::{display_path, Finding};
use crate::json::span::{escape_token, join};
use crate::model::Ctx;
use crate::references::{has_placeholder, RefKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::{Arc, OnceLock};

/// Which JSON files of the package a data rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum FileSet {
    #[default]
    Manifest,
    Localization,
    ManifestAndLocalization,
    DeclarativeAgent,
    Plugin,
}

/// The declarative part of a data rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataCheck {
    #[serde(default)]
    pub files: FileSet,
    /// JSON pointer patterns; a `*` token matches every array element or object member.
    pub select: Vec<String>,
    /// JSON Schema the file's root must satisfy for the rule to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Value>,
    /// JSON Schema every selected value must satisfy.
    pub assert: Value,
    /// Message template: `{path}` is the selected value's path, `{value}` the value.
    pub message: String,
    /// Values holding an unresolved template placeholder are skipped (the placeholder rule
    /// reports them) unless this is false.
    #[serde(default = "yes")]
    pub skip_placeholders: bool,
    /// The `when` fragment, compiled when a file is first there to test.
    #[serde(skip)]
    when_compiled: Arc<OnceLock<Result<Option<jsonschema::Validator>, String>>>,
    /// The `assert` fragment, compiled when a value is first selected: most packages give
    /// most data rules nothing to check, and a compile costs as much as many checks.
    #[serde(skip)]
    assert_compiled: Arc<OnceLock<Result<jsonschema::Validator, String>>>,
}

fn yes() -> bool {
    true
}

fn build(schema: &Value) -> Result<jsonschema::Validator, String> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| e.to_string())
}

impl DataCheck {
    /// Compiles both schema fragments (once per process): for the registry's test.
    pub fn compiled(&self) -> Result<(), String> {
        self.when().and(self.assert().map(|_| ()))
    }

    fn when(&self) -> Result<Option<&jsonschema::Validator>, String> {
        self.when_compiled
            .get_or_init(|| self.when.as_ref().map(build).transpose())
            .as_ref()
            .map(Option::as_ref)
            .map_err(Clone::clone)
    }

    fn assert(&self) -> Result<&jsonschema::Validator, String> {
        self.assert_compiled
            .get_or_init(|| build(&self.assert))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Every (pointer, value) a pattern selects in `root`.
pub fn select<'v>(root: &'v Value, pattern: &str) -> Vec<(String, &'v Value)> {
    let mut current: Vec<(String, &Value)> = vec![(String::new(), root)];
    if pattern.is_empty() {
        return current;
    }
    for raw in pattern.split('/').skip(1) {
        let token = crate::json::span::unescape_token(raw);
        let mut next = Vec::new();
        for (ptr, v) in current {
            match (token.as_ref(), v) {
                ("*", Value::Array(a)) => {
                    for (i, item) in a.iter().enumerate() {
                        next.push((format!("{ptr}/{i}"), item));
                    }
                }
                ("*", Value::Object(o)) => {
                    for (k, item) in o {
                        next.push((join(&ptr, k), item));
                    }
                }
                (t, Value::Array(a)) => {
                    if let Some(item) = t.parse::<usize>().ok().and_then(|i| a.get(i)) {
                        next.push((format!("{ptr}/{t}"), item));
                    }
                }
                (t, Value::Object(o)) => {
                    if let Some(item) = o.get(t) {
                        next.push((format!("{ptr}/{}", escape_token(t)), item));
                    }
                }
                _ => {}
            }
        }
        current = next;
    }
    current
}

/// The files of the package a file set covers.
pub fn files_of(ctx: &Ctx<'_>, set: FileSet) -> Vec<String> {
    let refs = |kind: RefKind| -> Vec<String> {
        let mut v: Vec<String> = ctx
            .refs
            .iter()
            .filter(|r| r.kind == kind)
            .filter_map(|r| r.target.clone())
            .filter(|t| ctx.docs.contains_key(t))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    match set {
        FileSet::Manifest => vec![crate::model::MANIFEST.to_string()],
        FileSet::Localization => refs(RefKind::Localization),
        FileSet::ManifestAndLocalization => {
            let mut v = vec![crate::model::MANIFEST.to_string()];
            v.extend(refs(RefKind::Localization));
            v
        }
        FileSet::DeclarativeAgent => refs(RefKind::DeclarativeAgent),
        FileSet::Plugin => refs(RefKind::Plugin),
    }
}

/// Short text of a value for messages.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let n = s.chars().count();
            if n > 60 {
                format!("\"{}…\"", s.chars().take(57).collect::<String>())
            } else {
                format!("\"{s}\"")
            }
        }
        Value::Object(_) => "an object".into(),
        Value::Array(a) => format!("a list of {} items", a.len()),
        other => other.to_string(),
    }
}

fn contains_placeholder(v: &Value) -> bool {
    match v {
        Value::String(s) => has_placeholder(s),
        Value::Array(a) => a.iter().any(contains_placeholder),
        Value::Object(o) => o.values().any(contains_placeholder),
        _ => false,
    }
}

/// Runs one data rule.
pub fn run(meta: &RuleMeta, check: &DataCheck, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // A fragment that does not compile checks nothing: the registry test reports such rule
    // files.
    for file in files_of(ctx, check.files) {
        let Some(doc) = ctx.docs.get(&file) else {
            continue;
        };
        match check.when() {
            Ok(Some(when)) if !when.is_valid(&doc.value) => continue,
            Ok(_) => {}
            Err(_) => return,
        }
        for pattern in &check.select {
            for (pointer, value) in select(&doc.value, pattern) {
                if check.skip_placeholders && contains_placeholder(value) {
                    continue;
                }
                let Ok(assert) = check.assert() else {
                    return;
                };
                if assert.is_valid(value) {
                    continue;
                }
                let message = check
                    .message
                    .replace("{path}", &display_path(&pointer))
                    .replace("{value}", &value_text(value))
                    .replace("{file}", &file);
                out.push(meta.finding(file.clone(), pointer, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn select_expands_wildcards() {
        let v = json!({"bots": [{"commandLists": [{"commands": [{"title": "a"}, {"title": "b"}]}]}], "x": {"a/b": 1}});
        let got: Vec<String> = select(&v, "/bots/*/commandLists/*/commands/*/title")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            got,
            vec![
                "/bots/0/commandLists/0/commands/0/title",
                "/bots/0/commandLists/0/commands/1/title"
            ]
        );
        assert_eq!(select(&v, "/x/a~1b")[0].0, "/x/a~1b");
        assert!(select(&v, "/nope/*").is_empty());
        assert_eq!(select(&v, "")[0].0, "");
    }
}
