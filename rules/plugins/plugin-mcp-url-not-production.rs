//! `plugin-mcp-url-not-production`: an MCP server URL (plugin RemoteMCPServer runtime, manifest
//! agent connector) that is not https or points at localhost, an IP address or a tunnel.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{items, plugins};
use crate::rules::helpers::domains::util::{is_placeholder_like, split_url};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;
use serde_json::Value;

fn problem(url: &str) -> Option<String> {
    if is_placeholder_like(url) {
        return None;
    }
    let Some(parts) = split_url(url) else {
        return Some("is not an absolute URL".into());
    };
    bad_host_reason(&parts.host).or_else(|| {
        (parts.scheme != "https").then(|| format!("uses `{}://` instead of https", parts.scheme))
    })
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let mut report = |file: &str, pointer: String, url: &str| {
        if let Some(why) = problem(url) {
            out.push(
                Finding::at(file, pointer, format!("MCP server URL \"{url}\" {why}"))
                    .help("Point the MCP server URL at your production service over https (TLS 1.2 or later), on your own domain.")
                    .label("not a production https server"),
            );
        }
    };
    for (file, p) in plugins(ctx) {
        for (rp, r) in items(p, "/runtimes") {
            if r.get("type").and_then(Value::as_str) != Some("RemoteMCPServer") {
                continue;
            }
            if let Some(url) = r.pointer("/spec/url").and_then(Value::as_str) {
                report(file, format!("{rp}/spec/url"), url);
            }
        }
    }
    if let Some(m) = ctx.manifest() {
        for (cp, c) in items(&m.value, "/agentConnectors") {
            let inner = "/toolSource/remoteMcpServer/mcpServerUrl";
            if let Some(url) = c.pointer(inner).and_then(Value::as_str) {
                report(MANIFEST, format!("{cp}{inner}"), url);
            }
        }
    }
}
