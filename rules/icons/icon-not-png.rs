//! `icon-not-png`: an icon file that is not a PNG (no PNG signature), saying what it really is.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for icon in icon_files(ctx) {
        if let Decoded::NotPng(what) = icon.decoded().as_ref() {
            out.push(
                    Finding::at(
                        MANIFEST,
                        icon.pointer.clone(),
                        format!(
                            "`{}` names `{}`, which is {what}, not a PNG",
                            icon.field(),
                            icon.file
                        ),
                    )
                    .help(format!(
                        "Export the icon as a real PNG ({side}×{side} pixels) and save it as `{}`: renaming a file does not convert it.",
                        icon.file,
                        side = icon.expected_side()
                    ))
                    .label(*what),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn jpeg_and_gif_named_png() {
        let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0];
        let pkg = Pkg::base()
            .set("color.png", jpeg)
            .set("outline.png", b"GIF89a\x20\x00\x20\x00".to_vec());
        let f = pkg.findings("icon-not-png");
        assert_eq!(
            f.iter()
                .map(|f| (f.file.clone(), f.pointer.clone()))
                .collect::<Vec<_>>(),
            vec![
                at("manifest.json", "/icons/color"),
                at("manifest.json", "/icons/outline")
            ]
        );
        assert!(f[0].message.contains("a JPEG image"), "{}", f[0].message);
        assert!(f[1].message.contains("a GIF image"), "{}", f[1].message);
        // One root cause: no size or decoding finding on top.
        assert!(pkg.hits("icon-wrong-size").is_empty());
        assert!(pkg.hits("icon-png-corrupt").is_empty());
    }

    #[test]
    fn real_png_and_missing_file_pass() {
        assert!(Pkg::base().hits("icon-not-png").is_empty());
        // A missing file is reference-missing-file's finding.
        assert!(Pkg::base()
            .remove("color.png")
            .hits("icon-not-png")
            .is_empty());
    }
}
