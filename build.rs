//! Embeds every vendored schema and rule file into the binary, so appcert never reads or
//! fetches a schema or a rule at run time, and generates the list of code rules from the rule
//! files (`kind: code`).

use std::fmt::Write as _;

// The schema patches, shared with the crate (`src/schema/`): `quirks` refers to its siblings
// as `super::text_quirks` and `super::connector_quirks`, which are declared here as in
// `src/schema/mod.rs`. The build applies them; the format checks of `quirks` are for run time.
#[path = "src/schema/connector_quirks.rs"]
mod connector_quirks;
#[path = "src/schema/quirks.rs"]
#[allow(dead_code, unused_imports)]
mod quirks;
#[path = "src/schema/text_quirks.rs"]
#[allow(dead_code)]
mod text_quirks;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut items: Vec<_> = read.filter_map(Result::ok).map(|e| e.path()).collect();
    items.sort();
    for path in items {
        if path.is_dir() {
            collect(&path, ext, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(path);
        }
    }
}

/// `file`'s path under `root`, with `/` separators (the key the binary knows it by).
fn rel_path(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn embed(table: &str, root: &Path, ext: &str, code: &mut String) {
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, ext, &mut files);
    writeln!(code, "pub static {table}: &[(&str, &str)] = &[").unwrap();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = rel_path(root, file);
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            file.canonicalize().unwrap().display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut code = String::new();
    embed_schemas(&manifest_dir.join("schemas/json-schemas"), &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
    let mut rules = String::new();
    embed(
        "RULE_FILES",
        &manifest_dir.join("rules"),
        "json",
        &mut rules,
    );
    rules.push_str(&rule_metadata(&manifest_dir.join("rules")));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_rules.rs");
    std::fs::write(out, rules).unwrap();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("code_rules.rs");
    std::fs::write(out, code_rules(&manifest_dir.join("rules"))).unwrap();
}

/// The registry of code rules: for every rule file whose `kind` is `code`, the module
/// `rules/<category>/<id>.rs` beside it and an entry (id, check function). A code rule file
/// without its Rust file fails the build with a message naming the file to write.
fn code_rules(root: &Path) -> String {
    let mut files = Vec::new();
    collect(root, "json", &mut files);
    let mut mods = String::new();
    let mut list = String::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // The rule files are validated by the test suite; here only `id` and `kind` matter.
        let field = |name: &str| -> Option<String> {
            let key = format!("\"{name}\":");
            let rest = &text[text.find(&key)? + key.len()..];
            let start = rest.find('"')? + 1;
            let end = start + rest[start..].find('"')?;
            Some(rest[start..end].to_string())
        };
        if field("kind").as_deref() != Some("code") {
            continue;
        }
        let id = field("id").unwrap_or_default();
        let rs = file.with_file_name(format!("{id}.rs"));
        if !rs.exists() {
            panic!(
                "{} declares a code rule but {} does not exist",
                file.display(),
                rs.display()
            );
        }
        println!("cargo:rerun-if-changed={}", rs.display());
        let module = id.replace('-', "_");
        writeln!(
            mods,
            "#[path = {:?}]\nmod {module};",
            rs.canonicalize().unwrap().display().to_string()
        )
        .unwrap();
        writeln!(list, "    ({id:?}, {module}::check),").unwrap();
    }
    format!("{mods}\npub(crate) static CODE_RULES: &[(&str, super::CheckFn)] = &[\n{list}];\n")
}

/// The rule files as the registry reads them at start-up: (path, metadata, docs), the metadata
/// minified without `tests` (which only the test suite and `appcert explain` read, from
/// `RULE_FILES`) and without `docs`, which are apart, minified (`null` when the file has none),
/// for the registry to parse one rule's docs when they are first read; so a run parses neither
/// the cases nor the prose. A file that is not JSON is passed whole as metadata: the registry
/// reports it.
fn rule_metadata(root: &Path) -> String {
    let mut files = Vec::new();
    collect(root, "json", &mut files);
    let mut code = String::from("pub static RULE_METADATA: &[(&str, &str, &str)] = &[\n");
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let rel = rel_path(root, file);
        let (meta, docs) = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut v) => {
                let docs = v.as_object_mut().and_then(|o| {
                    o.remove("tests");
                    o.remove("docs")
                });
                (v.to_string(), docs.unwrap_or_default().to_string())
            }
            Err(_) => (text, "null".to_string()),
        };
        writeln!(code, "    ({rel:?}, {meta:?}, {docs:?}),").unwrap();
    }
    code.push_str("];\n");
    code
}

/// The vendored schemas, patched (the files themselves are never modified): the text patches
/// of `src/schema/text_quirks.rs`, then the parsed schema's patches of `src/schema/quirks.rs`
/// (`patch_schema`, with `connector_quirks.rs`), written minified to `OUT_DIR` and embedded
/// from there, so a run only parses them. `$schema` stays in the text: the loader reads the
/// draft from it and removes it before compiling. A vendored file that is not JSON fails the
/// build.
fn embed_schemas(root: &Path, code: &mut String) {
    println!("cargo:rerun-if-changed={}", root.display());
    for file in ["text_quirks", "quirks", "connector_quirks"] {
        println!("cargo:rerun-if-changed=src/schema/{file}.rs");
    }
    let out_root = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("schemas");
    let mut files = Vec::new();
    collect(root, "json", &mut files);
    writeln!(code, "pub static SCHEMA_FILES: &[(&str, &str)] = &[").unwrap();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = rel_path(root, file);
        let text = std::fs::read_to_string(file).unwrap();
        let patched = text_quirks::patch_schema_text(&rel, &text);
        let mut schema: serde_json::Value =
            serde_json::from_str(&patched).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        quirks::patch_schema(&rel, &mut schema);
        let target = out_root.join(&rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, serde_json::to_string(&schema).unwrap()).unwrap();
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            target.display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}
