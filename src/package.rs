//! Reading an app package into memory: a `.zip` file or an unpacked folder. Nothing is ever
//! extracted to disk. Problems with the package itself become findings, never panics.

use crate::finding::Finding;
use crate::limits::Limits;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where a package comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Zip(PathBuf),
    Dir(PathBuf),
}

/// Why an entry's bytes are not available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryError {
    TooLarge { limit: u64 },
    Bomb { ratio: u64 },
    TotalLimit { limit: u64 },
    Encrypted,
    UnsupportedCompression(String),
    Corrupt(String),
    Io(String),
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryError::TooLarge { limit } => {
                write!(
                    f,
                    "it is larger than the {} limit for one file",
                    human_bytes(*limit)
                )
            }
            EntryError::Bomb { ratio } => write!(
                f,
                "it expands more than {ratio} times its compressed size (a decompression bomb)"
            ),
            EntryError::TotalLimit { limit } => write!(
                f,
                "the package expands beyond the {} limit for a whole package",
                human_bytes(*limit)
            ),
            EntryError::Encrypted => f.write_str("it is encrypted"),
            EntryError::UnsupportedCompression(m) => {
                write!(
                    f,
                    "it uses the {m} compression method, which Teams does not read"
                )
            }
            EntryError::Corrupt(m) => write!(f, "it is corrupt ({m})"),
            EntryError::Io(m) => write!(f, "it could not be read ({m})"),
        }
    }
}

pub fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 && n.is_multiple_of(1024 * 1024) {
        format!("{} MiB", n / (1024 * 1024))
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// One file of the package.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    /// Declared (zip) or actual (folder) uncompressed size; informational only.
    pub declared_size: u64,
    source: EntrySource,
    data: OnceLock<Result<Vec<u8>, EntryError>>,
}

#[derive(Debug)]
enum EntrySource {
    /// Bytes were read when the package was opened (a zip, an in-memory file set).
    Loaded,
    /// Read on first use from the package's [`FileSource`].
    Source,
}

/// Where the files of a package come from when they are read on first use: a folder read by
/// the command line, an editor's buffers over a folder… The core never reads a file itself.
pub trait FileSource: Send + Sync + std::fmt::Debug {
    /// The bytes of the package file `name`, at most `limit` bytes (more is
    /// [`EntryError::TooLarge`]).
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, EntryError>;
}

/// An app package held in memory.
#[derive(Debug)]
pub struct Package {
    /// The path as the user gave it (or as discovered).
    pub input: String,
    pub origin: Origin,
    entries: BTreeMap<String, Entry>,
    /// Folder entries of a zip (names ending in `/`).
    pub folder_entries: Vec<String>,
    limits: Limits,
    total_read: std::sync::atomic::AtomicU64,
    source: Option<std::sync::Arc<dyn FileSource>>,
}

/// A file listed by a [`FileSource`] when a package is opened: its name and size, or why it is
/// refused now (above the limits).
pub struct Listed {
    pub name: String,
    pub size: u64,
    pub refused: Option<EntryError>,
}

impl Package {
    /// A package whose files are read on first use from `source` (names listed up front).
    pub fn from_source(
        input: &str,
        origin: Origin,
        listed: Vec<Listed>,
        source: std::sync::Arc<dyn FileSource>,
        limits: &Limits,
    ) -> Package {
        let mut entries = BTreeMap::new();
        for l in listed {
            let data = OnceLock::new();
            if let Some(e) = l.refused {
                let _ = data.set(Err(e));
            }
            entries.insert(
                l.name.clone(),
                Entry {
                    name: l.name,
                    declared_size: l.size,
                    source: EntrySource::Source,
                    data,
                },
            );
        }
        Package {
            input: input.to_string(),
            origin,
            entries,
            folder_entries: Vec::new(),
            limits: *limits,
            total_read: std::sync::atomic::AtomicU64::new(0),
            source: Some(source),
        }
    }

    pub fn is_zip(&self) -> bool {
        matches!(self.origin, Origin::Zip(_))
    }

