//! Packages read from disk by the command line: a `.zip` file, or an unpacked folder whose
//! files are listed now and read on first use (within the limits) through [`DirSource`]. The
//! checking core never touches the file system; this module is the command line's.

use crate::finding::Finding;
use crate::limits::Limits;
use crate::package::{
    entry_error_finding, human_bytes, open_zip_bytes, pkg_finding, EntryError, FileSource, Listed,
    Opened, Origin, Package,
};
use std::collections::BTreeMap;
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
        // Sized from the metadata (within the limit), so a big file is not read into a buffer
        // doubled past its size.
        let size = file.metadata().map_or(0, |m| m.len()).min(limit + 1);
        let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| EntryError::Io(e.to_string()))?;
        Ok(buf)
    }
}

/// A package folder with some files replaced by in-memory buffers.
#[derive(Debug)]
struct BufferedDirSource {
    dir: DirSource,
    buffers: BTreeMap<String, Vec<u8>>,
}

impl FileSource for BufferedDirSource {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, EntryError> {
        match self.buffers.get(name) {
            // As from disk: at most `limit + 1` bytes, the caller tells a file too large.
            Some(b) => Ok(b[..b.len().min(limit.saturating_add(1) as usize)].to_vec()),
            None => self.dir.read(name, limit),
        }
    }
}

/// Folders never descended into when listing an unpacked package.
pub const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

/// Opens an unpacked package folder (the folder that holds `manifest.json`). Files are listed
/// now and read on first use.
pub fn open_dir(input: &str, dir: &Path, limits: &Limits) -> Opened {
    open_dir_with_buffers(input, dir, BTreeMap::new(), limits)
}

/// Opens a package folder with some of its files replaced by in-memory text (an editor's
/// unsaved buffers, keyed by package path): a buffer wins over the file on disk, and a buffer
/// with no file on disk yet is a file of the package too. Otherwise exactly [`open_dir`].
pub fn open_dir_with_buffers(
    input: &str,
    dir: &Path,
    buffers: BTreeMap<String, Vec<u8>>,
    limits: &Limits,
) -> Opened {
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
        let size = match buffers.get(&name) {
            Some(b) => b.len() as u64,
            None => item.metadata().map(|m| m.len()).unwrap_or(0),
        };
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
    // Buffers of files not yet on disk (a new file not saved yet).
    for (name, bytes) in &buffers {
        if entries.iter().any(|e| &e.name == name) || entries.len() >= limits.max_entries {
            continue;
        }
        let size = bytes.len() as u64;
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
            findings.push(entry_error_finding(name, e));
        }
        entries.push(Listed {
            name: name.clone(),
            size,
            refused,
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    let source: Arc<dyn FileSource> = if buffers.is_empty() {
        Arc::new(DirSource {
            root: dir.to_path_buf(),
        })
    } else {
        Arc::new(BufferedDirSource {
            dir: DirSource {
                root: dir.to_path_buf(),
            },
            buffers,
        })
    };
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
