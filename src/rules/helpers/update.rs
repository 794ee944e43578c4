//! Shared by the update rules (`--previous`): the previous manifest, versions, bot ids and
//! commands of a manifest.

use crate::json::span::join;
use crate::model::Ctx;
use crate::references::has_placeholder;
use crate::rules::helpers::connector::{operation_ids, operations, Operation};
use serde_json::Value;

/// The previous version's manifest and the current one, when both are there.
pub(crate) fn both<'c>(ctx: &'c Ctx<'_>) -> Option<(&'c Value, &'c Value)> {
    let prev = &ctx.previous.as_ref()?.manifest;
    let cur = &ctx.manifest()?.value;
    Some((prev, cur))
}

/// A string field of a manifest that is a real value (not a template placeholder).
pub(crate) fn real<'v>(v: &'v Value, pointer: &str) -> Option<&'v str> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty() && !has_placeholder(s))
}

/// `MAJOR.MINOR.PATCH` of numbers (leading zeros accepted), for ordering versions.
pub(crate) fn version(s: &str) -> Option<(u64, u64, u64)> {
    let mut parts = s.trim().split('.');
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let c = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((a, b, c))
}

/// Every bot id of a manifest (`bots[].botId`, `composeExtensions[].botId`), lowercase.
pub(crate) fn bot_ids(m: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["bots", "composeExtensions"] {
        for item in m.get(key).and_then(Value::as_array).into_iter().flatten() {
            if let Some(id) = real(item, "/botId") {
                let id = id.to_ascii_lowercase();
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// Commands a user can call: message extension command ids and bot command titles.
pub(crate) fn commands(m: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for me in m
        .get("composeExtensions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for c in me
            .get("commands")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(id) = real(c, "/id") {
                out.push(format!("message extension command `{id}`"));
            }
        }
    }
    for bot in m
        .get("bots")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for list in bot
            .get("commandLists")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            for c in list
                .get("commands")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(t) = real(c, "/title") {
                    let t = format!("bot command `{}`", t.to_lowercase());
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
    }
    out
}

/// A connector's previous swagger, and the current one with its package path, when both are
/// there (`--previous` of a connector).
pub(crate) fn swaggers<'c>(ctx: &'c Ctx<'_>) -> Option<(&'c Value, &'c str, &'c Value)> {
    let prev = ctx.previous.as_ref().filter(|p| p.kind == "connector")?;
    let (file, doc) = ctx.swagger()?;
    Some((&prev.swagger, file, &doc.value))
}

/// The operations of the previous swagger that the current one still has, by `operationId`:
/// (previous, current).
pub(crate) fn matched_operations<'v>(
    prev: &'v Value,
    cur: &'v Value,
) -> Vec<(Operation<'v>, Operation<'v>)> {
    let now = operations(cur);
    let mut out = Vec::new();
    for p in operations(prev) {
        let Some(id) = p.str("operationId") else {
            continue;
        };
        let found = now.iter().position(|c| c.str("operationId") == Some(id));
        if let Some(i) = found {
            out.push((p, now[i].clone()));
        }
    }
    out
}

/// Resolves a local `$ref` and says where the value it lands on is written.
pub(crate) fn resolve_at<'v>(
    swagger: &'v Value,
    value: &'v Value,
    pointer: &str,
) -> (String, &'v Value) {
    let (mut v, mut at) = (value, pointer.to_string());
    for _ in 0..8 {
        let Some(r) = v.get("$ref").and_then(Value::as_str) else {
            break;
        };
        match r
            .strip_prefix('#')
            .and_then(|p| swagger.pointer(p).map(|t| (p, t)))
        {
            Some((p, t)) => {
                v = t;
                at = p.to_string();
            }
            None => break,
        }
    }
    (at, v)
}

/// A property of a schema, flattened: its dotted name (`items[].title`), where it is written
/// and its resolved schema.
pub(crate) struct Prop<'v> {
    pub name: String,
    pub pointer: String,
    pub schema: &'v Value,
    /// The dotted name of the property holding it (empty at the top).
    pub parent: String,
    /// Where the object schema holding it is written (after `$ref`s).
    pub parent_at: String,
}

/// The properties of a schema, nested ones included (through objects and array items, to a
/// bounded depth), in document order.
pub(crate) fn properties<'v>(
    swagger: &'v Value,
    schema: &'v Value,
    pointer: &str,
) -> Vec<Prop<'v>> {
    let mut out = Vec::new();
    collect_props(swagger, schema, pointer, "", 0, &mut out);
    out
}

fn collect_props<'v>(
    swagger: &'v Value,
    schema: &'v Value,
    pointer: &str,
    prefix: &str,
    depth: usize,
    out: &mut Vec<Prop<'v>>,
) {
    if depth > 6 || out.len() > 2000 {
        return;
    }
    let (at, schema) = resolve_at(swagger, schema, pointer);
    if let Some(items) = schema.get("items") {
        let item_prefix = if prefix.is_empty() {
            "[]".to_string()
        } else {
            format!("{prefix}[]")
        };
        collect_props(
            swagger,
            items,
            &join(&at, "items"),
            &item_prefix,
            depth + 1,
            out,
        );
    }
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    let base = join(&at, "properties");
    for (name, sub) in props {
        let full = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        let sub_at = join(&base, name);
        let (_, resolved) = resolve_at(swagger, sub, &sub_at);
        out.push(Prop {
            name: full.clone(),
            pointer: sub_at.clone(),
            schema: resolved,
            parent: prefix.to_string(),
            parent_at: at.clone(),
        });
        collect_props(swagger, sub, &sub_at, &full, depth + 1, out);
    }
}

/// The type a parameter or schema declares (`string`, `integer`, …, with its `format` when it
/// has one), for comparing versions; `None` when it declares none.
pub(crate) fn declared_type(v: &Value) -> Option<String> {
    let t = v.get("type").and_then(Value::as_str)?;
    Some(match v.get("format").and_then(Value::as_str) {
        Some(f) => format!("{t} ({f})"),
        None => t.to_string(),
    })
}

/// The changes from a connector's previous swagger to the current one: version and
/// operations added or removed.
pub(crate) fn connector_changes(prev: &Value, cur: &Value) -> Vec<String> {
    let mut out = Vec::new();
    crate::update::push_string_change(&mut out, "info.version", "/info/version", prev, cur);
    let (before, now) = (operation_ids(prev), operation_ids(cur));
    for id in &now {
        if !before.contains(id) {
            out.push(format!("operation added: {id}"));
        }
    }
    for id in &before {
        if !now.contains(id) {
            out.push(format!("operation removed: {id}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn orders_versions() {
        assert!(super::version("1.10.0") > super::version("1.9.9"));
        assert_eq!(super::version("2024.07.24"), Some((2024, 7, 24)));
        assert_eq!(super::version("1.0"), None);
    }
}