    /// Names of all files in the package, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.get(name)
    }

    /// A name in the package that equals `name` ignoring ASCII case, when `name` itself is absent.
    pub fn case_insensitive_match(&self, name: &str) -> Option<&str> {
        if self.contains(name) {
            return None;
        }
        self.names().find(|n| n.eq_ignore_ascii_case(name))
    }

    /// The bytes of an entry, read (for folders) on first use within the limits.
    pub fn read(&self, name: &str) -> Option<Result<&[u8], EntryError>> {
        let entry = self.entries.get(name)?;
        let result = entry
            .data
            .get_or_init(|| match (&entry.source, &self.source) {
                (EntrySource::Source, Some(source)) => self.read_from(source.as_ref(), name),
                _ => Err(EntryError::Io("not loaded".into())),
            });
        Some(result.as_ref().map(Vec::as_slice).map_err(Clone::clone))
    }

    fn read_from(&self, source: &dyn FileSource, name: &str) -> Result<Vec<u8>, EntryError> {
        use std::sync::atomic::Ordering;
        let limit = self.limits.max_entry_bytes;
        let buf = source.read(name, limit)?;
        if buf.len() as u64 > limit {
            return Err(EntryError::TooLarge { limit });
        }
        let total = self
            .total_read
            .fetch_add(buf.len() as u64, Ordering::Relaxed)
            + buf.len() as u64;
        if total > self.limits.max_total_bytes {
            return Err(EntryError::TotalLimit {
                limit: self.limits.max_total_bytes,
            });
        }
        Ok(buf)
    }

    /// Human label for a file of the package: `app.zip/manifest.json` or `dir/manifest.json`.
    pub fn display_file(&self, file: &str) -> String {
        if file.is_empty() {
            return self.input.clone();
        }
        let base = self.input.trim_end_matches(['/', '\\']);
        if base.is_empty() || base == "." {
            file.to_string()
        } else {
            format!("{base}/{file}")
        }
    }
}

/// Outcome of opening a package: the package when it could be opened, and the findings about it.
pub struct Opened {
    pub package: Option<Package>,
    pub findings: Vec<Finding>,
}

pub(crate) fn pkg_finding(rule: &str, message: String, help: &str) -> Finding {
    Finding::new(rule, "", "", message).help(help)
}

pub(crate) const ZIP_HELP: &str = "Rebuild the package with a standard zip tool (for example `zip -r app.zip manifest.json color.png outline.png`, run inside the folder) or let the Agents Toolkit create it.";

/// Whether an entry name is unsafe or malformed, and why.
pub fn unsafe_name_reason(name: &str) -> Option<&'static str> {
    if name.contains('\0') {
        return Some("contains a NUL byte");
    }
    if name.contains('\\') {
        return Some("uses backslashes as separators");
    }
    if name.starts_with('/') {
        return Some("is an absolute path");
    }
    let bytes = name.as_bytes();
    if bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic() {
        return Some("starts with a drive letter");
    }
    if name.split('/').any(|seg| seg == "..") {
        return Some("climbs out of the package with `..`");
    }
    None
}

