//! `icon-outline-mismatch` (heuristic, info): the outline icon should show the same symbol as
//! the color icon. Compares the symbol masks of both icons, each cropped to its bounding box
//! and sampled on a 16×16 grid: an overlap (intersection over union) below 0.3 is reported.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::icons::util::{icon_files, Decoded, Rgba};
use crate::rules::Out;

const GRID: usize = 16;
const MIN_IOU: f64 = 0.3;

/// The symbol pixels of an image, given a predicate, sampled on the grid after cropping to
/// their bounding box. `None` when there is no symbol.
fn mask(img: &Rgba, is_symbol: impl Fn([u8; 4]) -> bool) -> Option<Vec<bool>> {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0u32, 0u32);
    for (row, y) in img.rows().zip(0u32..) {
        for (p, x) in row.chunks_exact(4).zip(0u32..) {
            if is_symbol([p[0], p[1], p[2], p[3]]) {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
    }
    if x0 > x1 || y0 > y1 {
        return None;
    }
    // A square around the bounding box, so the shape's proportions survive.
    let (w, h) = (i64::from(x1 - x0) + 1, i64::from(y1 - y0) + 1);
    let side = w.max(h);
    let ox = i64::from(x0) - (side - w) / 2;
    let oy = i64::from(y0) - (side - h) / 2;
    let g = GRID as i64;
    // One pass over the pixels: a symbol pixel at offset d in the square marks every cell
    // whose span [floor(i·side/g), ceil((i+1)·side/g)) holds it (cells overlap when side is
    // not a multiple of the grid).
    let spans: Vec<(usize, usize)> = (0..side)
        .map(|d| {
            let lo = d * g / side;
            let hi = (((d + 1) * g + side - 1) / side - 1).min(g - 1);
            (lo as usize, hi as usize)
        })
        .collect();
    let mut out = vec![false; GRID * GRID];
    for (row, y) in img.rows().zip(0i64..) {
        let dy = y - oy;
        if dy < 0 || dy >= side {
            continue;
        }
        let (gy0, gy1) = spans[dy as usize];
        for (p, x) in row.chunks_exact(4).zip(0i64..) {
            let dx = x - ox;
            if dx < 0 || dx >= side || !is_symbol([p[0], p[1], p[2], p[3]]) {
                continue;
            }
            let (gx0, gx1) = spans[dx as usize];
            for gy in gy0..=gy1 {
                for gx in gx0..=gx1 {
                    out[gy * GRID + gx] = true;
                }
            }
        }
    }
    Some(out)
}

fn color_mask(img: &Rgba) -> Option<Vec<bool>> {
    let bg = img.pixel(0, 0);
    if bg[3] == 0 {
        mask(img, |p| p[3] > 0)
    } else {
        mask(img, move |p| {
            p[3] > 127 && (0..3).any(|i| p[i].abs_diff(bg[i]) > 48)
        })
    }
}

fn outline_mask(img: &Rgba) -> Option<Vec<bool>> {
    let (w, h) = (img.width, img.height);
    let ring: Vec<[u8; 4]> = (0..w)
        .flat_map(|x| [img.pixel(x, 0), img.pixel(x, h.saturating_sub(1))])
        .chain((0..h).flat_map(|y| [img.pixel(0, y), img.pixel(w.saturating_sub(1), y)]))
        .collect();
    let opaque_ring = ring.iter().filter(|p| p[3] > 127).count();
    let total = (w as usize) * (h as usize);
    let opaque = img.data.chunks_exact(4).filter(|p| p[3] > 127).count();
    if opaque_ring * 2 > ring.len() && opaque * 2 > total {
        // Reverse form: the symbol is the transparent cut-out.
        mask(img, |p| p[3] <= 127)
    } else {
        mask(img, |p| p[3] > 127)
    }
}

fn iou(a: &[bool], b: &[bool]) -> f64 {
    let inter = a.iter().zip(b).filter(|(x, y)| **x && **y).count();
    let union = a.iter().zip(b).filter(|(x, y)| **x || **y).count();
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let icons = icon_files(ctx);
    let get = |key: &str| {
        icons
            .iter()
            .find(|i| i.key == key)
            .map(|i| (i, i.decoded()))
    };
    let (Some((color, cdec)), Some((outline, odec))) = (get("color"), get("outline")) else {
        return;
    };
    let (Decoded::Image(_, cimg), Decoded::Image(_, oimg)) = (cdec.as_ref(), odec.as_ref()) else {
        return;
    };
    let (Some(cm), Some(om)) = (color_mask(cimg), outline_mask(oimg)) else {
        return;
    };
    let score = iou(&cm, &om);
    if score >= MIN_IOU {
        return;
    }
    out.push(
            Finding::at(
                MANIFEST,
                outline.pointer.clone(),
                format!(
                    "the outline icon `{}` may not show the same symbol as the color icon `{}` (their shapes overlap {:.0}% after cropping and scaling)",
                    outline.file,
                    color.file,
                    score * 100.0
                ),
            )
            .help("Draw the outline icon as the white silhouette of the color icon's symbol. This is a heuristic: if both icons show the same symbol, no change is needed.")
            .label("different symbol?"),
        );
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::icons::util::test_png::{color, outline, rgba};
    use crate::rules::testing::{at, Pkg};

    #[test]
    fn different_symbols() {
        // Color: a horizontal bar; outline: a vertical bar.
        let c = rgba(192, 192, |x, y| {
            if (40..152).contains(&x) && (90..102).contains(&y) {
                [200, 0, 0, 255]
            } else {
                [255, 255, 255, 255]
            }
        });
        let o = rgba(32, 32, |x, y| {
            if (15..17).contains(&x) && (4..28).contains(&y) {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        let pkg = Pkg::base().set("color.png", c).set("outline.png", o);
        assert_eq!(
            pkg.hits("icon-outline-mismatch"),
            vec![at("manifest.json", "/icons/outline")]
        );
    }

    #[test]
    fn symbol_touching_the_edges_is_not_the_reverse_form() {
        let frame = |side: u32, fg: [u8; 4], bg: [u8; 4]| {
            rgba(side, side, move |x, y| {
                let t = side / 16;
                if x < t || y < t || x >= side - t || y >= side - t {
                    fg
                } else {
                    bg
                }
            })
        };
        let pkg = Pkg::base()
            .set("color.png", frame(192, [200, 0, 0, 255], [0, 0, 0, 0]))
            .set("outline.png", frame(32, [255, 255, 255, 255], [0, 0, 0, 0]));
        assert!(pkg.hits("icon-outline-mismatch").is_empty());
    }

    #[test]
    fn same_symbol_passes() {
        let pkg = Pkg::base()
            .set("color.png", color(192))
            .set("outline.png", outline());
        assert!(pkg.hits("icon-outline-mismatch").is_empty());
        assert!(Pkg::base().hits("icon-outline-mismatch").is_empty());
    }
}
