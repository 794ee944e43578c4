//! `icon-color-background-not-solid` (heuristic): the color icon must sit on a solid or fully
//! transparent square background. Looks at the outer ring of pixels: at least 95% of it must be
//! fully transparent, or opaque and within ±8 per channel of one colour (alpha within 8 of 0 or 255 counts as
//! transparent or opaque: resampling leaves 254 on edges).

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded, Rgba};
use crate::rules::Out;

const TOLERANCE: u8 = 8;
/// Share of the ring (in percent) that must agree.
const AGREEMENT: usize = 95;
/// Share of the ring (in percent) that must be fully transparent, with the four corners, for
/// the background to count as transparent when the symbol touches the edge (the published My
/// Stickers icon: 718 of 768 edge pixels clear, the rest its anti-aliased symbol).
const TRANSPARENT_WITH_SYMBOL: usize = 75;

fn ring(img: &Rgba) -> Vec<[u8; 4]> {
    let (w, h) = (img.width, img.height);
    let mut out = Vec::new();
    if w == 0 || h == 0 {
        return out;
    }
    for x in 0..w {
        out.push(img.pixel(x, 0));
        if h > 1 {
            out.push(img.pixel(x, h - 1));
        }
    }
    for y in 1..h.saturating_sub(1) {
        out.push(img.pixel(0, y));
        if w > 1 {
            out.push(img.pixel(w - 1, y));
        }
    }
    out
}

/// Alpha within the tolerance of fully opaque (resampling leaves 254 on edges).
fn opaque(p: [u8; 4]) -> bool {
    p[3] >= 255 - TOLERANCE
}

/// Alpha within the tolerance of fully transparent.
fn clear(p: [u8; 4]) -> bool {
    p[3] <= TOLERANCE
}

fn close(a: [u8; 4], b: [u8; 4]) -> bool {
    opaque(a) && opaque(b) && (0..3).all(|i| a[i].abs_diff(b[i]) <= TOLERANCE)
}

/// Why the background is not solid or transparent, if it is not.
pub fn background_problem(img: &Rgba) -> Option<String> {
    let px = ring(img);
    let n = px.len();
    if n == 0 {
        return None;
    }
    let transparent = px.iter().filter(|p| clear(**p)).count();
    if transparent * 100 >= n * AGREEMENT {
        return None;
    }
    let (w, h) = (img.width, img.height);
    let corners = [
        img.pixel(0, 0),
        img.pixel(w - 1, 0),
        img.pixel(0, h - 1),
        img.pixel(w - 1, h - 1),
    ];
    let best = corners
        .iter()
        .map(|c| px.iter().filter(|p| close(**p, *c)).count())
        .max()
        .unwrap_or(0);
    if best * 100 >= n * AGREEMENT {
        return None;
    }
    let mids = [
        img.pixel(w / 2, 0),
        img.pixel(w / 2, h - 1),
        img.pixel(0, h / 2),
        img.pixel(w - 1, h / 2),
    ];
    if corners.iter().all(|c| !opaque(*c)) && mids.iter().all(|m| opaque(*m)) {
        return Some("its corners are transparent while the middle of each edge is opaque: the icon is rounded or circular instead of square".into());
    }
    // A fully transparent background that the (anti-aliased) symbol touches: the corners are
    // clear and so is most of the edge; the rest is the symbol, not a background.
    if corners.iter().all(|c| clear(*c)) && transparent * 100 >= n * TRANSPARENT_WITH_SYMBOL {
        return None;
    }
    let partial = px.iter().filter(|p| !clear(**p) && !opaque(**p)).count();
    if partial * 100 >= n * 5 {
        return Some(format!(
            "{}% of its outer edge is partially transparent",
            partial * 100 / n
        ));
    }
    Some(format!(
        "its outer edge is neither one solid colour nor fully transparent (at most {}% of the edge pixels share a colour: a gradient or photo background, or a symbol that touches the edge)",
        best.max(transparent) * 100 / n
    ))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for icon in icon_files(ctx) {
        if icon.key != "color" {
            continue;
        }
        let decoded = icon.decoded();
        let Decoded::Image(_, img) = decoded.as_ref() else {
            continue;
        };
        if let Some(why) = background_problem(img) {
            out.push(
                    Finding::at(
                        MANIFEST,
                        icon.pointer.clone(),
                        format!("the background of `{}` (`{}`) may not be solid: {why}", icon.field(), icon.file),
                    )
                    .help("Put the symbol on one solid colour or on full transparency that fills the whole 192×192 square, with no rounded corners, gradient or photo behind it; Teams crops and rounds the icon itself. This is a heuristic over the edge pixels: if the background is in fact solid, confirm it by eye.")
                    .label("background"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::{color, rgba};
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn gradient_and_rounded_backgrounds() {
        let gradient = rgba(192, 192, |x, _| [x as u8, 100, 200, 255]);
        let pkg = Pkg::base().set("color.png", gradient);
        assert_eq!(
            pkg.hits("icon-color-background-not-solid"),
            vec![at("manifest.json", "/icons/color")]
        );
        let rounded = rgba(192, 192, |x, y| {
            let dx = (x as i32 - 96).abs();
            let dy = (y as i32 - 96).abs();
            if dx > 80 && dy > 80 && (dx - 80).pow(2) + (dy - 80).pow(2) > 256 {
                [0, 0, 0, 0]
            } else {
                [20, 120, 220, 255]
            }
        });
        let f = Pkg::base()
            .set("color.png", rounded)
            .findings("icon-color-background-not-solid");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("rounded"), "{}", f[0].message);
    }

    #[test]
    fn transparent_background_touched_by_the_symbol_passes() {
        // The published My Stickers icon: transparent, with the anti-aliased symbol touching
        // the left and right edges over 25 pixels each (partial alpha).
        let img = rgba(192, 192, |x, y| {
            if (52..77).contains(&y) && !(20..=171).contains(&x) {
                [230, 80, 120, 128]
            } else if (40..152).contains(&x) && (40..152).contains(&y) {
                [230, 80, 120, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        assert!(Pkg::base()
            .set("color.png", img)
            .hits("icon-color-background-not-solid")
            .is_empty());
        // A half-transparent background everywhere is still reported.
        let veil = rgba(192, 192, |_, _| [20, 120, 220, 128]);
        assert_eq!(
            Pkg::base()
                .set("color.png", veil)
                .hits("icon-color-background-not-solid")
                .len(),
            1
        );
    }

    #[test]
    fn resampled_edge_alpha_254_passes() {
        let img = rgba(192, 192, |x, y| {
            if x == 191 || y == 191 {
                [241, 241, 241, 254]
            } else {
                [241, 241, 241, 255]
            }
        });
        assert!(Pkg::base()
            .set("color.png", img)
            .hits("icon-color-background-not-solid")
            .is_empty());
    }

    #[test]
    fn solid_and_transparent_pass() {
        assert!(Pkg::base()
            .hits("icon-color-background-not-solid")
            .is_empty());
        assert!(Pkg::base()
            .set("color.png", color(192))
            .hits("icon-color-background-not-solid")
            .is_empty());
        let transparent = rgba(192, 192, |x, y| {
            if (48..144).contains(&x) && (48..144).contains(&y) {
                [200, 0, 0, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        assert!(Pkg::base()
            .set("color.png", transparent)
            .hits("icon-color-background-not-solid")
            .is_empty());
    }
}
