//! Turns schema violations into findings with our own words: what is wrong, at which path,
//! and what the schema expects. Never a dump of the instance.

use super::{Detail, SchemaError};
use crate::finding::{display_path, Finding};
use serde_json::Value;

/// Rule id of a schema violation (every schema rule id starts with `schema`).
pub fn rule_id(detail: &Detail) -> &'static str {
    match detail {
        Detail::Required { .. } => "schema-required-property",
        Detail::AdditionalProperties { .. } => "schema-unknown-property",
        Detail::Type { .. } => "schema-wrong-type",
        Detail::Enum { .. } => "schema-value-not-allowed",
        Detail::Const { .. } => "schema-value-not-allowed",
        Detail::Pattern { .. } => "schema-pattern-mismatch",
        Detail::Format { .. } => "schema-invalid-format",
        Detail::MaxLength { .. } => "schema-too-long",
        Detail::MinLength { .. } => "schema-too-short",
        Detail::MaxItems { .. } => "schema-too-many-items",
        Detail::MinItems { .. } => "schema-too-few-items",
        Detail::MaxProperties { .. } | Detail::MinProperties { .. } => "schema-property-count",
        Detail::Maximum { .. } | Detail::Minimum { .. } => "schema-out-of-range",
        Detail::UniqueItems => "schema-duplicate-items",
        Detail::NoBranch { .. } | Detail::SeveralBranches | Detail::Not => {
            "schema-no-matching-form"
        }
        Detail::Other { .. } => "schema-violation",
    }
}

/// All schema rule ids, for the rule registry.
pub const RULE_IDS: &[&str] = &[
    "schema-required-property",
    "schema-unknown-property",
    "schema-wrong-type",
    "schema-value-not-allowed",
    "schema-pattern-mismatch",
    "schema-invalid-format",
    "schema-too-long",
    "schema-too-short",
    "schema-too-many-items",
    "schema-too-few-items",
    "schema-property-count",
    "schema-out-of-range",
    "schema-duplicate-items",
    "schema-no-matching-form",
    "schema-violation",
];

