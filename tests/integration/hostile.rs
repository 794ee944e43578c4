//! Hostile packages: every input a zip can carry to crash, hang, exhaust or escape appcert must
//! end in a `fail` verdict whose findings name the problem, with nothing written to disk.
//!
//! The inputs are built here at test time (the big ones in a few milliseconds, by writing the
//! zip and deflate structures by hand), so nothing large is committed. `examples/hostile.rs`
//! includes this file to write the same inputs to a folder for `scripts/hostile-measure.sh`,
//! which measures time and peak memory of the release binary on each.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

// ---- builders ---------------------------------------------------------------------------

fn crc_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            let mut crc = i as u32;
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
            *slot = crc;
        }
        table
    })
}

/// Feeds `data` into a running CRC-32 (IEEE) state (start with `!0`, finish with `!`).
fn crc_update(mut crc: u32, data: impl IntoIterator<Item = u8>) -> u32 {
    let table = crc_table();
    for b in data {
        crc = table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    crc
}

/// CRC-32 (IEEE) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    !crc_update(!0, data.iter().copied())
}

/// One entry of a hand-written zip.
#[derive(Clone, Debug)]
pub struct Raw {
    pub name: Vec<u8>,
    /// Compression method field (0 stored, 8 deflate, 12 bzip2, …).
    pub method: u16,
    /// General purpose flags (bit 0: encrypted).
    pub flags: u16,
    pub crc: u32,
    pub size: u32,
    /// The bytes as stored in the zip (already compressed for method 8).
    pub data: Vec<u8>,
    /// Unix mode put in the upper half of the external attributes (with "made by Unix").
    pub unix_mode: Option<u32>,
}

impl Raw {
    /// A stored (uncompressed) entry with its real CRC.
    pub fn stored(name: &str, data: &[u8]) -> Raw {
        Raw {
            name: name.as_bytes().to_vec(),
            method: 0,
            flags: 0,
            crc: crc32(data),
            size: data.len() as u32,
            data: data.to_vec(),
            unix_mode: None,
        }
    }
}

/// Writes a zip archive from raw entries: local headers, central directory, end record.
pub fn raw_zip(entries: &[Raw]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for e in entries {
        let offset = out.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20);
        u16le(&mut out, e.flags);
        u16le(&mut out, e.method);
        u16le(&mut out, 0); // time
        u16le(&mut out, 0x21); // date: 1980-01-01
        u32le(&mut out, e.crc);
        u32le(&mut out, e.data.len() as u32);
        u32le(&mut out, e.size);
        u16le(&mut out, e.name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(&e.name);
        out.extend_from_slice(&e.data);

        u32le(&mut central, 0x0201_4b50);
        u16le(
            &mut central,
            if e.unix_mode.is_some() { 0x0314 } else { 20 },
        );
        u16le(&mut central, 20);
        u16le(&mut central, e.flags);
        u16le(&mut central, e.method);
        u16le(&mut central, 0);
        u16le(&mut central, 0x21);
        u32le(&mut central, e.crc);
        u32le(&mut central, e.data.len() as u32);
        u32le(&mut central, e.size);
        u16le(&mut central, e.name.len() as u16);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, e.unix_mode.map_or(0, |m| m << 16));
        u32le(&mut central, offset);
        central.extend_from_slice(&e.name);
    }
    let cd_offset = out.len() as u32;
    let count = entries.len().min(0xFFFF) as u16;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}

/// LSB-first bit writer for deflate streams.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn new() -> Bits {
        Bits {
            out: Vec::new(),
            acc: 0,
            n: 0,
        }
    }
    /// Header fields and extra bits: least significant bit first.
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// Huffman codes: most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }
    /// `count` zero bits, fast.
    fn zeros(&mut self, mut count: u64) {
        while self.n != 0 && count > 0 {
            self.put(0, 1);
            count -= 1;
        }
        self.out.resize(self.out.len() + (count / 8) as usize, 0);
        for _ in 0..count % 8 {
            self.put(0, 1);
        }
    }
    fn align(&mut self) {
        if self.n > 0 {
            self.put(0, 8 - self.n);
        }
    }
    fn stored_block(&mut self, data: &[u8], last: bool) {
        let chunks: Vec<&[u8]> = if data.is_empty() {
            vec![&[][..]]
        } else {
            data.chunks(0xFFFF).collect()
        };
        let n = chunks.len();
        for (i, chunk) in chunks.into_iter().enumerate() {
            self.put(u32::from(last && i + 1 == n), 1);
            self.put(0, 2);
            self.align();
            let len = chunk.len() as u16;
            self.out.extend_from_slice(&len.to_le_bytes());
            self.out.extend_from_slice(&(!len).to_le_bytes());
            self.out.extend_from_slice(chunk);
        }
    }
    fn finish(mut self) -> Vec<u8> {
        self.align();
        self.out
    }
}

