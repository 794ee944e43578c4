//! appcert in the browser: the I/O-free core checks a package given as in-memory files; the
//! result is the same JSON report as `appcert check --format json`. Nothing here does I/O.

use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// Checks one package and returns a JSON object:
/// `{"report": "<the text of appcert check --format json>", "sources": {file: text}}`, where
/// `sources` holds the text of each file a finding points into (credentials masked), for
/// snippets.
///
/// The package is `files`: one `.zip` (a single file whose bytes are a zip), or the files of a
/// package folder, named by their path inside the package. `lengths[i]` is the byte length of
/// file `i`, whose bytes follow those of file `i - 1` in `data`. `input` is the package's name
/// in the report (the zip's file name, or the folder's name).
#[wasm_bindgen]
pub fn check(
    input: &str,
    names: Vec<String>,
    lengths: Vec<u32>,
    data: &[u8],
    profile: &str,
    deny_warnings: bool,
) -> String {
    let mut files = Vec::with_capacity(names.len());
    let mut at = 0usize;
    for (name, len) in names.into_iter().zip(lengths) {
        let end = (at + len as usize).min(data.len());
        files.push((name, data[at..end].to_vec()));
        at = end;
    }
    check_files(input, files, profile, deny_warnings)
}

/// The same as [`check`] on files already split (for native tests).
pub fn check_files(
    input: &str,
    files: Vec<(String, Vec<u8>)>,
    profile: &str,
    deny_warnings: bool,
) -> String {
    let mut options = appcert::Options::default();
    options.profile = match profile {
        "org" => appcert::rules::Profile::Org,
        _ => appcert::rules::Profile::Store,
    };
    options.config.deny_warnings = deny_warnings;
    let is_zip = files.len() == 1
        && (files[0].0.to_ascii_lowercase().ends_with(".zip")
            || files[0].1.starts_with(b"PK\x03\x04"));
    let report = if is_zip {
        let (_, bytes) = files.into_iter().next().unwrap_or_default();
        appcert::check_zip_bytes(input, bytes, &options)
    } else {
        appcert::check_files(input, files, &options)
    };
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for f in &report.findings {
        let Some(text) = report.sources.get(&f.file) else {
            continue;
        };
        sources
            .entry(f.file.clone())
            .or_insert_with(|| text.clone());
    }
    // Credentials are never shown: mask the text under each secret finding's span.
    for f in report.findings.iter().filter(|f| f.secret) {
        let (Some(span), Some(text)) = (&f.span, sources.get_mut(&f.file)) else {
            continue;
        };
        if span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
        {
            let masked: String = text[span.clone()]
                .chars()
                .map(|c| if c == '\n' { c } else { '•' })
                .collect();
            text.replace_range(span.clone(), &masked);
        }
    }
    let run = appcert::finish_run(vec![report], &options);
    let text = appcert::report::json::render(&run);
    serde_json::json!({ "report": text, "sources": sources }).to_string()
}

/// The version of appcert built into the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
