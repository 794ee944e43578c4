//! The cases every rule file carries (`tests: {fail: [...], pass: [...]}`), run by one test:
//! each case is a clean fixture package plus changes, checked by the whole engine; a failing
//! case lists where the rule must report (file and JSON pointer, in order), a passing case
//! must get no finding of the rule. A rule that cannot have such a case says why instead
//! (`tests: {"none": "…"}`). The rule files are read from disk here, so editing a case needs
//! no rebuild of the test binary.
//!
//! A case:
//! ```json
//! {
//!   "base": "bot-commands",                       // a folder of fixtures/packages (default),
//!                                                 // or of fixtures/ (`connectors/certified`)
//!   "profile": "org",                             // optional; store by default
//!   "patch": {"manifest.json": {"version": "1"}}, // RFC 7396 merge patch per file
//!   "set": {"manifest.json": {"/bots/0/botId": "x"}}, // value at a JSON pointer (creates the
//!                                                      // last key; index = length appends)
//!   "remove": {"manifest.json": ["/bots/0/scopes"]},  // members or items at JSON pointers
//!   "files": {"notes.txt": "text"},               // files added or replaced, as text
//!   "copy": {"color.png": "fixtures/icons/x.png"}, // files added or replaced, from the repo
//!   "delete": ["outline.png"],                    // files removed
//!   "input": "not a zip",                         // the whole input instead of a package
//!   "previous": {"base": "bot-commands", …},      // the published version (`--previous`)
//!   "online": {"https://…/privacy": {"status": 404}}, // simulated `--online` fetch results
//!   "expect": [["manifest.json", "/version"]]     // fail cases: every hit, in order
//! }
//! ```

use crate::rules::testing::{fixture_files, merge_patch, Pkg};
use crate::rules::Profile;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub profile: Option<Profile>,
    #[serde(default)]
    pub patch: BTreeMap<String, Value>,
    #[serde(default)]
    pub set: BTreeMap<String, BTreeMap<String, Value>>,
    #[serde(default)]
    pub remove: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    #[serde(default)]
    pub copy: BTreeMap<String, String>,
    #[serde(default)]
    pub delete: Vec<String>,
    #[serde(default)]
    pub input: Option<String>,
    #[serde(default)]
    pub expect: Vec<(String, String)>,
    /// The last published version (a case of its own): its manifest is what `--previous`
    /// gives the update rules.
    #[serde(default)]
    pub previous: Option<Box<Case>>,
    /// Simulated `--online` fetch results, by URL as written in the package (the fields of
    /// `online::Fetched`: `redirects`, `status`, `content_type`, `title`, `text`, `error`,
    /// `detail`); with this key the online rules run as after `--online`.
    #[serde(default)]
    pub online: Option<BTreeMap<String, crate::online::Fetched>>,
    /// Free text for the reader of the rule file (not used by the runner).
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    #[serde(default)]
    pub fail: Vec<Case>,
    #[serde(default)]
    pub pass: Vec<Case>,
    /// Why the rule cannot have a failing or passing case built from a package.
    #[serde(default)]
    pub none: Option<String>,
}

/// Sets `value` at `pointer`, creating the last object key, or appending when the last token
/// of an array pointer is its length.
pub fn set_pointer(doc: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        *doc = value;
        return Ok(());
    };
    let last = last.replace("~1", "/").replace("~0", "~");
    let target = if parent.is_empty() {
        Some(doc)
    } else {
        doc.pointer_mut(parent)
    };
    match target {
        Some(Value::Object(map)) => {
            map.insert(last, value);
            Ok(())
        }
        Some(Value::Array(items)) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => {
                items[i] = value;
                Ok(())
            }
            Ok(i) if i == items.len() => {
                items.push(value);
                Ok(())
            }
            _ => Err(format!("bad array index in {pointer}")),
        },
        _ => Err(format!("no object or array at {parent}")),
    }
}

fn remove_pointer(doc: &mut Value, pointer: &str) -> Result<(), String> {
    let (parent, last) = pointer
        .rsplit_once('/')
        .ok_or_else(|| format!("cannot remove {pointer:?}"))?;
    let last = last.replace("~1", "/").replace("~0", "~");
    let target = if parent.is_empty() {
        Some(doc)
    } else {
        doc.pointer_mut(parent)
    };
    match target {
        Some(Value::Object(map)) => map
            .shift_remove(&last)
            .map(|_| ())
            .ok_or_else(|| format!("nothing at {pointer}")),
        Some(Value::Array(items)) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => {
                items.remove(i);
                Ok(())
            }
            _ => Err(format!("bad array index in {pointer}")),
        },
        _ => Err(format!("no object or array at {parent}")),
    }
}