/// Opens a zip package held in memory.
pub fn open_zip_bytes(input: &str, path: &Path, bytes: Vec<u8>, limits: &Limits) -> Opened {
    let mut findings = Vec::new();
    if bytes.is_empty() {
        findings.push(pkg_finding(
            "package-empty",
            "the package file is empty (0 bytes)".into(),
            ZIP_HELP,
        ));
        return Opened {
            package: None,
            findings,
        };
    }
    if !bytes.starts_with(b"PK") {
        let what = sniff(&bytes);
        findings.push(pkg_finding(
            "package-not-zip",
            format!("the package is not a zip archive (it looks like {what})"),
            ZIP_HELP,
        ));
        return Opened {
            package: None,
            findings,
        };
    }
    // Refuse an archive with too many entries before the zip crate parses (and allocates
    // for) its central directory.
    if let Some(count) = declared_entry_count(&bytes) {
        if count > limits.max_entries as u64 {
            findings.push(too_many_entries(count, limits));
            return Opened {
                package: None,
                findings,
            };
        }
    }
    let cursor = std::io::Cursor::new(bytes.as_slice());
    let mut archive = match zip::ZipArchive::new(cursor) {
        Ok(a) => a,
        Err(e) => {
            findings.push(pkg_finding(
                "package-corrupt-zip",
                format!("the zip archive is corrupt or truncated: {e}"),
                ZIP_HELP,
            ));
            return Opened {
                package: None,
                findings,
            };
        }
    };
    if archive.len() > limits.max_entries {
        findings.push(too_many_entries(archive.len() as u64, limits));
        return Opened {
            package: None,
            findings,
        };
    }
    if archive.has_duplicate_names() {
        for name in duplicate_names(&bytes) {
            findings.push(
                Finding::new(
                    "package-duplicate-entry",
                    name.clone(),
                    "",
                    format!("the zip archive holds `{name}` more than once"),
                )
                .help("Rebuild the package so that every file appears once; which copy Teams reads is undefined.")
                .whole_file(),
            );
        }
    }
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    let mut folder_entries = Vec::new();
    let mut total: u64 = 0;
    let mut total_exceeded = false;
    for index in 0..archive.len() {
        // Metadata first, without decompressing anything.
        let (name, declared, compressed, is_dir, is_symlink, encrypted, method) =
            match archive.by_index_raw(index) {
                Ok(f) => {
                    let name = String::from_utf8_lossy(f.name_raw()).into_owned();
                    (
                        name,
                        f.size(),
                        f.compressed_size(),
                        f.is_dir(),
                        f.is_symlink(),
                        f.encrypted(),
                        f.compression(),
                    )
                }
                Err(e) => {
                    findings.push(pkg_finding(
                        "package-corrupt-zip",
                        format!("entry #{index} of the zip archive cannot be read: {e}"),
                        ZIP_HELP,
                    ));
                    continue;
                }
            };
        if let Some(reason) = unsafe_name_reason(&name) {
            findings.push(
                Finding::new(
                    "package-entry-unsafe-name",
                    name.clone(),
                    "",
                    format!("the entry name `{}` {reason}", name.escape_debug()),
                )
                .help("Entry names must be relative paths with `/` separators inside the package. Rebuild the zip from the package folder."),
            );
            continue;
        }
        if is_symlink {
            findings.push(
                Finding::new(
                    "package-entry-symlink",
                    name.clone(),
                    "",
                    format!("`{name}` is a symbolic link; a package must hold real files"),
                )
                .help("Replace the link with the file it points to, then rebuild the package."),
            );
            continue;
        }
        if is_dir {
            folder_entries.push(name);
            continue;
        }
        let data: Result<Vec<u8>, EntryError> = if encrypted {
            Err(EntryError::Encrypted)
        } else if let Some(unsupported) = unsupported_method(method) {
            unsupported
        } else if total_exceeded {
            Err(EntryError::TotalLimit {
                limit: limits.max_total_bytes,
            })
        } else {
            match archive.by_index(index) {
                Ok(file) => read_capped(file, compressed, limits, &mut total),
                Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                    Err(EntryError::Encrypted)
                }
                Err(zip::result::ZipError::UnsupportedArchive(_))
                | Err(zip::result::ZipError::CompressionMethodNotSupported(_)) => {
                    Err(EntryError::UnsupportedCompression(method.to_string()))
                }
                Err(e) => Err(EntryError::Corrupt(e.to_string())),
            }
        };
        if matches!(data, Err(EntryError::TotalLimit { .. })) {
            total_exceeded = true;
        }
        if entries.contains_key(&name) {
            findings.push(
                Finding::new(
                    "package-duplicate-entry",
                    name.clone(),
                    "",
                    format!("the zip archive holds `{name}` more than once"),
                )
                .help("Rebuild the package so that every file appears once; which copy Teams reads is undefined."),
            );
            continue;
        }
        if data.as_deref().is_ok_and(is_zip_data) {
            findings.push(
                Finding::new(
                    "package-nested-zip",
                    name.clone(),
                    "",
                    format!("`{name}` is a zip archive inside the package"),
                )
                .help("Partner Center does not open archives inside the package. If this is the app package itself, it was zipped twice: zip manifest.json and the icons directly. Otherwise remove the archive.")
                .whole_file(),
            );
        }
        let cell = OnceLock::new();
        let _ = cell.set(data);
        entries.insert(
            name.clone(),
            Entry {
                name,
                declared_size: declared,
                source: EntrySource::Loaded,
                data: cell,
            },
        );
    }
    let package = Package {
        input: input.to_string(),
        origin: Origin::Zip(path.to_path_buf()),
        entries,
        folder_entries,
        limits: *limits,
        total_read: std::sync::atomic::AtomicU64::new(total),
        source: None,
    };
    // Report entries that could not be read, once each.
    for entry in package.entries.values() {
        if let Some(Err(e)) = entry.data.get() {
            findings.push(entry_error_finding(&entry.name, e));
        }
    }
    Opened {
        package: Some(package),
        findings,
    }
}

