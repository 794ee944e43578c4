//! Microsoft 365 Agents Toolkit environments: reading `env/.env.<name>` files and resolving the
//! toolkit's `${{VAR}}` placeholders in the package's JSON files, in memory.
//!
//! Precedence follows the toolkit (`packages/fx-core/src/component/utils/envUtil.ts`,
//! `readEnv`/`mergeEnv`): a variable set to a non-empty value wins over sources below it, and
//! an empty value counts as unset. From highest to lowest:
//!
//! 1. the process environment;
//! 2. files given with `--env-file` (a later one wins over an earlier one);
//! 3. `env/.env.<name>` of the project (`--env <name>`);
//! 4. `env/.env.<name>.user` (the toolkit fills only what `.env.<name>` leaves unset or empty).
//!
//! `TEAMSFX_ENV` is set to `<name>`, as the toolkit does. Placeholders are matched as the
//! toolkit's `expandEnvironmentVariable` does: `${{ NAME }}` with optional spaces, NAME an
//! identifier; a variable that is unset or empty stays as written.

use serde_json::Value;
use std::collections::HashMap;
#[cfg(feature = "cli")]
use std::path::Path;
use std::path::PathBuf;

/// Project files that mark an Agents Toolkit (formerly Teams Toolkit) project root.
pub const PROJECT_FILES: [&str; 2] = ["m365agents.yml", "teamsapp.yml"];

/// What the user asked for on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvSpec {
    /// `--env NAME`: read `env/.env.NAME` (and `.user`) of the package's project.
    pub name: Option<String>,
    /// `--env-file FILE`, in the order given.
    pub files: Vec<PathBuf>,
}

impl EnvSpec {
    /// Whether templates are resolved at all (without `--env`/`--env-file` they are not).
    pub fn is_active(&self) -> bool {
        self.name.is_some() || !self.files.is_empty()
    }
}

/// Resolved variables for one package.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: HashMap<String, String>,
    /// Where a missing variable should be defined, for messages (`env/.env.dev`).
    pub define_in: String,
}

/// Parses dotenv text as the toolkit's `DotenvUtil.deserialize` reads it: `KEY=VALUE` (or
/// `KEY: VALUE`), optional `export`, `#` comments (whole-line and after an unquoted value),
/// values in single, double or back quotes (double quotes expand `\n` and `\r`).
pub fn parse_dotenv(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(kv) = parse_line(line) {
            out.push(kv);
        }
    }
    out
}

fn parse_line(line: &str) -> Option<(String, String)> {
    let mut rest = line.trim_start();
    if let Some(r) = rest.strip_prefix("export") {
        if r.starts_with(char::is_whitespace) {
            rest = r.trim_start();
        }
    }
    let key_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .unwrap_or(rest.len());
    if key_len == 0 {
        return None;
    }
    let key = &rest[..key_len];
    let after = &rest[key_len..];
    let value_part = {
        let t = after.trim_start();
        if let Some(v) = t.strip_prefix('=') {
            v
        } else if let Some(v) = t.strip_prefix(':') {
            // `KEY: VALUE` needs whitespace after the colon.
            if !v.starts_with(char::is_whitespace) && !v.is_empty() {
                return None;
            }
            v
        } else {
            return None;
        }
    };
    let v = value_part.trim_start();
    let value = match v.chars().next() {
        Some(q @ ('"' | '\'' | '`')) => match v[1..].find(q) {
            Some(end) => {
                let inner = &v[1..1 + end];
                if q == '"' {
                    inner.replace("\\n", "\n").replace("\\r", "\r")
                } else {
                    inner.to_string()
                }
            }
            // An unterminated quote: the toolkit keeps the text up to a comment.
            None => v.split('#').next().unwrap_or("").trim().to_string(),
        },
        _ => v.split('#').next().unwrap_or("").trim().to_string(),
    };
    Some((key.to_string(), value))
}

