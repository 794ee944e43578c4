//! Shared by the update rules (`--previous`): the previous manifest, versions, bot ids and
//! commands of a manifest.

use crate::model::Ctx;
use crate::references::has_placeholder;
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

#[cfg(test)]
mod tests {
    #[test]
    fn orders_versions() {
        assert!(super::version("1.10.0") > super::version("1.9.9"));
        assert_eq!(super::version("2024.07.24"), Some((2024, 7, 24)));
        assert_eq!(super::version("1.0"), None);
    }
}