/// The error for an entry whose compression method appcert (and Teams) does not read: all but
/// stored and deflate. Method 99 is AES encryption.
fn unsupported_method(method: zip::CompressionMethod) -> Option<Result<Vec<u8>, EntryError>> {
    use zip::CompressionMethod as M;
    if matches!(method, M::Stored | M::Deflated) {
        return None;
    }
    #[allow(deprecated)] // the raw number is what tells the methods apart here
    let code = method.to_u16();
    if code == 99 {
        return Some(Err(EntryError::Encrypted));
    }
    let name = match code {
        12 => "bzip2".to_string(),
        14 => "LZMA".to_string(),
        93 => "Zstandard".to_string(),
        95 => "XZ".to_string(),
        9 => "Deflate64".to_string(),
        98 => "PPMd".to_string(),
        n => format!(
            "{} (number {n})",
            zip::CompressionMethod::name_from_u16(n).to_lowercase()
        ),
    };
    Some(Err(EntryError::UnsupportedCompression(name)))
}

fn too_many_entries(count: u64, limits: &Limits) -> Finding {
    pkg_finding(
        "package-limit-exceeded",
        format!(
            "the package holds {count} entries, above the limit of {}",
            limits.max_entries
        ),
        "An app package holds a manifest, two icons and a few referenced files; rebuild it with only those, or raise the limit with --max-entries.",
    )
}

/// Offset of the end-of-central-directory record: the last signature within the final
/// 64 KiB + 22 bytes.
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let start = bytes.len().saturating_sub(65_557);
    (start..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
}

/// The number of entries the end record declares (the zip64 record's when the classic one
/// says 0xFFFF), read without trusting anything else.
fn declared_entry_count(bytes: &[u8]) -> Option<u64> {
    let eocd = find_eocd(bytes)?;
    let count = bytes
        .get(eocd + 10..eocd + 12)
        .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))?;
    if count != 0xFFFF {
        return Some(count);
    }
    // Zip64 end of central directory locator, 20 bytes before the classic record.
    let locator = eocd.checked_sub(20)?;
    if !bytes.get(locator..)?.starts_with(b"PK\x06\x07") {
        return Some(count);
    }
    let u64_at = |o: usize| {
        bytes
            .get(o..o.checked_add(8)?)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let record = usize::try_from(u64_at(locator + 8)?).ok()?;
    if !bytes.get(record..)?.starts_with(b"PK\x06\x06") {
        return Some(count);
    }
    u64_at(record.checked_add(32)?)
}

