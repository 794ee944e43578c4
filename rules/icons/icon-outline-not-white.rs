//! `icon-outline-not-white`: every pixel of the outline icon must be fully transparent
//! (alpha 0) or white (255,255,255) at any alpha. The reverse form the guidelines allow (a
//! transparent symbol cut out of opaque white) satisfies the same per-pixel rule. An icon that
//! is entirely transparent or entirely opaque white shows no symbol and is reported too.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded};
use crate::rules::Out;

/// Alpha values that look transparent but are not exactly 0.
const NEARLY_TRANSPARENT: std::ops::RangeInclusive<u8> = 1..=15;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for icon in icon_files(ctx) {
        if icon.key != "outline" {
            continue;
        }
        let decoded = icon.decoded();
        let Decoded::Image(_, img) = decoded.as_ref() else {
            continue;
        };
        let mut bad = 0usize;
        let mut nearly = 0usize;
        let mut near_white = 0usize;
        let mut first: Option<(u32, u32, [u8; 4])> = None;
        let mut transparent = 0usize;
        let mut opaque_white = 0usize;
        for (row, y) in img.rows().zip(0u32..) {
            for (p, x) in row.chunks_exact(4).zip(0u32..) {
                let p = [p[0], p[1], p[2], p[3]];
                let white = p[0] == 255 && p[1] == 255 && p[2] == 255;
                if p[3] == 0 {
                    transparent += 1;
                } else if white {
                    if p[3] == 255 {
                        opaque_white += 1;
                    }
                } else {
                    bad += 1;
                    if NEARLY_TRANSPARENT.contains(&p[3]) {
                        nearly += 1;
                    }
                    if p[..3].iter().all(|c| *c >= 240) {
                        near_white += 1;
                    }
                    if first.is_none() {
                        first = Some((x, y, p));
                    }
                }
            }
        }
        let total = (img.width as usize) * (img.height as usize);
        let name = format!("`{}` (`{}`)", icon.field(), icon.file);
        let (message, label) = if let Some((x, y, p)) = first {
            let px = format!("({x},{y}) is RGBA({},{},{},{})", p[0], p[1], p[2], p[3]);
            let plural = if bad == 1 { "pixel" } else { "pixels" };
            if nearly == bad {
                (
                        format!("{name} has {bad} {plural} that are almost transparent (alpha {}–{}) but not exactly 0 and not white: the classic rejection, alpha must be exactly 0; the first at {px}", NEARLY_TRANSPARENT.start(), NEARLY_TRANSPARENT.end()),
                        "alpha must be exactly 0".to_string(),
                    )
            } else if near_white == bad {
                (
                        format!("{name} has {bad} {plural} that are almost white but not exactly 255,255,255 (and not fully transparent); the first at {px}"),
                        "white must be exactly 255,255,255".to_string(),
                    )
            } else {
                (
                        format!("{name} has {bad} {plural} that are neither fully transparent nor white; the first at {px}"),
                        format!("{bad} non-white {plural}"),
                    )
            }
        } else if transparent == total {
            (
                format!("{name} is entirely transparent: it shows no symbol"),
                "empty icon".to_string(),
            )
        } else if opaque_white == total {
            (
                    format!("{name} is entirely opaque white: it needs a white symbol on transparency (or a transparent symbol cut out of white)"),
                    "no transparency".to_string(),
                )
        } else {
            continue;
        };
        out.push(
                Finding::at(MANIFEST, icon.pointer.clone(), message)
                    .help(format!(
                        "Redraw `{}` with two kinds of pixels only: white 255,255,255 (any opacity, for anti-aliased edges) for the symbol, and alpha exactly 0 everywhere else. In an image editor, delete the background instead of painting it near-transparent, and fill the symbol with pure white.",
                        icon.file
                    ))
                    .label(label),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::{outline, rgba};
    use crate::rules::testing::{at, Pkg};

    fn with_pixel(px: [u8; 4]) -> Vec<u8> {
        rgba(32, 32, move |x, y| {
            if (x, y) == (3, 2) {
                px
            } else if (8..24).contains(&x) && (8..24).contains(&y) {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
    }

    #[test]
    fn one_red_pixel() {
        let pkg = Pkg::base().set("outline.png", with_pixel([255, 0, 0, 255]));
        let f = pkg.findings("icon-outline-not-white");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].file.as_str(), f[0].pointer.as_str()),
            ("manifest.json", "/icons/outline")
        );
        assert!(f[0].message.contains("1 pixel "), "{}", f[0].message);
        assert!(
            f[0].message.contains("(3,2) is RGBA(255,0,0,255)"),
            "{}",
            f[0].message
        );
        assert!(!f[0].message.contains("classic"));
    }

    #[test]
    fn alpha_three_on_black_is_the_classic_rejection() {
        let pkg = Pkg::base().set("outline.png", with_pixel([0, 0, 0, 3]));
        let f = pkg.findings("icon-outline-not-white");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("alpha must be exactly 0"),
            "{}",
            f[0].message
        );
        assert!(f[0].message.contains("RGBA(0,0,0,3)"), "{}", f[0].message);
    }

    #[test]
    fn near_white_says_so() {
        let pkg = Pkg::base().set("outline.png", with_pixel([254, 254, 254, 27]));
        let f = pkg.findings("icon-outline-not-white");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("exactly 255,255,255"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn empty_and_all_white() {
        let empty = Pkg::base().set("outline.png", rgba(32, 32, |_, _| [0, 0, 0, 0]));
        assert_eq!(
            empty.hits("icon-outline-not-white"),
            vec![at("manifest.json", "/icons/outline")]
        );
        let white = Pkg::base().set("outline.png", rgba(32, 32, |_, _| [255, 255, 255, 255]));
        assert_eq!(white.hits("icon-outline-not-white").len(), 1);
    }

    #[test]
    fn clean_forms_pass() {
        assert!(Pkg::base().hits("icon-outline-not-white").is_empty());
        assert!(Pkg::base()
            .set("outline.png", outline())
            .hits("icon-outline-not-white")
            .is_empty());
        // Anti-aliased white edge and coloured-but-fully-transparent pixels are fine.
        let aa = with_pixel([255, 255, 255, 90]);
        let hidden = with_pixel([200, 10, 10, 0]);
        assert!(Pkg::base()
            .set("outline.png", aa)
            .hits("icon-outline-not-white")
            .is_empty());
        assert!(Pkg::base()
            .set("outline.png", hidden)
            .hits("icon-outline-not-white")
            .is_empty());
        // Reverse form: transparent symbol on opaque white.
        let reverse = rgba(32, 32, |x, y| {
            if (8..24).contains(&x) && (8..24).contains(&y) {
                [0, 0, 0, 0]
            } else {
                [255, 255, 255, 255]
            }
        });
        assert!(Pkg::base()
            .set("outline.png", reverse)
            .hits("icon-outline-not-white")
            .is_empty());
    }
}