/// Code lengths of a run of `n` zero lengths with the code-length symbol 18 (11..=138 each);
/// `n` is 0 or at least 11.
fn zero_run(bits: &mut Bits, mut n: u32) {
    assert!(n == 0 || n >= 11);
    while n > 0 {
        let take = if n <= 138 {
            n
        } else if n - 138 >= 11 {
            138
        } else {
            n - 11
        };
        bits.code(0, 1); // symbol 18
        bits.put(take - 11, 7);
        n -= take;
    }
}

/// A raw deflate stream that expands to `prefix`, then `byte` repeated `count` times, then
/// `suffix`, in about `count / 1032` bytes: one dynamic Huffman block holding the byte and
/// matches of length 258 at distance 1, each coded in two bits (this is how zlib compresses a
/// run, and what a deflate bomb is made of). `byte` must be 0 or in 11..=244.
pub fn deflate_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    assert!(byte == 0 || (11..=244).contains(&byte));
    assert!(count >= 1);
    let matches = (count - 1) / 258;
    let rest = ((count - 1) % 258) as usize;
    let mut bits = Bits::new();
    if !prefix.is_empty() {
        bits.stored_block(prefix, false);
    }
    // Dynamic block header: literal/length codes up to 285 (HLIT 29), one distance code
    // (HDIST 0), code-length codes up to symbol 1 in the permuted order (HCLEN 14).
    bits.put(0, 1);
    bits.put(2, 2);
    bits.put(29, 5);
    bits.put(0, 5);
    bits.put(14, 4);
    // Code-length code: symbol 18 → 1 bit ("0"), 1 → 2 bits ("10"), 2 → 2 bits ("11").
    const ORDER: [usize; 18] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
    for sym in ORDER {
        let len = match sym {
            18 => 1,
            1 | 2 => 2,
            _ => 0,
        };
        bits.put(len, 3);
    }
    // Literal/length lengths: `byte` 2, 256 (end of block) 2, 285 (length 258) 1; then the
    // one distance code (distance 1), 1 bit.
    zero_run(&mut bits, u32::from(byte));
    bits.code(3, 2); // length 2
    zero_run(&mut bits, 255 - u32::from(byte));
    bits.code(3, 2);
    zero_run(&mut bits, 28);
    bits.code(2, 2); // length 1 for 285
    bits.code(2, 2); // length 1 for distance 0
                     // Canonical codes: 285 → "0", `byte` → "10", 256 → "11"; distance 0 → "0".
    bits.code(2, 2);
    bits.zeros(matches * 2);
    bits.code(3, 2);
    let mut tail = vec![byte; rest];
    tail.extend_from_slice(suffix);
    bits.stored_block(&tail, true);
    bits.finish()
}

/// A deflated entry expanding to `prefix + byte×count + suffix`. The CRC is real up to 128 MiB
/// of expansion, 16 MiB in the (unoptimised) tests; a reader stopped by a limit never checks
/// it.
pub fn deflated(name: &str, prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Raw {
    let total = prefix.len() as u64 + count + suffix.len() as u64;
    let crc_max: u64 = if cfg!(test) { 16 << 20 } else { 128 << 20 };
    let crc = if total <= crc_max {
        let crc = crc_update(!0, prefix.iter().copied());
        let crc = crc_update(crc, std::iter::repeat_n(byte, count as usize));
        !crc_update(crc, suffix.iter().copied())
    } else {
        0
    };
    Raw {
        name: name.as_bytes().to_vec(),
        method: 8,
        flags: 0,
        crc,
        size: total.min(u64::from(u32::MAX)) as u32,
        data: deflate_run(prefix, byte, count, suffix),
        unix_mode: None,
    }
}

/// The clean fixture package `bot-commands` as stored entries.
pub fn clean_entries() -> Vec<Raw> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packages/bot-commands");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            Raw::stored(&name, &std::fs::read(p).expect("fixture file"))
        })
        .collect()
}