impl Case {
    /// The package of the case.
    pub fn build(&self) -> Result<Pkg, String> {
        // `bot-commands` is fixtures/packages/bot-commands; `connectors/certified` (with a
        // slash) is fixtures/connectors/certified.
        let base = match self.base.as_deref().unwrap_or("bot-commands") {
            b if b.contains('/') => format!("fixtures/{b}"),
            b => format!("fixtures/packages/{b}"),
        };
        let mut pkg = Pkg::from_fixture(&base);
        pkg.files = fixture_files(&base);
        if let Some(p) = self.profile {
            pkg = pkg.profile(p);
        }
        let mut json_files: BTreeMap<String, Value> = BTreeMap::new();
        let names: Vec<&String> = self
            .patch
            .keys()
            .chain(self.set.keys())
            .chain(self.remove.keys())
            .collect();
        for name in names {
            if !json_files.contains_key(name) {
                let v = if pkg.files.iter().any(|(n, _)| n == name) {
                    pkg.json(name)
                } else {
                    Value::Object(Default::default())
                };
                json_files.insert(name.clone(), v);
            }
        }
        for (name, patch) in &self.patch {
            if let Some(v) = json_files.get_mut(name) {
                merge_patch(v, patch);
            }
        }
        for (name, sets) in &self.set {
            if let Some(v) = json_files.get_mut(name) {
                for (pointer, value) in sets {
                    set_pointer(v, pointer, value.clone())?;
                }
            }
        }
        for (name, pointers) in &self.remove {
            if let Some(v) = json_files.get_mut(name) {
                for pointer in pointers {
                    remove_pointer(v, pointer)?;
                }
            }
        }
        for (name, v) in &json_files {
            pkg = pkg.set_json(name, v);
        }
        for (name, text) in &self.files {
            pkg = pkg.set(name, text.clone().into_bytes());
        }
        for (name, from) in &self.copy {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
            let bytes = std::fs::read(&path).map_err(|e| format!("{from}: {e}"))?;
            pkg = pkg.set(name, bytes);
        }
        for name in &self.delete {
            pkg = pkg.remove(name);
        }
        if let Some(input) = &self.input {
            pkg.raw_input = Some(input.clone().into_bytes());
        }
        if let Some(online) = &self.online {
            pkg.online = Some(std::sync::Arc::new(crate::online::OnlineResults {
                by_url: online.clone(),
            }));
        }
        if let Some(prev) = &self.previous {
            let built = prev.build()?;
            let previous = if built.files.iter().any(|(n, _)| n == crate::model::SWAGGER) {
                crate::options::Previous::connector("previous", built.json(crate::model::SWAGGER))
            } else {
                crate::options::Previous::teams("previous.zip", built.json("manifest.json"))
            };
            pkg.previous = Some(std::sync::Arc::new(previous));
        }
        Ok(pkg)
    }
}

/// Every rule file on disk: (path under rules/, parsed JSON).
pub fn rule_files_on_disk() -> Vec<(String, Value)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("rules folder readable");
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("rule file readable");
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rel = path
            .strip_prefix(&root)
            .expect("inside rules")
            .to_string_lossy()
            .replace('\\', "/");
        out.push((rel, value));
    }
    out
}

/// Runs the cases of one rule; returns the problems found.
pub fn run_rule(id: &str, cases: &Cases) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(why) = &cases.none {
        if why.trim().len() < 10 {
            problems.push(format!(
                "{id}: `tests.none` must say why the rule has no case"
            ));
        }
        return problems;
    }
    if cases.fail.is_empty() {
        problems.push(format!("{id}: no failing case"));
    }
    if cases.pass.is_empty() {
        problems.push(format!("{id}: no passing case"));
    }
    for (i, case) in cases.fail.iter().enumerate() {
        let pkg = match case.build() {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!("{id}: fail[{i}]: {e}"));
                continue;
            }
        };
        let hits = pkg.hits(id);
        if case.expect.is_empty() {
            problems.push(format!("{id}: fail[{i}] has no `expect`"));
        } else if hits != case.expect {
            problems.push(format!(
                "{id}: fail[{i}]: expected {:?}, got {hits:?}",
                case.expect
            ));
        }
    }
    for (i, case) in cases.pass.iter().enumerate() {
        match case.build() {
            Ok(pkg) => {
                let hits = pkg.hits(id);
                if !hits.is_empty() {
                    problems.push(format!("{id}: pass[{i}]: got {hits:?}"));
                }
            }
            Err(e) => problems.push(format!("{id}: fail[{i}]: {e}")),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule file's cases run, and every rule has a failing and a passing case (or says
    /// why it cannot). `APPCERT_RULE=<id>` runs one rule's cases only.
    #[test]
    fn every_rule_passes_its_own_cases() {
        let only = std::env::var("APPCERT_RULE").ok();
        let mut problems = Vec::new();
        let mut ran = 0;
        for (path, value) in rule_files_on_disk() {
            let id = value["id"].as_str().unwrap_or_default().to_string();
            if only.as_deref().is_some_and(|o| o != id) {
                continue;
            }
            let cases: Cases = match value.get("tests") {
                Some(t) => match serde_json::from_value(t.clone()) {
                    Ok(c) => c,
                    Err(e) => {
                        problems.push(format!("rules/{path}: tests: {e}"));
                        continue;
                    }
                },
                None => {
                    problems.push(format!("{id}: no `tests` in rules/{path}"));
                    continue;
                }
            };
            ran += 1;
            problems.extend(run_rule(&id, &cases));
        }
        assert!(ran > 0 || only.is_some(), "no rule file has cases");
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn set_and_remove_pointers() {
        let mut v = serde_json::json!({"a": [1, 2], "b": {"c": 1}});
        set_pointer(&mut v, "/a/2", serde_json::json!(3)).unwrap();
        set_pointer(&mut v, "/b/d", serde_json::json!("x")).unwrap();
        remove_pointer(&mut v, "/b/c").unwrap();
        remove_pointer(&mut v, "/a/0").unwrap();
        assert_eq!(v, serde_json::json!({"a": [2, 3], "b": {"d": "x"}}));
        assert!(set_pointer(&mut v, "/a/9", serde_json::json!(0)).is_err());
        assert!(remove_pointer(&mut v, "/zz").is_err());
    }
}
