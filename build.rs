//! Embeds every vendored schema and rule file into the binary, so appcert never reads or
//! fetches a schema or a rule at run time, and generates the list of code rules from the rule
//! files (`kind: code`).

use std::fmt::Write as _;
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

fn embed(table: &str, root: &Path, ext: &str, code: &mut String) {
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, ext, &mut files);
    writeln!(code, "pub static {table}: &[(&str, &str)] = &[").unwrap();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
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
    embed(
        "SCHEMA_FILES",
        &manifest_dir.join("schemas/json-schemas"),
        "json",
        &mut code,
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
    let mut rules = String::new();
    embed(
        "RULE_FILES",
        &manifest_dir.join("rules"),
        "json",
        &mut rules,
    );
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
