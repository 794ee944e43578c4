//! `--format json`: the versioned machine-readable report (see `schemas/report.schema.json`).

use super::Report;

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data cannot fail; keep a valid document if it ever does.
        format!("{{\"version\": 1, \"error\": {:?}}}", e.to_string())
    });
    s.push('\n');
    s
}