/// The clean package with `extra` entries added (replacing entries of the same name).
pub fn clean_with(extra: Vec<Raw>) -> Vec<u8> {
    let mut entries: Vec<Raw> = clean_entries()
        .into_iter()
        .filter(|e| !extra.iter().any(|x| x.name == e.name))
        .collect();
    entries.extend(extra);
    raw_zip(&entries)
}

/// A PNG with the given IHDR dimensions, a tiny (possibly corrupt) IDAT and IEND, with valid
/// CRCs.
pub fn png(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Every hostile case: name, zip bytes, and the rule ids that must be among its findings
/// (empty: only a `fail` verdict is required; the PNG cases need the icon rules for that).
pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub rules: &'static [&'static str],
}

/// Cases up to this size are also committed under `fixtures/hostile/<case>.zip`.
pub const COMMITTED_MAX: usize = 64 * 1024;

pub const GIB: u64 = 1 << 30;
pub const MIB: u64 = 1 << 20;

pub fn bomb() -> Vec<u8> {
    clean_with(vec![deflated("bomb.bin", b"", 0, GIB, b"")])
}

pub fn many_entries() -> Vec<u8> {
    let entries: Vec<Raw> = (0..50_000)
        .map(|i| Raw::stored(&format!("f/{i:05}.txt"), b"x"))
        .collect();
    raw_zip(&entries)
}

/// A manifest holding `depth` nested arrays.
pub fn deep_manifest() -> Vec<u8> {
    let depth = 200_000;
    let mut text = b"{\"a\":".to_vec();
    text.extend(std::iter::repeat_n(b'[', depth));
    text.extend(std::iter::repeat_n(b']', depth));
    text.push(b'}');
    clean_with(vec![Raw::stored("manifest.json", &text)])
}

/// A manifest whose `description.full` is a 64 MiB string.
pub fn huge_string() -> Vec<u8> {
    clean_with(vec![deflated(
        "manifest.json",
        b"{\"manifestVersion\": \"1.26\", \"description\": {\"short\": \"s\", \"full\": \"",
        b'x',
        64 * MIB,
        b"\"}}",
    )])
}

/// A manifest whose top-level array holds `n` tiny values (memory per value, not bytes).
pub fn many_values(n: u64) -> Vec<u8> {
    // Stored, not deflated: two bytes per value, a few MiB.
    let mut text = b"{\"a\":[".to_vec();
    for _ in 0..n.saturating_sub(1) {
        text.extend_from_slice(b"0,");
    }
    text.extend_from_slice(b"0]}");
    clean_with(vec![Raw::stored("manifest.json", &text)])
}

/// The clean manifest with its first `count` string values replaced by `make(i)`.
pub fn manifest_with_strings(count: usize, make: impl Fn(usize) -> String) -> Vec<u8> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packages/bot-commands/manifest.json");
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("manifest")).expect("JSON");
    let mut done = 0;
    let mut stack = vec![&mut value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) if done < count => {
                *s = make(done);
                done += 1;
            }
            serde_json::Value::Array(a) => stack.extend(a.iter_mut()),
            serde_json::Value::Object(o) => stack.extend(o.values_mut()),
            _ => {}
        }
    }
    let text = serde_json::to_vec(&value).expect("serialise");
    clean_with(vec![Raw::stored("manifest.json", &text)])
}

/// Twelve strings of the manifest just under the string limit (1 MiB each): every rule and
/// schema pattern runs over megabytes of text.
pub fn long_strings() -> Vec<u8> {
    manifest_with_strings(12, |i| {
        let unit = [
            "a", "{{", "<<", "${{", "https://", "é", " ", "-", "{{x", "a.", "0", "\\",
        ];
        let unit = unit[i % unit.len()];
        // 900 KB each: a quadratic scan over any of these strings takes minutes (the template
        // placeholder scan once did), so this case guards every rule's text handling.
        let size = 900_000;
        unit.repeat(size / unit.len())
    })
}

