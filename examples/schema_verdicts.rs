//! appcert's side of the schema differential check (`scripts/differential/run.sh`).
//!
//! Usage: `cargo run --release --example schema_verdicts -- CASES.jsonl > VERDICTS.jsonl`
//!
//! Reads cases `{"id": "...", "schema": "teams/v1.16/MicrosoftTeams.schema.json", "instance": {...}}`
//! (schema path relative to `schemas/json-schemas/`), one per line, and prints one line per case:
//! `{"id", "schema", "valid": bool, "errors": ["<pointer> <keyword>", ...]}`, or
//! `{"id", "schema", "compile_error": "..."}` when the schema cannot be loaded.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde_json::{json, Value};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: schema_verdicts CASES.jsonl");
        return ExitCode::from(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("schema_verdicts: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("schema_verdicts: {path}:{}: {e}", n + 1);
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let case: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("schema_verdicts: {path}:{}: not JSON: {e}", n + 1);
                return ExitCode::from(2);
            }
        };
        let id = case.get("id").cloned().unwrap_or(Value::Null);
        let schema = case
            .get("schema")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let instance = case.get("instance").unwrap_or(&Value::Null);
        let verdict = match appcert::schema::validate_by_path(schema, instance) {
            Ok(errors) => json!({
                "id": id,
                "schema": schema,
                "valid": errors.is_empty(),
                "errors": errors
                    .iter()
                    .map(|e| format!("{} {}", e.pointer, e.keyword))
                    .collect::<Vec<_>>(),
            }),
            Err(e) => json!({"id": id, "schema": schema, "compile_error": e.to_string()}),
        };
        if writeln!(out, "{verdict}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
