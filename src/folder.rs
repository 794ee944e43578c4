//! Packages read from disk by the command line: a `.zip` file, or an unpacked folder whose
//! files are listed now and read on first use (within the limits) through [`DirSource`]. The
//! checking core never touches the file system; this module is the command line's.

use crate::finding::Finding;
use crate::limits::Limits;
use crate::package::{
    entry_error_finding, human_bytes, open_zip_bytes, pkg_finding, EntryError, FileSource, Listed,
    Opened, Origin, Package,
};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Opens a `.zip` package from disk.
pub fn open_zip(input: &str, path: &Path, limits: &Limits) -> Opened {
    let refused = |f: Finding| Opened {
        package: None,
        findings: vec![f],
    };
    let unreadable = |e: std::io::Error| {
        refused(pkg_finding(
            "package-unreadable",
            format!("the package could not be read: {e}"),
            "Check that the file exists and is readable.",
        ))
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return unreadable(e),
    };
    if meta.len() > limits.max_input_bytes {
        return refused(pkg_finding(
            "package-limit-exceeded",
            format!(
                "the package file is {} bytes, above the {} limit",
                meta.len(),
                human_bytes(limits.max_input_bytes)
            ),
            "An app package holds a manifest, two icons and a few JSON files; check that the right file was given, or raise the limit with --max-input-bytes.",
        ));
    }
    match std::fs::read(path) {
        Ok(bytes) => open_zip_bytes(input, path, bytes, limits),
        Err(e) => unreadable(e),
    }
}

/// The files of a package folder on disk.
#[derive(Debug)]
pub struct DirSource {
    pub root: PathBuf,
}

impl FileSource for DirSource {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, EntryError> {
        let path = self.root.join(name);
        let file = std::fs::File::open(path).map_err(|e| EntryError::Io(e.to_string()))?;
        let mut buf = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| EntryError::Io(e.to_string()))?;
        Ok(buf)
    }
}

/// Folders never descended into when listing an unpacked package.
pub const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

/// Opens an unpacked package folder (the folder that holds `manifest.json`). Files are listed
/// now and read on first use.
pub fn open_dir(input: &str, dir: &Path, limits: &Limits) -> Opened {
    let mut findings = Vec::new();
    let mut entries: Vec<Listed> = Vec::new();
    let mut listed: u64 = 0;
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(8)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && SKIPPED_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
        });
    for item in walker {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                findings.push(pkg_finding(
                    "package-unreadable",
                    format!("part of the package folder could not be listed: {e}"),
                    "Check the folder's permissions.",
                ));
                continue;
            }
        };
        if item.depth() == 0 || item.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = item.path().strip_prefix(dir) else {
            continue;
        };
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if item.path_is_symlink() {
            findings.push(
                Finding::new(
                    "package-entry-symlink",
                    name.clone(),
                    "",
                    format!("`{name}` is a symbolic link; it is not read"),
                )
                .help("A package must hold real files: replace the link with the file."),
            );
            continue;
        }
        if !item.file_type().is_file() {
            findings.push(
                Finding::new(
                    "package-unreadable",
                    name.clone(),
                    "",
                    format!(
                        "`{name}` is not a regular file (a device, pipe or socket); it is not read"
                    ),
                )
                .help("A package holds regular files only: remove it from the package folder."),
            );
            continue;
        }
        if entries.len() >= limits.max_entries {
            findings.push(pkg_finding(
                "package-limit-exceeded",
                format!(
                    "the package folder holds more than {} files",
                    limits.max_entries
                ),
                "Point appcert at the folder that holds manifest.json and its files only, or raise the limit with --max-entries.",
            ));
            break;
        }
        let size = item.metadata().map(|m| m.len()).unwrap_or(0);
        // A file larger than the limits is a finding now and is never read.
        listed = listed.saturating_add(size);
        let refused = if size > limits.max_entry_bytes {
            Some(EntryError::TooLarge {
                limit: limits.max_entry_bytes,
            })
        } else if listed > limits.max_total_bytes {
            Some(EntryError::TotalLimit {
                limit: limits.max_total_bytes,
            })
        } else {
            None
        };
        if let Some(e) = &refused {
            findings.push(entry_error_finding(&name, e));
        }
        entries.push(Listed {
            name,
            size,
            refused,
        });
    }
    let source = Arc::new(DirSource {
        root: dir.to_path_buf(),
    });
    Opened {
        package: Some(Package::from_source(
            input,
            Origin::Dir(dir.to_path_buf()),
            entries,
            source,
            limits,
        )),
        findings,
    }
}
