//! `agent-knowledge-file-invalid`: an `EmbeddedKnowledge` file larger than 1 MB or of a type
//! embedded knowledge does not accept.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::package::human_bytes;
use crate::references::{has_placeholder, RefKind};
use crate::rules::Out;

/// The largest embedded knowledge file (schema: "max 1MB each").
const MAX_BYTES: u64 = 1024 * 1024;
/// Document types of embedded knowledge (.csv: the schema's own example uses it).
const TYPES: &[&str] = &[
    "doc", "docx", "ppt", "pptx", "xls", "xlsx", "txt", "pdf", "csv",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for r in ctx.refs.iter().filter(|r| r.kind == RefKind::KnowledgeFile) {
        let Some(target) = &r.target else { continue };
        if has_placeholder(&r.raw) || !ctx.package.contains(target) {
            continue;
        }
        let ext = target
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let path = display_path(&r.pointer);
        if !TYPES.contains(&ext.as_str()) {
            out.push(
                Finding::at(r.from.clone(), r.pointer.clone(), format!("`{path}` is `{}`, a type embedded knowledge does not accept", r.raw))
                    .help("Use a Word, PowerPoint, Excel, PDF, text or CSV file (.doc, .docx, .ppt, .pptx, .xls, .xlsx, .pdf, .txt, .csv).")
                    .label("unsupported type"),
            );
            continue;
        }
        let size = match ctx.package.read(target) {
            Some(Ok(bytes)) => bytes.len() as u64,
            _ => continue,
        };
        if size > MAX_BYTES {
            out.push(
                Finding::at(
                    r.from.clone(),
                    r.pointer.clone(),
                    format!(
                        "`{}` is {}, above the 1 MB embedded knowledge files may hold",
                        r.raw,
                        human_bytes(size)
                    ),
                )
                .help("Split the document into files of at most 1 MB each (up to 10 files).")
                .label("too large"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "agent-knowledge-file-invalid";

    /// Text that does not compress (a run of one byte would trip the zip-bomb ratio limit).
    fn noise(len: usize) -> Vec<u8> {
        let mut x: u32 = 12345;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                b'a' + ((x >> 16) % 26) as u8
            })
            .collect()
    }

    #[test]
    fn flags_files_above_one_megabyte() {
        let pkg = Pkg::from_fixture("fixtures/packages/agent-skills-knowledge")
            .set("knowledge/handbook.txt", noise(1024 * 1024 + 1));
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/capabilities/0/files/0/file")]
        );
        let exact = Pkg::from_fixture("fixtures/packages/agent-skills-knowledge")
            .set("knowledge/handbook.txt", noise(1024 * 1024));
        assert!(exact.hits(ID).is_empty());
    }
}