fn short_value(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let count = s.chars().count();
            if count <= 60 {
                format!("\"{s}\"")
            } else {
                let head: String = s.chars().take(40).collect();
                format!("\"{head}…\" ({count} characters)")
            }
        }
        Value::Object(_) => "an object".into(),
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Words for the patterns the Teams schemas use most, so the message says what is expected.
fn describe_pattern(pattern: &str) -> Option<&'static str> {
    if pattern.contains("[0-9a-fA-F]{6}") && pattern.contains('#') {
        return Some("a hex colour such as `#4464EE`");
    }
    if pattern.contains("{8}-") && pattern.contains("{12}") {
        return Some("a GUID such as `3f2504e0-4f89-41d3-9a0c-0305e82c3301`");
    }
    if pattern.contains("(0|[1-9]\\d*)")
        || pattern.contains("(0|[1-9][0-9]*)")
        || pattern.contains("([0-9]|[1-9]+[0-9]*)\\.")
    {
        return Some("a version such as `1.0.0` (MAJOR.MINOR.PATCH)");
    }
    if pattern.starts_with("^[Hh][Tt][Tt][Pp][Ss]?://") {
        return Some("an http:// or https:// URL");
    }
    if pattern.starts_with("^[Hh][Tt][Tt][Pp][Ss]://") {
        return Some("an https:// URL");
    }
    if pattern.contains("^[^\\s]") || pattern.contains("\\s*\\S") {
        return Some("text that is not blank");
    }
    None
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Converts one schema error of `file` (validated against `schema_label`, e.g. "manifest
/// schema v1.16") into findings. `doc` is the validated document.
pub fn to_findings(err: &SchemaError, file: &str, doc: &Value, schema_label: &str) -> Vec<Finding> {
    let path = display_path(&err.pointer);
    let value = doc.pointer(&err.pointer);
    let rule = rule_id(&err.detail);
    let make = |message: String, help: String| {
        Finding::new(rule, file, err.pointer.clone(), message).help(help)
    };
    let found = value.map(short_value).unwrap_or_else(|| "missing".into());
    let f = match &err.detail {
        Detail::Required { property } => {
            let child = if err.pointer.is_empty() {
                property.clone()
            } else {
                format!("{path}.{property}")
            };
            make(
                format!("`{child}` is required but missing"),
                format!("Add `{property}` to {}; the {schema_label} requires it.", if err.pointer.is_empty() { "the top level".to_string() } else { format!("`{path}`") }),
            )
            .label(format!("missing `{property}`"))
        }
        Detail::AdditionalProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|name| {
                    let pointer = crate::json::span::join(&err.pointer, name);
                    let owner = if err.pointer.is_empty() {
                        "the top level".to_string()
                    } else {
                        format!("`{path}`")
                    };
                    Finding::new(
                        rule,
                        file,
                        pointer,
                        format!("`{name}` is not a property of {owner} in the {schema_label}"),
                    )
                    .help(format!(
                        "Remove `{name}` or fix its spelling. If it is a newer feature, raise `manifestVersion` (and `$schema`) to a version that defines it."
                    ))
                    .label("unknown property")
                    .at_key()
                })
                .collect();
        }
        Detail::Type { expected } => make(
            format!(
                "`{path}` is {}; it must be {}",
                value.map(type_name).unwrap_or("missing"),
                article(expected)
            ),
            format!("Change `{path}` to {}.", article(expected)),
        )
        .label(format!("expected {expected}")),
        Detail::Enum { options } => {
            let list = options
                .iter()
                .take(12)
                .map(|o| format!("`{}`", o.as_str().map(str::to_string).unwrap_or_else(|| o.to_string())))
                .collect::<Vec<_>>()
                .join(", ");
            let more = if options.len() > 12 { ", …" } else { "" };
            make(
                format!("`{path}` is {found}, which is not an allowed value"),
                format!("Use one of: {list}{more}."),
            )
            .label("not an allowed value")
        }
        Detail::Const { expected } => {
            let exp = expected.as_str().map(str::to_string).unwrap_or_else(|| expected.to_string());
            make(
                format!("`{path}` is {found}; the {schema_label} requires \"{exp}\""),
                format!("Set `{path}` to \"{exp}\", or validate against the schema of the version you mean."),
            )
            .label(format!("expected \"{exp}\""))
        }
        Detail::Pattern { pattern } => {
            let expected = describe_pattern(pattern)
                .map(str::to_string)
                .unwrap_or_else(|| format!("text matching the pattern `{pattern}`"));
            make(
                format!("`{path}` is {found}; it must be {expected}"),
                format!("Change `{path}` to {expected}."),
            )
            .label("does not match the expected format")
        }
        Detail::Format { format } => {
            let what = match format.as_str() {
                "uri" => "an absolute URL (such as `https://www.example.org/privacy`)",
                "email" => "an email address",
                "regex" => "a valid regular expression",
                "uuid" => "a GUID",
                other => other,
            };
            make(
                format!("`{path}` is {found}, which is not {what}"),
                format!("Change `{path}` to {what}."),
            )
            .label(format!("not a valid {format}"))
        }
        Detail::MaxLength { limit } => {
            let n = value.and_then(Value::as_str).map(|s| s.chars().count()).unwrap_or(0);
            make(
                format!("`{path}` is {n} characters; the limit is {limit}"),
                format!("Shorten `{path}` to at most {}.", plural(*limit, "character")),
            )
            .label(format!("{n} > {limit} characters"))
        }
        Detail::MinLength { limit } => {
            let n = value.and_then(Value::as_str).map(|s| s.chars().count()).unwrap_or(0);
            let msg = if n == 0 {
                format!("`{path}` is empty; it must have at least {}", plural(*limit, "character"))
            } else {
                format!("`{path}` is {n} characters; it must have at least {limit}")
            };
            make(msg, format!("Fill in `{path}`.")).label("too short")
        }
        Detail::MaxItems { limit } => {
            let n = value.and_then(Value::as_array).map(Vec::len).unwrap_or(0);
            make(
                format!("`{path}` has {}; at most {limit} allowed", plural(n as u64, "item")),
                format!("Remove items from `{path}` until at most {limit} remain."),
            )
            .label(format!("{n} > {limit} items"))
        }
        Detail::MinItems { limit } => {
            let n = value.and_then(Value::as_array).map(Vec::len).unwrap_or(0);
            make(
                format!("`{path}` has {}; at least {limit} required", plural(n as u64, "item")),
                format!("Add items to `{path}` (at least {limit}), or remove the property if it is optional."),
            )
            .label(format!("{n} < {limit} items"))
        }
        Detail::MaxProperties { limit } => make(
            format!("`{path}` has too many properties; at most {limit} allowed"),
            format!("Remove properties from `{path}`."),
        ),
        Detail::MinProperties { limit } => make(
            format!("`{path}` needs at least {}", plural(*limit, "property")),
            format!("Add properties to `{path}` or remove it."),
        ),
        Detail::Maximum { limit } => make(
            format!("`{path}` is {found}; the maximum is {limit}"),
            format!("Use a value of at most {limit}."),
        ),
        Detail::Minimum { limit } => make(
            format!("`{path}` is {found}; the minimum is {limit}"),
            format!("Use a value of at least {limit}."),
        ),
        Detail::UniqueItems => make(
            format!("`{path}` contains the same item more than once"),
            format!("Remove the duplicate items from `{path}`."),
        )
        .label("duplicate items"),
        Detail::NoBranch { branches } => make(
            format!("`{path}` does not match any of the {branches} forms the {schema_label} allows"),
            format!("Compare `{path}` with the {schema_label}; check property names, types and required properties."),
        ),
        Detail::SeveralBranches => make(
            format!("`{path}` matches more than one of the exclusive forms the {schema_label} defines"),
            format!("Remove the properties that belong to the other form of `{path}`."),
        ),
        Detail::Not => make(
            format!("`{path}` has a form the {schema_label} forbids"),
            format!("Compare `{path}` with the {schema_label}."),
        ),
        Detail::Other { message } => make(
            format!("`{path}`: {message}"),
            format!("Compare `{path}` with the {schema_label}."),
        ),
    };
    vec![f]
}

fn article(t: &str) -> String {
    let first = t.split(" or ").next().unwrap_or(t);
    let a = if first.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {t}")
}
