//! Turning the paths given on the command line into the list of packages to check.

use crate::folder::SKIPPED_DIRS;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Zip,
    Dir,
}

/// One package to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// How the package is named in reports: the path as given, or as found under it.
    pub display: String,
    pub path: PathBuf,
    pub kind: InputKind,
}

/// A path that cannot be used (usage error, exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoverError(pub String);

impl std::fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn display_join(given: &str, rel: &Path) -> String {
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    let base = given.trim_end_matches(['/', '\\']);
    if base.is_empty() || base == "." {
        if rel.is_empty() {
            ".".to_string()
        } else {
            rel
        }
    } else if rel.is_empty() {
        base.to_string()
    } else {
        format!("{base}/{rel}")
    }
}

/// A zip the Agents Toolkit built for one environment: `<app package>/build/*.zip` where the
/// app package folder holds a manifest.json and belongs to a toolkit project. Left alone by a
/// folder search wherever it starts (as when the project folder itself is given); name the zip
/// to check it.
fn is_toolkit_build_output(zip: &Path) -> bool {
    let Some(build) = zip.parent() else {
        return false;
    };
    if build.file_name().and_then(|n| n.to_str()) != Some("build") {
        return false;
    }
    let Some(app) = build.parent() else {
        return false;
    };
    app.join("manifest.json").is_file()
        && app
            .ancestors()
            .skip(1)
            .take(3)
            .any(crate::env::is_project_root)
}

fn is_zip_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Expands one command-line path into packages.
pub fn discover(given: &str) -> Result<Vec<Input>, DiscoverError> {
    let found: Vec<Input> = discover_iter(given)?.collect();
    if found.is_empty() {
        return Err(no_package(given));
    }
    Ok(found)
}

/// No package under a path that was searched.
pub fn no_package(given: &str) -> DiscoverError {
    DiscoverError(format!(
        "{given}: no app package found (no .zip file, no folder with a manifest.json, no connector folder with apiDefinition.swagger.json or apiProperties.json)"
    ))
}

/// The packages one command-line path names, found as the search goes (a folder search is
/// not collected first): a path that cannot be used is an error at once; an iterator that
/// yields nothing means no package was found ([`no_package`]).
pub fn discover_iter(given: &str) -> Result<Box<dyn Iterator<Item = Input> + Send>, DiscoverError> {
    let path = PathBuf::from(given);
    let meta = std::fs::metadata(&path)
        .map_err(|e| DiscoverError(format!("{given}: {}", io_reason(&e))))?;
    if meta.is_file() {
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_manifest = file_name == "manifest.json";
        // A connector's swagger or apiProperties.json: its folder is the package.
        let is_connector_file = file_name.eq_ignore_ascii_case("apiProperties.json")
            || crate::kinds::connector::is_swagger_like(file_name);
        if is_manifest || is_connector_file {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            let display = match given.rsplit_once(['/', '\\']) {
                Some((d, _)) if !d.is_empty() => d.to_string(),
                _ => ".".to_string(),
            };
            return Ok(Box::new(std::iter::once(Input {
                display,
                path: dir,
                kind: InputKind::Dir,
            })));
        }
        return Ok(Box::new(std::iter::once(Input {
            display: given.to_string(),
            path,
            kind: InputKind::Zip,
        })));
    }
    if path.join("manifest.json").is_file() || is_connector_dir(&path) {
        return Ok(Box::new(std::iter::once(Input {
            display: nonempty_or_dot(given.trim_end_matches(['/', '\\'])),
            path,
            kind: InputKind::Dir,
        })));
    }
    if let Some(app) = toolkit_app_package(&path) {
        let rel = app.strip_prefix(&path).unwrap_or(&app).to_path_buf();
        return Ok(Box::new(std::iter::once(Input {
            display: display_join(given, &rel),
            path: app,
            kind: InputKind::Dir,
        })));
    }
    let given = given.to_string();
    let walker = walkdir::WalkDir::new(&path)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && SKIPPED_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
        });
    Ok(Box::new(walker.filter_map(Result::ok).filter_map(
        move |entry| {
            let rel = entry.path().strip_prefix(&path).unwrap_or(entry.path());
            let kind = if entry.file_type().is_dir() {
                (entry.path().join("manifest.json").is_file() || is_connector_dir(entry.path()))
                    .then_some(InputKind::Dir)
            } else {
                (entry.file_type().is_file()
                    && is_zip_name(entry.path())
                    && !is_toolkit_build_output(entry.path()))
                .then_some(InputKind::Zip)
            };
            kind.map(|kind| Input {
                display: display_join(&given, rel),
                path: entry.path().to_path_buf(),
                kind,
            })
        },
    )))
}

/// In a Microsoft 365 Agents Toolkit project folder (one holding m365agents.yml or
/// teamsapp.yml), the app package template folder: the folder of the first `manifestPath` the
/// project file names, else `appPackage/`, when it holds a manifest.json. Built zips under
/// `appPackage/build/` are left alone: they are the toolkit's output for one environment; check
/// them by naming them.
pub fn toolkit_app_package(dir: &Path) -> Option<PathBuf> {
    let project_file = crate::env::PROJECT_FILES
        .iter()
        .map(|f| dir.join(f))
        .find(|p| p.is_file())?;
    let mut candidates = Vec::new();
    if let Ok(text) = std::fs::read_to_string(&project_file) {
        let named = text.lines().find_map(|l| {
            let v = l.trim().strip_prefix("manifestPath:")?.trim();
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            (!v.is_empty() && !v.contains("${{")).then(|| v.to_string())
        });
        if let Some(m) = named {
            if let Some(parent) = Path::new(&m).parent() {
                candidates.push(dir.join(parent));
            }
        }
    }
    candidates.push(dir.join("appPackage"));
    candidates
        .into_iter()
        .find(|c| c.join("manifest.json").is_file())
        .map(|c| {
            PathBuf::from_iter(
                c.components()
                    .filter(|x| !matches!(x, std::path::Component::CurDir)),
            )
        })
}

/// Whether a folder is a Power Platform connector: it holds `apiDefinition.swagger.json`,
/// `apiProperties.json` or a misnamed swagger, and no `manifest.json` (a connector folder is
/// never taken for a Teams package, nor a Teams package for a connector). A folder directly
/// inside `certified-connectors/` or `independent-publisher-connectors/` is a connector
/// whatever it holds (its missing files are reported).
pub fn is_connector_dir(dir: &Path) -> bool {
    let Ok(read) = std::fs::read_dir(dir) else {
        return false;
    };
    let in_repository = crate::kinds::connector::in_repository_folder(&dir.to_string_lossy());
    let names: Vec<String> = read
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if in_repository && !names.iter().any(|n| n == "manifest.json") {
        return true;
    }
    crate::kinds::connector::is_connector_listing(names.iter().map(String::as_str))
}

fn nonempty_or_dot(s: &str) -> String {
    if s.is_empty() {
        ".".to_string()
    } else {
        s.to_string()
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Expands every given path, keeping their order and dropping duplicates.
pub fn discover_all(given: &[String]) -> Result<Vec<Input>, DiscoverError> {
    // One path never yields the same package twice: no set of every path to keep.
    if let [one] = given {
        return discover(one);
    }
    let mut out: Vec<Input> = Vec::new();
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for g in given {
        for input in discover(g)? {
            if seen.insert(input.path.clone()) {
                out.push(input);
            }
        }
    }
    Ok(out)
}
