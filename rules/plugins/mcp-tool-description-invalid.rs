//! `mcp-tool-description-invalid`: an MCP tool description file is not what an MCP server's
//! `tools/list` returns (`{"tools": [{"name", "description", "inputSchema"}, …]}`).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::RefKind;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
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
        let Some(doc) = ctx.docs.get(target) else {
            continue; // missing, unreadable or not JSON: other rules say so
        };
        let Some(tools) = doc.value.get("tools").and_then(Value::as_array) else {
            out.push(
                Finding::at(target.clone(), "", format!("`{target}` has no `tools` array: it is not in the format of an MCP server's `tools/list`"))
                    .help("Save the result of your MCP server's `tools/list`: `{\"tools\": [{\"name\": …, \"description\": …, \"inputSchema\": {…}}]}`.")
                    .label("no tools"),
            );
            continue;
        };
        for (i, tool) in tools.iter().enumerate() {
            let name = tool.get("name").and_then(Value::as_str).unwrap_or_default();
            let mut missing = Vec::new();
            if name.trim().is_empty() {
                missing.push("`name`");
            }
            if tool
                .get("description")
                .and_then(Value::as_str)
                .is_none_or(|d| d.trim().is_empty())
            {
                missing.push("`description`");
            }
            if !tool.get("inputSchema").is_some_and(Value::is_object) {
                missing.push("`inputSchema` (an object)");
            }
            if missing.is_empty() {
                continue;
            }
            let which = if name.is_empty() {
                format!("tool {i}")
            } else {
                format!("tool `{name}`")
            };
            out.push(
                Finding::at(
                    target.clone(),
                    format!("/tools/{i}"),
                    format!("{which} of `{target}` has no {}", missing.join(", ")),
                )
                .help("Every tool needs the `name`, `description` and `inputSchema` your MCP server returns from `tools/list`; Copilot chooses tools by their description.")
                .label("incomplete tool"),
            );
        }
    }
}
