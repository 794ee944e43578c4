//! `text-file-encoding`: non-JSON text files of the package (OpenAPI YAML, instructions in
//! Markdown or plain text) must be UTF-8 without a byte-order mark. JSON files have their own
//! rules (json-byte-order-mark, json-not-utf8). In a zip every such entry is checked; in a
//! folder only the referenced ones (the toolkit packs only those).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::Out;
use std::collections::BTreeSet;

const TEXT_EXTENSIONS: &[&str] = &["yaml", "yml", "md", "txt"];

/// Why the bytes are not plain UTF-8 text, if they are not.
pub fn encoding_problem(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("starts with a UTF-8 byte-order mark, which YAML and Markdown parsers may read as part of the first key or line".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(
            "is UTF-16 encoded; parsers in the Microsoft 365 pipeline expect UTF-8".into(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => None,
        Err(e) => Some(format!(
            "is not valid UTF-8 (the first invalid byte is at offset {}, probably a Windows-1252 or Latin-1 character)",
            e.valid_up_to()
        )),
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let referenced: BTreeSet<&str> = ctx
        .refs
        .iter()
        .filter_map(|r| r.target.as_deref())
        .collect();
    for name in ctx.package.names() {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !ext.is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str())) {
            continue;
        }
        if !ctx.package.is_zip() && !referenced.contains(name) {
            continue;
        }
        let Some(Ok(bytes)) = ctx.package.read(name) else {
            continue;
        };
        if let Some(why) = encoding_problem(bytes) {
            out.push(
                    Finding::at(name, "", format!("`{name}` {why}"))
                        .help("Save the file as UTF-8 without BOM (in VS Code: \"Save with Encoding\" › UTF-8).")
                        .label("encoding"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::encoding_problem;
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn bom_and_latin1() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(b"openapi: 3.0.0\n");
        let bom = Pkg::base().set("openapi.yaml", bytes);
        assert_eq!(bom.hits("text-file-encoding"), vec![at("openapi.yaml", "")]);
        let latin = Pkg::base().set("instructions.txt", b"caf\xE9".to_vec());
        assert_eq!(
            latin.hits("text-file-encoding"),
            vec![at("instructions.txt", "")]
        );
        assert!(encoding_problem(b"caf\xE9").is_some_and(|m| m.contains("offset 3")));
        assert!(encoding_problem(b"\xFF\xFEa\0").is_some());
    }

    #[test]
    fn utf8_passes() {
        let ok = Pkg::base().set("openapi.yaml", b"openapi: 3.0.0\r\n".to_vec());
        assert!(ok.hits("text-file-encoding").is_empty());
        assert!(encoding_problem("Ünïcode\r\n".as_bytes()).is_none());
    }
}
