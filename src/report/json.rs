//! `--format json`: the versioned machine-readable report (see `schemas/report.schema.json`).

use super::Report;

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data cannot fail; keep a valid document if it ever does.
        format!("{{\"version\": 1, \"error\": {:?}}}", e.to_string())
    });
    s.push('\n');
    s
}

/// The JSON report written package by package (`check_paths_streaming`): byte for byte what
/// [`render`] gives for the whole report, without holding it. Nothing is written before the
/// first package or the end, so a usage error found first leaves no partial report.
pub struct Stream {
    profile: String,
    written: usize,
}

/// `"packages": []` in the pretty report of no package: where the packages go.
const EMPTY_PACKAGES: &str = "\"packages\": []";

impl Stream {
    pub fn new(profile: &str) -> Stream {
        Stream {
            profile: profile.to_string(),
            written: 0,
        }
    }

    /// The report's head, up to the opening of its `packages` array.
    fn head(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let head = render(&Report::new(&self.profile, Vec::new()));
        let at = head.find(EMPTY_PACKAGES).unwrap_or(head.len());
        out.write_all(&head.as_bytes()[..at])?;
        out.write_all(b"\"packages\": [")
    }

    /// Writes one package (an element of `packages`, two levels deep).
    pub fn package(
        &mut self,
        out: &mut dyn std::io::Write,
        package: &super::PackageReport,
    ) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(package).map_err(std::io::Error::other)?;
        if self.written == 0 {
            self.head(out)?;
        }
        out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(line.as_bytes())?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes `packages` and writes the rest of the report (its summary), from `report`, the
    /// run's report without its packages.
    pub fn end(self, out: &mut dyn std::io::Write, report: &Report) -> std::io::Result<()> {
        let whole = render(report);
        let tail = whole
            .find(EMPTY_PACKAGES)
            .map_or("", |at| &whole[at + EMPTY_PACKAGES.len()..]);
        if self.written == 0 {
            self.head(out)?;
        }
        out.write_all(if self.written == 0 { b"]" } else { b"\n  ]" })?;
        out.write_all(tail.as_bytes())?;
        out.flush()
    }
}
