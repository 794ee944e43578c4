//! `mcp-tool-write-marked-read-only`: an MCP tool whose name says it writes but whose
//! annotations say `readOnlyHint: true`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::RefKind;
use crate::rules::helpers::copilot::util::{items, plugins};
use crate::rules::Out;
use serde_json::Value;

/// Verbs that start the names of tools that change something.
const WRITE_VERBS: &[&str] = &[
    "create", "add", "insert", "update", "set", "edit", "modify", "patch", "put", "delete",
    "remove", "send", "post", "submit", "cancel", "approve", "reject", "assign", "close", "move",
    "upload", "write",
];

/// Whether a tool name starts with a write verb (camelCase, snake_case or kebab-case).
fn writes(name: &str) -> bool {
    let first: String = name
        .chars()
        .take_while(|c| c.is_ascii_lowercase())
        .collect();
    let first = if first.is_empty() {
        name.split(['_', '-', ' ', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    } else {
        first
    };
    WRITE_VERBS.contains(&first.as_str())
}

fn check_tools(file: &str, base: &str, tools: &Value, out: &mut Out<'_>) {
    for (i, tool) in tools.as_array().into_iter().flatten().enumerate() {
        let Some(name) = tool.get("name").and_then(Value::as_str) else {
            continue;
        };
        let read_only = tool
            .pointer("/annotations/readOnlyHint")
            .and_then(Value::as_bool);
        if read_only == Some(true) && writes(name) {
            out.push(
                Finding::at(file, format!("{base}/{i}/annotations/readOnlyHint"), format!("MCP tool `{name}` is marked `readOnlyHint: true`, but its name says it changes data"))
                    .help("Set `readOnlyHint` to false (or leave it out) on tools that change data, so that Copilot asks the user before calling them.")
                    .label("read-only?"),
            );
        }
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (rp, r) in items(p, "/runtimes") {
            if let Some(tools) = r.pointer("/spec/mcp_tool_description/tools") {
                check_tools(
                    file,
                    &format!("{rp}/spec/mcp_tool_description/tools"),
                    tools,
                    out,
                );
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for r in ctx
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::McpToolDescription)
    {
        let Some(target) = &r.target else { continue };
        if !seen.insert(target.as_str()) {
            continue;
        }
        if let Some(tools) = ctx.docs.get(target).and_then(|d| d.value.get("tools")) {
            check_tools(target, "/tools", tools, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::writes;

    #[test]
    fn reads_verbs_from_names() {
        assert!(writes("deleteTicket"));
        assert!(writes("send_message"));
        assert!(writes("create-issue"));
        assert!(!writes("searchTickets"));
        assert!(!writes("settings"));
        assert!(!writes("GetItem"));
    }
}