/// Whether entry bytes are themselves a zip archive.
pub fn is_zip_data(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Names that occur more than once in the zip's central directory (the zip crate keeps only
/// one entry per name, so they are read from the directory records themselves).
fn duplicate_names(bytes: &[u8]) -> Vec<String> {
    let u16_at = |o: usize| {
        bytes
            .get(o..o + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    let u32_at = |o: usize| {
        bytes
            .get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let Some(eocd) = find_eocd(bytes) else {
        return Vec::new();
    };
    let (Some(count), Some(mut offset)) = (u16_at(eocd + 10), u32_at(eocd + 16)) else {
        return Vec::new();
    };
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for _ in 0..count {
        if !bytes
            .get(offset..)
            .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
        {
            break;
        }
        let (Some(n), Some(e), Some(c)) = (
            u16_at(offset + 28),
            u16_at(offset + 30),
            u16_at(offset + 32),
        ) else {
            break;
        };
        let Some(name) = bytes.get(offset + 46..offset + 46 + n) else {
            break;
        };
        *seen
            .entry(String::from_utf8_lossy(name).into_owned())
            .or_default() += 1;
        offset += 46 + n + e + c;
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(name, _)| name)
        .collect()
}

/// The finding for an entry whose bytes could not be obtained.
pub fn entry_error_finding(name: &str, error: &EntryError) -> Finding {
    let (rule, help) = match error {
        EntryError::TooLarge { .. } | EntryError::Bomb { .. } | EntryError::TotalLimit { .. } => (
            "package-limit-exceeded",
            "Keep package files small (icons are a few KiB, JSON files a few dozen KiB); raise the limits with --max-entry-bytes / --max-total-bytes only for a package you trust.",
        ),
        EntryError::Encrypted => (
            "package-encrypted",
            "Partner Center cannot read encrypted packages: rebuild the zip without a password.",
        ),
        EntryError::UnsupportedCompression(_) => (
            "package-unsupported-compression",
            "Rebuild the zip with the standard deflate (or store) method.",
        ),
        EntryError::Corrupt(_) => ("package-corrupt-zip", ZIP_HELP),
        EntryError::Io(_) => ("package-unreadable", "Check that the file is readable."),
    };
    Finding::new(rule, name, "", format!("`{name}` cannot be read: {error}")).help(help)
}

fn read_capped<R: Read>(
    file: R,
    compressed: u64,
    limits: &Limits,
    total: &mut u64,
) -> Result<Vec<u8>, EntryError> {
    let entry_cap = limits.max_entry_bytes;
    let remaining = limits.max_total_bytes.saturating_sub(*total);
    let cap = entry_cap.min(remaining);
    let mut buf = Vec::new();
    let mut limited = file.take(cap + 1);
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let n = match limited.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                let msg = e.to_string();
                if msg.contains("assword") || msg.contains("ncrypt") {
                    return Err(EntryError::Encrypted);
                }
                return Err(EntryError::Corrupt(msg));
            }
        };
        buf.extend_from_slice(&chunk[..n]);
        let len = buf.len() as u64;
        if len > 1024 * 1024 && len / compressed.max(1) > limits.max_ratio {
            return Err(EntryError::Bomb {
                ratio: limits.max_ratio,
            });
        }
    }
    let len = buf.len() as u64;
    if len > cap {
        return if cap < entry_cap {
            Err(EntryError::TotalLimit {
                limit: limits.max_total_bytes,
            })
        } else {
            Err(EntryError::TooLarge { limit: entry_cap })
        };
    }
    *total += len;
    Ok(buf)
}

/// What a non-zip file looks like, from its first bytes.
pub fn sniff(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "a PNG image"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "a JPEG image"
    } else if bytes.starts_with(b"GIF8") {
        "a GIF image"
    } else if bytes.starts_with(&[0x1F, 0x8B]) {
        "a gzip file"
    } else if bytes.starts_with(b"Rar!") {
        "a RAR archive"
    } else if bytes.starts_with(b"7z\xBC\xAF") {
        "a 7-Zip archive"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF document"
    } else {
        let text = bytes
            .iter()
            .take(512)
            .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || *b >= 0x80);
        let trimmed = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|i| &bytes[i..])
            .unwrap_or(&[]);
        if text && (trimmed.starts_with(b"{") || trimmed.starts_with(b"\xEF\xBB\xBF{")) {
            "a JSON file"
        } else if text {
            "a text file"
        } else {
            "binary data of an unknown kind"
        }
    }
}