pub fn encrypted() -> Vec<u8> {
    let entries: Vec<Raw> = clean_entries()
        .into_iter()
        .map(|mut e| {
            // ZipCrypto: bit 0 set, a 12-byte encryption header before the data.
            e.flags |= 1;
            let mut data = vec![0x5A; 12];
            data.extend(e.data.iter().map(|b| b ^ 0xA5));
            e.data = data;
            e
        })
        .collect();
    raw_zip(&entries)
}

pub fn unsafe_names() -> Vec<u8> {
    clean_with(
        ["../evil.json", "/etc/passwd", "C:/x", "a\\b"]
            .iter()
            .map(|n| Raw::stored(n, b"{}"))
            .collect(),
    )
}

pub fn symlink() -> Vec<u8> {
    let mut link = Raw::stored("evil-link", b"../../../../etc/passwd");
    link.unix_mode = Some(0o120_777);
    clean_with(vec![link])
}

pub fn png_huge() -> Vec<u8> {
    clean_with(vec![Raw::stored(
        "color.png",
        &png(100_000, 100_000, b"\x78\x9c\x03\x00\x00\x00\x00\x01"),
    )])
}

pub fn png_corrupt() -> Vec<u8> {
    clean_with(vec![Raw::stored(
        "color.png",
        &png(192, 192, b"\x78\x9cnot a deflate stream"),
    )])
}

pub fn bzip2() -> Vec<u8> {
    let entries: Vec<Raw> = clean_entries()
        .into_iter()
        .map(|mut e| {
            e.method = 12;
            let mut data = b"BZh91AY&SY".to_vec();
            data.extend_from_slice(&e.data);
            e.data = data;
            e
        })
        .collect();
    raw_zip(&entries)
}

pub fn zip_in_zip() -> Vec<u8> {
    let inner = raw_zip(&clean_entries());
    clean_with(vec![Raw::stored("inner.zip", &inner)])
}

pub fn truncated() -> Vec<u8> {
    let mut bytes = raw_zip(&clean_entries());
    bytes.truncate(bytes.len() / 2);
    bytes
}

pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "bomb-1gib",
            bytes: bomb(),
            rules: &["package-limit-exceeded"],
        },
        Case {
            name: "entries-50000",
            bytes: many_entries(),
            rules: &["package-limit-exceeded"],
        },
        Case {
            name: "nested-200000",
            bytes: deep_manifest(),
            rules: &["package-limit-exceeded"],
        },
        Case {
            name: "string-64mib",
            bytes: huge_string(),
            rules: &["package-limit-exceeded"],
        },
        Case {
            name: "values-1m",
            bytes: many_values(1_000_000),
            rules: &["package-limit-exceeded"],
        },
        Case {
            name: "long-strings",
            bytes: long_strings(),
            rules: &[],
        },
        Case {
            name: "values-under-limit",
            bytes: many_values(appcert::limits::MAX_JSON_VALUES as u64 - 16),
            rules: &[],
        },
        Case {
            name: "encrypted",
            bytes: encrypted(),
            rules: &["package-encrypted"],
        },
        Case {
            name: "unsafe-names",
            bytes: unsafe_names(),
            rules: &["package-entry-unsafe-name"],
        },
        Case {
            name: "symlink",
            bytes: symlink(),
            rules: &["package-entry-symlink"],
        },
        Case {
            name: "png-100000x100000",
            bytes: png_huge(),
            rules: &[],
        },
        Case {
            name: "png-corrupt",
            bytes: png_corrupt(),
            rules: &[],
        },
        Case {
            name: "bzip2",
            bytes: bzip2(),
            rules: &["package-unsupported-compression"],
        },
        Case {
            name: "zip-in-zip",
            bytes: zip_in_zip(),
            rules: &["package-nested-zip"],
        },
        Case {
            name: "not-a-zip",
            bytes: b"<html>not a zip</html>".to_vec(),
            rules: &["package-not-zip"],
        },
        Case {
            name: "empty",
            bytes: Vec::new(),
            rules: &["package-empty"],
        },
        Case {
            name: "truncated",
            bytes: truncated(),
            rules: &["package-corrupt-zip"],
        },
    ]
}

