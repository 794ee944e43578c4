//! Walking a Power Platform connector: its operations, their parameters (with path-level and
//! `$ref`ed parameters resolved), the strings of schemas, and its `apiProperties.json`.

use crate::json::span::{escape_token, join};
use crate::model::Ctx;
use crate::submission::PublisherKind;
use serde_json::Value;

/// The HTTP methods of a Swagger 2.0 path item.
pub const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// The connector's swagger: (package path, root value).
pub fn swagger<'c>(ctx: &'c Ctx<'_>) -> Option<(&'c str, &'c Value)> {
    ctx.swagger().map(|(f, d)| (f, &d.value))
}

/// `apiProperties.json`'s `properties` object: (package path, value).
pub fn properties<'c>(ctx: &'c Ctx<'_>) -> Option<(&'c str, &'c Value)> {
    let (f, d) = ctx.api_properties()?;
    let p = d.value.get("properties")?;
    p.is_object().then_some((f, p))
}

/// The publisher kind of the connector being checked.
pub fn publisher_kind(ctx: &Ctx<'_>) -> PublisherKind {
    ctx.connector
        .as_ref()
        .map_or(PublisherKind::Certified, |c| c.publisher_kind)
}

/// One operation of the swagger.
#[derive(Clone)]
pub struct Operation<'v> {
    /// The path template (`/tasks/{id}`).
    pub path: &'v str,
    /// The lowercase method (`get`).
    pub method: &'v str,
    /// `/paths/~1tasks~1{id}/get`.
    pub pointer: String,
    /// The path item's pointer.
    pub path_pointer: String,
    pub op: &'v Value,
    pub path_item: &'v Value,
}

impl<'v> Operation<'v> {
    pub fn str(&self, key: &str) -> Option<&'v str> {
        self.op.get(key).and_then(Value::as_str)
    }

    pub fn at(&self, key: &str) -> String {
        join(&self.pointer, key)
    }

    /// Whether the operation is a trigger (`x-ms-trigger`).
    pub fn is_trigger(&self) -> bool {
        self.op.get("x-ms-trigger").is_some()
    }

    /// Whether it is a webhook trigger (its path item has `x-ms-notification-content`).
    pub fn is_webhook(&self) -> bool {
        self.is_trigger() && self.path_item.get("x-ms-notification-content").is_some()
    }
}

/// Every operation of the swagger, in document order.
pub fn operations(swagger: &Value) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    let Some(paths) = swagger.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let Some(obj) = item.as_object() else {
            continue;
        };
        let path_pointer = join("/paths", path);
        for (method, op) in obj {
            let lower = method.as_str();
            if !METHODS.contains(&lower) || !op.is_object() {
                continue;
            }
            out.push(Operation {
                path,
                method: lower,
                pointer: join(&path_pointer, method),
                path_pointer: path_pointer.clone(),
                op,
                path_item: item,
            });
        }
    }
    out
}

/// Resolves a local `$ref` (`#/parameters/x`), following at most a few hops.
pub fn resolve<'v>(swagger: &'v Value, value: &'v Value) -> &'v Value {
    let mut v = value;
    for _ in 0..8 {
        let Some(r) = v.get("$ref").and_then(Value::as_str) else {
            return v;
        };
        match r.strip_prefix('#').and_then(|p| swagger.pointer(p)) {
            Some(t) => v = t,
            None => return v,
        }
    }
    v
}

/// One parameter of an operation: where it is written (the operation's list, the path
/// item's list, or the shared `parameters` a `$ref` points to) and its resolved value.
pub struct Param<'v> {
    pub pointer: String,
    pub value: &'v Value,
}

impl<'v> Param<'v> {
    pub fn str(&self, key: &str) -> Option<&'v str> {
        self.value.get(key).and_then(Value::as_str)
    }
    pub fn name(&self) -> &'v str {
        self.str("name").unwrap_or_default()
    }
    pub fn location(&self) -> &'v str {
        self.str("in").unwrap_or_default()
    }
    pub fn required(&self) -> bool {
        self.value.get("required").and_then(Value::as_bool) == Some(true)
    }
}

/// The parameters of an operation: its own, then those of its path item it does not
/// override. A `$ref`ed parameter is reported where it is defined.
pub fn parameters<'v>(swagger: &'v Value, op: &Operation<'v>) -> Vec<Param<'v>> {
    let mut out: Vec<Param<'v>> = Vec::new();
    let lists = [
        (op.op.get("parameters"), op.at("parameters")),
        (
            op.path_item.get("parameters"),
            join(&op.path_pointer, "parameters"),
        ),
    ];
    for (list, base) in lists {
        let Some(items) = list.and_then(Value::as_array) else {
            continue;
        };
        for (i, p) in items.iter().enumerate() {
            let (pointer, value) = match p.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix('#').and_then(|t| swagger.pointer(t)) {
                    Some(v) => (r[1..].to_string(), v),
                    None => continue,
                },
                None => (format!("{base}/{i}"), p),
            };
            let param = Param { pointer, value };
            let key = (param.name().to_string(), param.location().to_string());
            if out
                .iter()
                .any(|o| (o.name().to_string(), o.location().to_string()) == key)
            {
                continue;
            }
            out.push(param);
        }
    }
    out
}

/// A `$ref` string and where it is written.
pub fn refs(value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
    visit_members(value, pointer, &mut |at, key, v| match (key, v.as_str()) {
        ("$ref", Some(s)) => {
            out.push((at.to_string(), s.to_string()));
            false
        }
        _ => true,
    });
}

/// Calls `f(pointer, key, value)` for every object member under `value` (whose pointer is
/// `pointer`), depth first in document order, and descends into the member when `f` says so.
/// The pointers are built in one reused buffer: a walk of a big swagger allocates only what
/// `f` keeps.
pub fn visit_members<'v>(
    value: &'v Value,
    pointer: &str,
    f: &mut dyn FnMut(&str, &str, &'v Value) -> bool,
) {
    fn go<'v>(v: &'v Value, buf: &mut String, f: &mut dyn FnMut(&str, &str, &'v Value) -> bool) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let len = buf.len();
                    buf.push('/');
                    buf.push_str(&escape_token(k));
                    if f(buf, k, child) {
                        go(child, buf, f);
                    }
                    buf.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let len = buf.len();
                    buf.push('/');
                    buf.push_str(&i.to_string());
                    go(child, buf, f);
                    buf.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut buf = pointer.to_string();
    go(value, &mut buf, f);
}

/// The value of an `x-ms-connector-metadata` entry, with the entry's index.
pub fn metadata<'v>(swagger: &'v Value, name: &str) -> Option<(usize, &'v Value)> {
    swagger
        .get("x-ms-connector-metadata")?
        .as_array()?
        .iter()
        .enumerate()
        .find(|(_, m)| {
            m.get("propertyName")
                .and_then(Value::as_str)
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
        })
        .and_then(|(i, m)| Some((i, m.get("propertyValue")?)))
}

/// Whether a string is an absolute http(s) URL with a host.
pub fn is_absolute_url(s: &str) -> bool {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.') && !host.contains(' ') && !s.contains(' ')
    })
}

/// Whether a string looks like an email address.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
}

/// The operationIds of the swagger.
pub fn operation_ids(swagger: &Value) -> Vec<&str> {
    operations(swagger)
        .iter()
        .filter_map(|o| o.str("operationId"))
        .collect()
}