#[cfg(feature = "cli")]
/// The Agents Toolkit project a package folder belongs to: the nearest folder at or above it
/// that holds `m365agents.yml` or `teamsapp.yml`.
pub fn project_root(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir: Option<&Path> = Some(start.as_path());
    while let Some(d) = dir {
        if is_project_root(d) {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

#[cfg(feature = "cli")]
/// Whether `dir` holds an Agents Toolkit project file.
pub fn is_project_root(dir: &Path) -> bool {
    PROJECT_FILES.iter().any(|f| dir.join(f).is_file())
}

#[cfg(feature = "cli")]
fn read_file(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

#[cfg(feature = "cli")]
/// The environment names a project defines (`env/.env.<name>` files), sorted.
fn env_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("env"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let name = n.strip_prefix(".env.")?;
            (!name.is_empty() && !name.ends_with(".user")).then(|| name.to_string())
        })
        .collect();
    names.sort();
    names
}

impl Env {
    /// An environment from explicit variables (tests, embedding).
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>, define_in: &str) -> Env {
        Env {
            vars: vars.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
            define_in: define_in.to_string(),
        }
    }

    #[cfg(feature = "cli")]
    /// Loads the environment of the package at `package_dir` (a package folder, or the folder
    /// holding a package zip). An error is a usage error: an `--env` whose file the project
    /// lacks, or an env file that cannot be read.
    pub fn load(spec: &EnvSpec, package_dir: &Path) -> Result<Env, String> {
        Self::load_with(spec, package_dir, std::env::vars())
    }

    #[cfg(feature = "cli")]
    /// [`Env::load`] with the process environment given explicitly.
    pub fn load_with(
        spec: &EnvSpec,
        package_dir: &Path,
        process: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Env, String> {
        // Lowest precedence first; each later source overrides with non-empty values.
        let mut layers: Vec<Vec<(String, String)>> = Vec::new();
        let mut define_in = Vec::new();
        if let Some(name) = &spec.name {
            match project_root(package_dir) {
                Some(root) => {
                    let file = root.join("env").join(format!(".env.{name}"));
                    if !file.is_file() {
                        let known = env_names(&root);
                        return Err(format!(
                            "--env {name}: {} does not exist ({})",
                            file.display(),
                            if known.is_empty() {
                                "the project has no env/.env.<name> file".to_string()
                            } else {
                                format!("environments of this project: {}", known.join(", "))
                            }
                        ));
                    }
                    let user = root.join("env").join(format!(".env.{name}.user"));
                    if user.is_file() {
                        layers.push(parse_dotenv(&read_file(&user)?));
                    }
                    layers.push(parse_dotenv(&read_file(&file)?));
                    define_in.push(format!("env/.env.{name}"));
                }
                None => define_in.push(format!(
                    "env/.env.{name} of the Agents Toolkit project (no m365agents.yml or teamsapp.yml found at or above {})",
                    package_dir.display()
                )),
            }
            layers.push(vec![("TEAMSFX_ENV".to_string(), name.clone())]);
        }
        for f in &spec.files {
            layers.push(parse_dotenv(&read_file(f)?));
            define_in.push(f.display().to_string());
        }
        layers.push(process.into_iter().collect());
        let mut vars = HashMap::new();
        for layer in layers {
            for (k, v) in layer {
                if !v.is_empty() {
                    vars.insert(k, v);
                }
            }
        }
        let define_in = match define_in.len() {
            0 => "the environment".to_string(),
            _ => define_in.join(" or "),
        };
        Ok(Env { vars, define_in })
    }

    /// The value of a variable, when set and non-empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// `s` with every resolvable `${{VAR}}` replaced; `None` when nothing changed.
    pub fn substitute(&self, s: &str) -> Option<String> {
        if !s.contains("${{") {
            return None;
        }
        let mut out = String::with_capacity(s.len());
        let mut changed = false;
        let mut rest = s;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            match placeholder_name(tail) {
                Some((name, len)) => match self.get(name) {
                    Some(v) => {
                        out.push_str(v);
                        changed = true;
                        rest = &tail[len..];
                    }
                    None => {
                        out.push_str(&tail[..len]);
                        rest = &tail[len..];
                    }
                },
                None => {
                    out.push_str("${{");
                    rest = &tail[3..];
                }
            }
        }
        out.push_str(rest);
        changed.then_some(out)
    }

    /// Resolves placeholders in every string value and object key of `value`, in place.
    /// Returns whether anything changed.
    pub fn apply(&self, value: &mut Value) -> bool {
        match value {
            Value::String(s) => match self.substitute(s) {
                Some(new) => {
                    *s = new;
                    true
                }
                None => false,
            },
            Value::Array(items) => {
                let mut changed = false;
                for v in items.iter_mut() {
                    changed |= self.apply(v);
                }
                changed
            }
            Value::Object(map) => {
                let mut changed = false;
                if map.keys().any(|k| k.contains("${{")) {
                    let old = std::mem::take(map);
                    for (k, v) in old {
                        let key = match self.substitute(&k) {
                            Some(new) => {
                                changed = true;
                                new
                            }
                            None => k,
                        };
                        map.insert(key, v);
                    }
                }
                for v in map.values_mut() {
                    changed |= self.apply(v);
                }
                changed
            }
            _ => false,
        }
    }
}

/// `${{ NAME }}` at the start of `s`: the name and the placeholder's length.
pub fn placeholder_name(s: &str) -> Option<(&str, usize)> {
    let inner_start = 3;
    let body = s.get(inner_start..)?;
    let end = body.find("}}")?;
    let inner = &body[..end];
    let name = inner.trim_matches(' ');
    let mut chars = name.chars();
    let first = chars.next()?;
    if !(first.is_ascii_alphabetic() || first == '_')
        || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    Some((name, inner_start + end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotenv_syntax() {
        let text = "# comment\nA=1\nexport B = two # note\nC=\"x # y\\nz\"\nD='q'\nE=\nF: g\n  bad line\nH.I-J=k\n";
        let got = parse_dotenv(text);
        let want: Vec<(String, String)> = [
            ("A", "1"),
            ("B", "two"),
            ("C", "x # y\nz"),
            ("D", "q"),
            ("E", ""),
            ("F", "g"),
            ("H.I-J", "k"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn substitutes_toolkit_placeholders_only() {
        let env = Env::from_vars(
            [
                ("A".to_string(), "1".to_string()),
                ("E".to_string(), String::new()),
            ],
            "env/.env.dev",
        );
        assert_eq!(env.substitute("x${{A}}y${{ A }}").as_deref(), Some("x1y1"));
        assert_eq!(env.substitute("${{B}}-${{A}}").as_deref(), Some("${{B}}-1"));
        assert_eq!(env.substitute("${{E}}"), None, "empty counts as unset");
        assert_eq!(env.substitute("{{A}} <<A>> ${A}"), None);
        assert_eq!(env.substitute("${{1A}}"), None);
        let mut v = json!({"k": ["${{A}}", {"${{A}}": "${{A}}"}], "n": 1});
        assert!(env.apply(&mut v));
        assert_eq!(v, json!({"k": ["1", {"1": "1"}], "n": 1}));
    }

    #[test]
    fn precedence_follows_the_toolkit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("m365agents.yml"), "version: v1.9\n").expect("write");
        std::fs::create_dir_all(root.join("env")).expect("mkdir");
        std::fs::create_dir_all(root.join("appPackage")).expect("mkdir");
        std::fs::write(root.join("env/.env.dev"), "A=file\nB=\nC=file\nD=file\n").expect("w");
        std::fs::write(root.join("env/.env.dev.user"), "A=user\nB=user\nE=user\n").expect("w");
        let extra = root.join("extra.env");
        std::fs::write(&extra, "C=extra\n").expect("w");
        let spec = EnvSpec {
            name: Some("dev".to_string()),
            files: vec![extra],
        };
        let process = [("D".to_string(), "process".to_string())];
        let env = Env::load_with(&spec, &root.join("appPackage"), process).expect("load");
        assert_eq!(env.get("A"), Some("file"));
        assert_eq!(env.get("B"), Some("user"));
        assert_eq!(env.get("C"), Some("extra"));
        assert_eq!(env.get("D"), Some("process"));
        assert_eq!(env.get("E"), Some("user"));
        assert_eq!(env.get("TEAMSFX_ENV"), Some("dev"));
        assert!(env.define_in.starts_with("env/.env.dev"));
        let missing = EnvSpec {
            name: Some("prod".to_string()),
            files: vec![],
        };
        let err = Env::load_with(&missing, &root.join("appPackage"), []).unwrap_err();
        assert!(err.contains("environments of this project: dev"), "{err}");
    }
}