// ---- tests ------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use appcert::{check_zip_bytes, Limits, Options, Verdict};
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    fn all() -> &'static Vec<Case> {
        static CASES: OnceLock<Vec<Case>> = OnceLock::new();
        CASES.get_or_init(cases)
    }

    fn case(name: &str) -> &'static Case {
        all()
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no case {name}"))
    }

    fn has_icon_rules() -> bool {
        appcert::rules::registry()
            .rules
            .keys()
            .any(|k| k.starts_with("icon-"))
    }

    fn rules_of(report: &appcert::PackageReport) -> BTreeSet<String> {
        report.findings.iter().map(|f| f.rule.clone()).collect()
    }

    /// Files and folders directly in `dir` (to check that nothing was extracted).
    fn listing(dir: &Path) -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn deflate_builder_expands_to_what_it_says() {
        let raw = deflated("run.txt", b"{\"a\": \"", b'x', 10_000, b"\"}");
        assert!(raw.data.len() < 400, "{} bytes", raw.data.len());
        let zip = raw_zip(&[raw]);
        let opened =
            appcert::package::open_zip_bytes("t.zip", Path::new("t.zip"), zip, &Limits::default());
        assert!(opened.findings.is_empty(), "{:?}", opened.findings);
        let pkg = opened.package.expect("package");
        let bytes = pkg.read("run.txt").expect("entry").expect("readable");
        let mut want = b"{\"a\": \"".to_vec();
        want.extend(std::iter::repeat_n(b'x', 10_000));
        want.extend_from_slice(b"\"}");
        assert_eq!(bytes, want.as_slice());
    }

    #[test]
    fn clean_raw_package_passes() {
        let report = check_zip_bytes("clean.zip", raw_zip(&clean_entries()), &Options::default());
        assert_eq!(report.verdict, Verdict::Pass, "{:?}", report.findings);
    }

    #[test]
    fn every_case_fails_with_its_finding() {
        let options = Options::default();
        for case in all() {
            let start = std::time::Instant::now();
            let report = check_zip_bytes(case.name, case.bytes.clone(), &options);
            eprintln!("{}: {:?}", case.name, start.elapsed());
            let rules = rules_of(&report);
            for rule in case.rules {
                assert!(
                    rules.contains(*rule),
                    "{}: {rule} not in {rules:?}",
                    case.name
                );
            }
            if case.name.starts_with("png-") && !has_icon_rules() {
                // Icon rules are not merged yet: the run must merely end.
                continue;
            }
            assert_eq!(report.verdict, Verdict::Fail, "{}: {rules:?}", case.name);
            for f in &report.findings {
                assert!(!f.message.is_empty(), "{}: {f:?}", case.name);
            }
        }
    }

    #[test]
    fn png_cases_are_icon_findings_once_icon_rules_exist() {
        if !has_icon_rules() {
            return;
        }
        for name in ["png-100000x100000", "png-corrupt"] {
            let report = check_zip_bytes(name, case(name).bytes.clone(), &Options::default());
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.rule.starts_with("icon-") && f.severity == appcert::Severity::Error),
                "{name}: {:?}",
                rules_of(&report)
            );
        }
    }

    #[test]
    fn bomb_is_stopped_at_the_entry_limit() {
        let report = check_zip_bytes(
            "bomb.zip",
            case("bomb-1gib").bytes.clone(),
            &Options::default(),
        );
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "package-limit-exceeded")
            .expect("limit finding");
        assert_eq!(f.file, "bomb.bin");
        assert!(
            f.message.contains("decompression bomb") || f.message.contains("limit"),
            "{}",
            f.message
        );
    }

    #[test]
    fn many_entries_are_refused_before_reading_them() {
        let report = check_zip_bytes(
            "many.zip",
            case("entries-50000").bytes.clone(),
            &Options::default(),
        );
        assert_eq!(report.findings.len(), 1, "{:?}", rules_of(&report));
        assert!(
            report.findings[0].message.contains("50000"),
            "{}",
            report.findings[0].message
        );
    }

    #[test]
    fn unsafe_names_each_have_a_finding() {
        let report = check_zip_bytes(
            "names.zip",
            case("unsafe-names").bytes.clone(),
            &Options::default(),
        );
        let files: BTreeSet<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == "package-entry-unsafe-name")
            .map(|f| f.file.as_str())
            .collect();
        for name in ["../evil.json", "/etc/passwd", "C:/x", "a\\b"] {
            assert!(files.contains(name), "{name} not in {files:?}");
        }
    }

    #[test]
    fn deep_nesting_names_the_depth_limit() {
        let report = check_zip_bytes(
            "deep.zip",
            case("nested-200000").bytes.clone(),
            &Options::default(),
        );
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "package-limit-exceeded")
            .expect("limit finding");
        assert_eq!(f.file, "manifest.json");
        assert!(f.message.contains("deeper than"), "{}", f.message);
    }

    #[test]
    fn long_string_within_the_entry_limit_is_a_string_limit() {
        // 8 MiB: below the 16 MiB entry limit, above the 1 MiB string limit. (The 64 MiB case
        // is stopped by the entry limit; scripts/hostile-measure.sh also runs it with raised
        // entry limits.)
        let bytes = clean_with(vec![deflated(
            "manifest.json",
            b"{\"manifestVersion\": \"1.26\", \"description\": {\"short\": \"s\", \"full\": \"",
            b'x',
            8 * MIB,
            b"\"}}",
        )]);
        let options = Options {
            limits: Limits {
                max_ratio: 1_000_000,
                ..Limits::default()
            },
            ..Options::default()
        };
        let report = check_zip_bytes("str.zip", bytes, &options);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "package-limit-exceeded")
            .unwrap_or_else(|| panic!("no limit finding: {:?}", report.findings));
        assert_eq!(f.file, "manifest.json");
        assert_eq!(f.pointer, "/description/full");
        assert!(f.message.contains("string"), "{}", f.message);
    }

    #[test]
    fn nested_zip_is_named() {
        let report = check_zip_bytes(
            "zz.zip",
            case("zip-in-zip").bytes.clone(),
            &Options::default(),
        );
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "package-nested-zip")
            .expect("nested zip finding");
        assert_eq!(f.file, "inner.zip");
        // One root cause, one finding: the archive is not also reported as an extra file.
        assert!(
            report
                .findings
                .iter()
                .all(|f| !(f.rule == "package-extra-file" && f.file == "inner.zip")),
            "{:#?}",
            report.findings
        );
    }

    #[test]
    fn binary_reports_fail_in_json_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs = dir.path().join("in");
        let work = dir.path().join("work");
        std::fs::create_dir_all(&inputs).expect("mkdir");
        std::fs::create_dir_all(&work).expect("mkdir");
        let tmp = dir.path().join("tmp");
        std::fs::create_dir_all(&tmp).expect("mkdir");
        for name in [
            "bomb-1gib",
            "encrypted",
            "unsafe-names",
            "symlink",
            "zip-in-zip",
            "truncated",
        ] {
            let c = case(name);
            let path = inputs.join(format!("{name}.zip"));
            std::fs::write(&path, &c.bytes).expect("write");
            let before = (listing(&inputs), listing(&work), listing(&tmp));
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_appcert"))
                .current_dir(&work)
                .env("TMPDIR", &tmp)
                .args(["check", "--format", "json"])
                .arg(&path)
                .output()
                .expect("run appcert");
            assert_eq!(
                out.status.code(),
                Some(1),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let report: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("JSON report");
            let pkg = &report["packages"][0];
            assert_eq!(pkg["verdict"], "fail", "{name}");
            let rules: BTreeSet<&str> = pkg["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter_map(|f| f["rule"].as_str())
                .collect();
            for rule in c.rules {
                assert!(rules.contains(rule), "{name}: {rule} not in {rules:?}");
            }
            assert_eq!(
                before,
                (listing(&inputs), listing(&work), listing(&tmp)),
                "{name}"
            );
        }
    }

    #[test]
    fn huge_file_in_a_package_folder_is_a_limit_not_a_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pkg = dir.path().join("pkg");
        std::fs::create_dir_all(&pkg).expect("mkdir");
        for e in clean_entries() {
            let name = String::from_utf8(e.name).expect("name");
            std::fs::write(pkg.join(name), &e.data).expect("write");
        }
        // A sparse 1 GiB file: no disk space used, and appcert must not read it.
        let big = std::fs::File::create(pkg.join("big.bin")).expect("create");
        big.set_len(GIB).expect("set_len");
        let input = appcert::Input {
            display: "pkg".into(),
            path: pkg.clone(),
            kind: appcert::InputKind::Dir,
        };
        let report = appcert::check_input(&input, &Options::default());
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == "package-limit-exceeded")
            .unwrap_or_else(|| panic!("no limit finding: {:?}", rules_of(&report)));
        assert_eq!(f.file, "big.bin");
        assert_eq!(report.verdict, Verdict::Fail);
    }

    #[test]
    fn committed_cases_match_the_builders() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile");
        for case in all().iter().filter(|c| c.bytes.len() <= COMMITTED_MAX) {
            let path = dir.join(format!("{}.zip", case.name));
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                committed == case.bytes,
                "{} differs from its builder: run `cargo run --example hostile -- --fixtures`",
                path.display()
            );
            let report = check_zip_bytes(case.name, committed, &Options::default());
            let rules = rules_of(&report);
            for rule in case.rules {
                assert!(
                    rules.contains(*rule),
                    "{}: {rule} not in {rules:?}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn fuzz_regressions_replay() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile/fuzz-regressions");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            return;
        };
        let options = Options::default();
        let limits = Limits::default();
        let mut files: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).expect("read");
            let _ = appcert::json::parse_doc("manifest.json", &bytes, &limits);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = appcert::json::span::SpanIndex::build(text, limits.max_json_depth);
            }
            let report = check_zip_bytes("fuzz.zip", bytes, &options);
            let report = appcert::finish_run(vec![report], &options);
            let _ = appcert::report::json::render(&report);
            let _ = appcert::report::human::render(&report, appcert::report::human::Style::plain());
        }
    }
}

