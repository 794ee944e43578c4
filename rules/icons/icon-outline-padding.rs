//! `icon-outline-padding` (heuristic): the outline icon's symbol does not fill its 32×32 frame:
//! in its larger direction it leaves more than `outline-padding-max` pixels (4 by default,
//! `[thresholds]`) of empty frame on average per side.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let max = ctx.thresholds.outline_padding_max;
    for icon in icon_files(ctx) {
        if icon.key != "outline" {
            continue;
        }
        let decoded = icon.decoded();
        let Decoded::Image(_, img) = decoded.as_ref() else {
            continue;
        };
        if img.width != 32 || img.height != 32 {
            continue; // icon-wrong-size reports it
        }
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for y in 0..img.height {
            for x in 0..img.width {
                if img.pixel(x, y)[3] > 0 {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x);
                    y1 = y1.max(y);
                }
            }
        }
        if x0 == u32::MAX {
            continue; // an empty icon is icon-outline-not-white's
        }
        let extent = (x1 - x0 + 1).max(y1 - y0 + 1);
        let empty = 32 - extent;
        if empty <= 2 * max {
            continue;
        }
        out.push(
            Finding::at(
                MANIFEST,
                icon.pointer.clone(),
                format!(
                    "the symbol of `{}` (`{}`) spans {extent}×{} of its 32×32 pixels, leaving {} to {} empty pixels around it (at most {max} per side expected)",
                    icon.field(),
                    icon.file,
                    (x1 - x0 + 1).min(y1 - y0 + 1),
                    [x0, y0, 31 - x1, 31 - y1].into_iter().min().unwrap_or(0),
                    [x0, y0, 31 - x1, 31 - y1].into_iter().max().unwrap_or(0),
                ),
            )
            .help("Scale the white symbol up so that it fills the 32×32 frame, touching or nearly touching two opposite edges; Teams adds the spacing around it. If the padding is intended, raise `outline-padding-max` under `[thresholds]`.")
            .label("extra padding"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::rgba;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "icon-outline-padding";

    fn square(margin: u32) -> Vec<u8> {
        rgba(32, 32, move |x, y| {
            let inside = (margin..32 - margin).contains(&x) && (margin..32 - margin).contains(&y);
            if inside {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
    }

    #[test]
    fn flags_a_small_symbol_and_accepts_a_filled_frame() {
        assert_eq!(
            Pkg::base().set("outline.png", square(9)).hits(ID),
            vec![at("manifest.json", "/icons/outline")]
        );
        assert!(Pkg::base()
            .set("outline.png", square(4))
            .hits(ID)
            .is_empty());
        assert!(Pkg::base().hits(ID).is_empty());
    }

    #[test]
    fn a_wide_symbol_fills_the_frame() {
        // Touching left and right, short in height (like a wordmark): no extra padding.
        let wide = rgba(32, 32, |_, y| {
            if (12..20).contains(&y) {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        assert!(Pkg::base().set("outline.png", wide).hits(ID).is_empty());
    }
}