/// Opens a package given as in-memory files (package path, bytes): an editor's buffers, the
/// files of a folder chosen in a browser. Names are checked like zip entry names.
pub fn open_files(input: &str, files: Vec<(String, Vec<u8>)>, limits: &Limits) -> Opened {
    let mut findings = Vec::new();
    let mut entries = BTreeMap::new();
    let mut total: u64 = 0;
    for (name, bytes) in files {
        if let Some(why) = unsafe_name_reason(&name) {
            findings.push(
                Finding::new(
                    "package-entry-unsafe-name",
                    "",
                    "",
                    format!(
                        "the file name `{}` {why}; it is not read",
                        name.escape_debug()
                    ),
                )
                .help("Give every file of the package a plain relative name."),
            );
            continue;
        }
        if entries.len() >= limits.max_entries {
            findings.push(pkg_finding(
                "package-limit-exceeded",
                format!("the package holds more than {} files", limits.max_entries),
                "A package holds a manifest, two icons and a few JSON files; raise the limit with --max-entries.",
            ));
            break;
        }
        let size = bytes.len() as u64;
        total = total.saturating_add(size);
        let data = OnceLock::new();
        let refused = if size > limits.max_entry_bytes {
            Some(EntryError::TooLarge {
                limit: limits.max_entry_bytes,
            })
        } else if total > limits.max_total_bytes {
            Some(EntryError::TotalLimit {
                limit: limits.max_total_bytes,
            })
        } else {
            None
        };
        match refused {
            Some(e) => {
                findings.push(entry_error_finding(&name, &e));
                let _ = data.set(Err(e));
            }
            None => {
                let _ = data.set(Ok(bytes));
            }
        }
        entries.insert(
            name.clone(),
            Entry {
                name,
                declared_size: size,
                source: EntrySource::Loaded,
                data,
            },
        );
    }
    Opened {
        package: Some(Package {
            input: input.to_string(),
            origin: Origin::Dir(PathBuf::from(input)),
            entries,
            folder_entries: Vec::new(),
            limits: *limits,
            total_read: std::sync::atomic::AtomicU64::new(0),
            source: None,
        }),
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_recognised() {
        assert!(unsafe_name_reason("manifest.json").is_none());
        assert!(unsafe_name_reason("loc/fr.json").is_none());
        assert!(unsafe_name_reason("../evil").is_some());
        assert!(unsafe_name_reason("a/../../evil").is_some());
        assert!(unsafe_name_reason("/etc/passwd").is_some());
        assert!(unsafe_name_reason("C:/x").is_some());
        assert!(unsafe_name_reason("a\\b").is_some());
        assert!(unsafe_name_reason("a\0b").is_some());
        assert!(unsafe_name_reason("..foo").is_none());
    }

    #[test]
    fn sniff_names_common_formats() {
        assert_eq!(sniff(b"\x89PNG\r\n"), "a PNG image");
        assert_eq!(sniff(b"  {\"a\":1}"), "a JSON file");
        assert_eq!(sniff(b"hello"), "a text file");
        assert_eq!(sniff(&[0, 1, 2, 3]), "binary data of an unknown kind");
    }

    #[test]
    fn empty_and_non_zip_inputs_are_findings() {
        let limits = Limits::default();
        let o = open_zip_bytes("x.zip", Path::new("x.zip"), vec![], &limits);
        assert!(o.package.is_none());
        assert_eq!(o.findings[0].rule, "package-empty");
        let o = open_zip_bytes("x.zip", Path::new("x.zip"), b"{}".to_vec(), &limits);
        assert_eq!(o.findings[0].rule, "package-not-zip");
        let o = open_zip_bytes(
            "x.zip",
            Path::new("x.zip"),
            b"PK\x03\x04garbage".to_vec(),
            &limits,
        );
        assert_eq!(o.findings[0].rule, "package-corrupt-zip");
    }
}