/// YAML whose shape makes parsers slow: the OpenAPI description of the declarative agent
/// fixture replaced by 200 KB of nested flow sequences, or by a billion-laughs document.
#[cfg(test)]
mod yaml {
    use appcert::{check_zip_bytes, Options};
    use std::path::Path;

    fn agent_with_spec(spec: String) -> Vec<u8> {
        let root =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packages/declarative-agent");
        let mut entries = Vec::new();
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.expect("fixture");
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&root)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            let data = if name == "apis/openapi.yaml" {
                spec.clone().into_bytes()
            } else {
                std::fs::read(entry.path()).expect("fixture file")
            };
            entries.push(super::Raw::stored(&name, &data));
        }
        super::raw_zip(&entries)
    }

    /// Checks the package and returns the message of its `openapi-invalid-syntax` finding.
    /// The refusal must come from the linear pre-check (its message), not from the parser
    /// after a quadratic or exponential amount of work; the time bound only catches a
    /// regression of that order (the parser took 90 s and 5 s on these inputs).
    fn refused(spec: String) -> String {
        let start = std::time::Instant::now();
        let report = check_zip_bytes("yaml.zip", agent_with_spec(spec), &Options::default());
        let elapsed = start.elapsed();
        assert!(elapsed.as_secs_f64() < 5.0, "took {elapsed:?}");
        report
            .findings
            .iter()
            .find(|f| f.rule == "openapi-invalid-syntax")
            .map(|f| f.message.clone())
            .unwrap_or_else(|| panic!("no openapi-invalid-syntax in {:?}", report.findings))
    }

    #[test]
    fn nested_flow_yaml_of_200_kb_is_refused_before_parsing() {
        let spec = format!("openapi: 3.0.1\npaths: {}\n", "[".repeat(200_000));
        let message = refused(spec);
        assert!(message.contains("nesting is deeper than 128"), "{message}");
    }

    #[test]
    fn billion_laughs_yaml_is_refused_before_parsing() {
        let mut spec = String::from("openapi: 3.0.1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let refs = vec![format!("*a{}", level - 1); 5_000].join(", ");
            spec.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        assert!(spec.len() > 100_000);
        let message = refused(spec);
        assert!(message.contains("aliases expand"), "{message}");
    }
}
