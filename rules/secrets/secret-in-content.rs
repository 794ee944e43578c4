//! `secret-in-content`: credentials written into any text file of the package (the manifest
//! included): private key blocks, Entra client secrets, connection-string keys, and
//! high-entropy tokens assigned to keys named like SECRET, PASSWORD, KEY or TOKEN. Findings in
//! JSON files point at the value; in other text files at the file (with the line in the
//! message). The secret is never shown: only its first and last characters and its length.

use crate::finding::{display_path, Finding};
use crate::json::span::escape_token;
use crate::model::Ctx;
use crate::rules::helpers::secrets::util::{
    assignments, looks_like_token, mask, scan_text, secret_file_kind, sensitive_key,
};
use crate::rules::Out;
use serde_json::Value;
use std::fmt::Write as _;

const HELP: &str = "Remove the credential from the package and rotate it now: a package is published to every customer who installs the app. Keep secrets in a secret store (Azure Key Vault, the plugin vault behind `reference_id`, or Agents Toolkit `SECRET_` variables in env/.env.*.user files that are never packed) and reference them, as `${{SECRET_NAME}}` is referenced, instead of writing the value.";

/// `: ` and the masked secret, when there is one to show.
fn shown_suffix(shown: &str) -> String {
    if shown.is_empty() {
        String::new()
    } else {
        format!(": {shown}")
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
        + 1
}

/// A step of the walk in [`scan_json`]: the member or element to visit, under a pointer
/// `len` bytes long.
enum Token<'v> {
    Root,
    Key(&'v str),
    Index(usize),
}

/// Scans every string value of `value`, in document order, with the key that holds it. The
/// pointer is kept in one buffer and copied only for a finding (OpenAPI descriptions and
/// swaggers hold tens of thousands of strings). `locate` gives the line and column of a
/// pointer when the caller knows them (an OpenAPI description parsed at load).
fn scan_json(
    file: &str,
    value: &Value,
    locate: &dyn Fn(&str) -> Option<(usize, usize)>,
    out: &mut Out<'_>,
) {
    let mut pointer = String::new();
    let mut stack: Vec<(usize, Token<'_>, Option<&str>, &Value)> =
        vec![(0, Token::Root, None, value)];
    while let Some((len, token, key, v)) = stack.pop() {
        pointer.truncate(len);
        match token {
            Token::Root => {}
            Token::Key(k) => {
                pointer.push('/');
                pointer.push_str(&escape_token(k));
            }
            Token::Index(i) => {
                let _ = write!(pointer, "/{i}");
            }
        }
        match v {
            Value::String(s) => report(file, &pointer, key, s, locate, out),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate().rev() {
                    stack.push((pointer.len(), Token::Index(i), key, item));
                }
            }
            Value::Object(o) => {
                for (k, item) in o.iter().rev() {
                    stack.push((pointer.len(), Token::Key(k), Some(k.as_str()), item));
                }
            }
            _ => {}
        }
    }
}

/// The findings of one string value at `pointer`.
fn report(
    file: &str,
    pointer: &str,
    key: Option<&str>,
    s: &str,
    locate: &dyn Fn(&str) -> Option<(usize, usize)>,
    out: &mut Out<'_>,
) {
    let mut hits: Vec<(String, String)> = scan_text(s)
        .into_iter()
        .map(|h| (h.what, h.shown))
        .collect();
    if hits.is_empty() && key.is_some_and(sensitive_key) && looks_like_token(s) {
        hits.push((
            format!("a token assigned to `{}`", key.unwrap_or_default()),
            mask(s),
        ));
    }
    for (what, shown) in hits {
        let mut finding = Finding::at(
            file,
            pointer,
            format!(
                "`{}` holds what looks like {what}{}",
                display_path(pointer),
                shown_suffix(&shown)
            ),
        )
        .help(HELP)
        .label("credential")
        .secret();
        if let Some((line, column)) = locate(pointer) {
            finding.line = Some(line);
            finding.column = Some(column);
        }
        out.push(finding);
    }
}

fn scan_plain(file: &str, text: &str, out: &mut Out<'_>) {
    let mut found: Vec<(usize, usize, String, String)> = scan_text(text)
        .into_iter()
        .map(|h| (h.offset, h.len, h.what, h.shown))
        .collect();
    for (_, key, value, offset) in assignments(text) {
        if !found.iter().any(|(o, _, _, _)| *o == offset) {
            found.push((
                offset,
                value.len(),
                format!("a token assigned to `{key}`"),
                mask(value),
            ));
        }
    }
    found.sort_by_key(|f| f.0);
    let lines = crate::json::line_index::LineIndex::new(text);
    for (offset, len, what, shown) in found {
        let (line, column) = lines.line_col(text, offset);
        let mut finding = Finding::at(
            file,
            "",
            format!(
                "`{file}` line {} holds what looks like {what}{}",
                line_of(text, offset),
                shown_suffix(&shown)
            ),
        )
        .help(HELP)
        .label("credential")
        .at_span(offset..offset + len)
        .secret();
        finding.line = Some(line);
        finding.column = Some(column);
        out.push(finding);
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for name in ctx.package.names() {
        if let Some(doc) = ctx.docs.get(name) {
            scan_json(name, &doc.value, &|_| None, out);
            continue;
        }
        let is_json = name.to_ascii_lowercase().ends_with(".json");
        // An OpenAPI description was parsed at load: its value, not a second read and parse.
        if let Some(Ok(spec)) = ctx.specs.get(name).map(|s| s.as_ref()) {
            if is_json && spec.is_json() {
                scan_json(name, &spec.value, &|p| spec.locate(p), out);
                continue;
            }
        }
        let Some(Ok(bytes)) = ctx.package.read(name) else {
            continue;
        };
        if bytes.starts_with(b"\x89PNG") || bytes.contains(&0) {
            continue;
        }
        let Ok((text, _)) = crate::json::decode_text(bytes) else {
            continue;
        };
        if is_json {
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                scan_json(name, &value, &|_| None, out);
                continue;
            }
        }
        if secret_file_kind(name).is_some() {
            // A key or environment file is reported as a whole by secret-file-in-package.
            continue;
        }
        scan_plain(name, text, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const TOKEN: &str = "aK9fP2xQ7rT4mZ8bW3nV6cY1dE5";

    #[test]
    fn token_in_manifest_never_printed() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"webApplicationInfo": {"clientSecret": TOKEN}}),
        );
        let f = pkg.findings("secret-in-content");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].file.as_str(), f[0].pointer.as_str()),
            ("manifest.json", "/webApplicationInfo/clientSecret")
        );
        assert!(
            f[0].message.contains("`aK…E5` (27 characters)"),
            "{}",
            f[0].message
        );
        let all = serde_json::to_string(&pkg.check()).unwrap_or_default();
        assert!(!all.contains(TOKEN));
        assert!(!all.contains(&TOKEN[3..20]));
        // Nor in the snippets of the human output.
        let human = pkg.human();
        assert!(human.contains("secret-in-content"), "{human}");
        assert!(!human.contains(&TOKEN[3..20]), "{human}");
    }

    #[test]
    fn token_in_openapi_yaml_is_located_and_masked_in_snippets() {
        let dir = "fixtures/packages/declarative-agent";
        let spec = "apis/openapi.yaml";
        let mut text = Pkg::from_fixture(dir)
            .files
            .iter()
            .find(|(n, _)| n == spec)
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .unwrap();
        text.push_str(&format!("x-api-key: '{TOKEN}'\n"));
        let line = text.lines().count();
        let pkg = Pkg::from_fixture(dir).set(spec, text.into_bytes());
        let f = pkg.findings("secret-in-content");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].file.as_str(), f[0].line, f[0].column),
            (spec, Some(line), Some(13))
        );
        let human = pkg.human();
        assert!(human.contains(&format!("{spec}:{line}:13")), "{human}");
        assert!(!human.contains(&TOKEN[3..20]), "{human}");
    }

    #[test]
    fn token_in_openapi_json_is_found_at_its_pointer() {
        // The description parsed at load is scanned (its value), with the same pointer and
        // position as a file the rule parses itself.
        let dir = "fixtures/packages/me-api-based";
        let spec = "apiSpecificationFile/openapi.json";
        let pkg = Pkg::from_fixture(dir);
        let mut value: serde_json::Value = pkg
            .files
            .iter()
            .find(|(n, _)| n == spec)
            .and_then(|(_, b)| serde_json::from_slice(b).ok())
            .unwrap();
        value["info"]["x-api-key"] = json!(TOKEN);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let line = text.lines().position(|l| l.contains("x-api-key")).unwrap() + 1;
        let pkg = pkg.set(spec, text.into_bytes());
        let f = pkg.findings("secret-in-content");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].file.as_str(), f[0].pointer.as_str(), f[0].line),
            (spec, "/info/x-api-key", Some(line))
        );
    }

    #[test]
    fn private_key_and_connection_string_in_text_files() {
        let pkg = Pkg::base()
            .set("notes.md", b"# Notes\n\n-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n".to_vec())
            .set(
                "config.yaml",
                format!("storage: \"DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFyYmF6cXV4cXV1eA==;\"\napiKey: {TOKEN}\n").into_bytes(),
            );
        let f = pkg.findings("secret-in-content");
        let hits: Vec<_> = f
            .iter()
            .map(|f| (f.file.clone(), f.pointer.clone()))
            .collect();
        assert_eq!(
            hits,
            vec![
                at("config.yaml", ""),
                at("config.yaml", ""),
                at("notes.md", "")
            ]
        );
        assert!(f[0].message.contains("line 1"), "{}", f[0].message);
        assert!(f[1].message.contains("line 2"), "{}", f[1].message);
        let all = serde_json::to_string(&f).unwrap_or_default();
        assert!(!all.contains("Zm9vYmFyYmF6cXV4"));
        assert!(!all.contains(TOKEN));
    }

    #[test]
    fn references_ids_and_auth_declarations_pass() {
        assert!(Pkg::base().hits("secret-in-content").is_empty());
        for fixture in ["declarative-agent", "me-api-based", "custom-engine-agent"] {
            let pkg = Pkg::from_fixture(&format!("fixtures/packages/{fixture}"));
            assert!(pkg.hits("secret-in-content").is_empty(), "{fixture}");
        }
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({
                "webApplicationInfo": {"clientSecret": "${{SECRET_CLIENT}}"},
                "apiKey": {"type": "apiKey", "reference_id": "Zm9vYmFyYmF6cXV4cXV1eA9xQ"},
                "token": "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
            }),
        );
        assert!(pkg.hits("secret-in-content").is_empty());
    }
}
