//! The shape of the code, as docs/architecture.md states it: the core's top-level modules
//! import each other without a cycle (test code aside), and no rule imports the engine or a
//! package kind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module imports of the non-test code: module -> modules it names as `crate::x`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for dir in ["src", "rules"] {
        for entry in walkdir::WalkDir::new(root.join(dir)) {
            let entry = entry.expect("readable");
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("inside");
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let module = if parts[0] == "rules" {
                "rules".to_string()
            } else {
                parts[1].trim_end_matches(".rs").to_string()
            };
            if ["main", "cli", "lib"].contains(&module.as_str()) {
                continue;
            }
            // Test helpers and test modules may import anything.
            if ["testing.rs", "cases.rs", "tests.rs"].contains(&parts[parts.len() - 1].as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("readable");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let deps = g.entry(module.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                let name: String = code[i + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    deps.insert(name);
                }
            }
        }
    }
    g
}

#[test]
fn top_level_modules_have_no_import_cycle() {
    let g = graph();
    // Depth-first search for a back edge.
    fn visit(
        v: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(v.to_string(), 1);
        path.push(v.to_string());
        for w in g.get(v).into_iter().flatten() {
            match state.get(w.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|p| p == w).unwrap_or(0);
                    let mut cycle = path[start..].to_vec();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(w, g, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(v.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for v in g.keys() {
        if !state.contains_key(v.as_str()) {
            let cycle = visit(v, &g, &mut state, &mut Vec::new());
            assert!(
                cycle.is_none(),
                "import cycle: {}",
                cycle.unwrap_or_default().join(" -> ")
            );
        }
    }
}

#[test]
fn rules_do_not_import_the_engine_or_a_kind() {
    let g = graph();
    let rules = &g["rules"];
    for forbidden in ["engine", "kinds", "discover", "folder", "progress"] {
        assert!(
            !rules.contains(forbidden),
            "a rule imports crate::{forbidden}"
        );
    }
}
