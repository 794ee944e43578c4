//! `icon-wrong-size`: the color icon must be 192×192, the outline icon and the optional
//! color32x32 icon 32×32. The size comes from the PNG header; nothing is allocated for it.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded, Undecoded};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for icon in icon_files(ctx) {
        let decoded = icon.decoded();
        let decoded = decoded.as_ref();
        let Some(h) = decoded.header() else { continue };
        let side = icon.expected_side();
        if h.width == side && h.height == side {
            continue;
        }
        let refused = if matches!(decoded, Decoded::Header(_, Undecoded::TooLarge)) {
            " (too large to decode: its pixels were not checked)"
        } else {
            ""
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    icon.pointer.clone(),
                    format!(
                        "`{}` (`{}`) is {}×{} pixels; it must be exactly {side}×{side}{refused}",
                        icon.field(),
                        icon.file,
                        h.width,
                        h.height
                    ),
                )
                .help(format!(
                    "Resize or re-export `{}` to exactly {side}×{side} pixels.{}",
                    icon.file,
                    if icon.key == "color" {
                        " Keep the symbol within the central 96×96 pixels so Teams' rounded crop loses nothing."
                    } else {
                        " The outline icon is white on a transparent background."
                    }
                ))
                .label(format!("{}×{}", h.width, h.height)),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::{color, handmade, outline, rgba};
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn off_by_one_color_icon() {
        let pkg = Pkg::base().set("color.png", rgba(191, 192, |_, _| [255, 255, 255, 255]));
        let f = pkg.findings("icon-wrong-size");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].file.as_str(), f[0].pointer.as_str()),
            ("manifest.json", "/icons/color")
        );
        assert!(f[0].message.contains("191×192"), "{}", f[0].message);
    }

    #[test]
    fn outline_at_color_size() {
        let pkg = Pkg::base().set("outline.png", color(192));
        assert_eq!(
            pkg.hits("icon-wrong-size"),
            vec![at("manifest.json", "/icons/outline")]
        );
    }

    #[test]
    fn huge_declared_size_is_a_finding_not_an_allocation() {
        let pkg = Pkg::base().set(
            "color.png",
            handmade(100_000, 100_000, &[0x78, 0x9c, 0x03, 0x00]),
        );
        let f = pkg.findings("icon-wrong-size");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("100000×100000"), "{}", f[0].message);
        assert!(pkg.hits("icon-png-corrupt").is_empty());
    }

    #[test]
    fn right_sizes_pass() {
        let pkg = Pkg::base()
            .set("color.png", color(192))
            .set("outline.png", outline());
        assert!(pkg.hits("icon-wrong-size").is_empty());
        assert!(Pkg::base().hits("icon-wrong-size").is_empty());
    }
}
