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
    let w = img.width as usize;
    let symbol = |row: &[u8], x: usize| {
        row.get(x * 4..x * 4 + 4)
            .is_some_and(|p| is_symbol([p[0], p[1], p[2], p[3]]))
    };
    // The bounding box: per row, only the margins outside the symbol are scanned.
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0usize, 0usize);
    for (y, row) in img.rows().enumerate() {
        let Some(first) = (0..w).find(|&x| symbol(row, x)) else {
            continue;
        };
        let last = (first..w).rev().find(|&x| symbol(row, x)).unwrap_or(first);
        x0 = x0.min(first);
        x1 = x1.max(last);
        y0 = y0.min(y);
        y1 = y;
    }
    if x0 > x1 || y0 > y1 {
        return None;
    }
    // A square around the bounding box, so the shape's proportions survive.
    let (bw, bh) = ((x1 - x0) as i64 + 1, (y1 - y0) as i64 + 1);
    let side = bw.max(bh);
    let ox = x0 as i64 - (side - bw) / 2;
    let oy = y0 as i64 - (side - bh) / 2;
    let g = GRID as i64;
    let (width, height) = (i64::from(img.width), i64::from(img.height));
    let row_len = w * 4;
    let symbol_at = |x: i64, y: i64| {
        x >= 0
            && y >= 0
            && x < width
            && y < height
            && img
                .data
                .get(y as usize * row_len..(y as usize + 1) * row_len)
                .is_some_and(|row| symbol(row, x as usize))
    };
    let mut out = vec![false; GRID * GRID];
    for gy in 0..g {
        for gx in 0..g {
            // Any symbol pixel in the cell marks it.
            let (cx0, cx1) = (gx * side / g, ((gx + 1) * side + g - 1) / g);
            let (cy0, cy1) = (gy * side / g, ((gy + 1) * side + g - 1) / g);
            let hit = (cy0..cy1.max(cy0 + 1))
                .any(|y| (cx0..cx1.max(cx0 + 1)).any(|x| symbol_at(ox + x, oy + y)));
            out[(gy * g + gx) as usize] = hit;
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
