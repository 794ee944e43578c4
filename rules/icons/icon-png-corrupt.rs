//! `icon-png-corrupt`: an icon with a PNG signature that cannot be decoded.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded, Undecoded};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for icon in icon_files(ctx) {
        let why = match icon.decoded().as_ref() {
            Decoded::BadHeader(e) => format!("its header cannot be read ({e})"),
            Decoded::Header(_, Undecoded::Corrupt(e)) => {
                format!("its image data cannot be decoded ({e})")
            }
            _ => continue,
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    icon.pointer.clone(),
                    format!(
                        "`{}` names `{}`, a PNG file that is damaged: {why}",
                        icon.field(),
                        icon.file
                    ),
                )
                .help("Export the icon again from the original artwork with an image editor, and check that it opens in an image viewer before packaging.")
                .label("damaged PNG"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::handmade;
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn garbage_image_data() {
        let pkg = Pkg::base().set("outline.png", handmade(32, 32, b"garbage, not zlib"));
        assert_eq!(
            pkg.hits("icon-png-corrupt"),
            vec![at("manifest.json", "/icons/outline")]
        );
        assert!(pkg.hits("icon-outline-not-white").is_empty());
    }

    #[test]
    fn truncated_header() {
        let pkg = Pkg::base().set("color.png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec());
        assert_eq!(
            pkg.hits("icon-png-corrupt"),
            vec![at("manifest.json", "/icons/color")]
        );
    }

    #[test]
    fn clean_icons_pass() {
        assert!(Pkg::base().hits("icon-png-corrupt").is_empty());
    }
}
