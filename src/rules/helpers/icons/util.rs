//! Shared helpers for the icon rules: which icons the manifest names; their pixels come from
//! the package model (`Ctx::icon`, decoded within bounds by `crate::image`).

use crate::model::{Ctx, MANIFEST};
use crate::references::{has_placeholder, RefKind};

pub use crate::image::{decode, Decoded, Rgba, Undecoded};

/// One icon the manifest names whose file is in the package and readable.
pub struct IconFile<'c> {
    /// `color`, `outline` or `color32x32`.
    pub key: &'static str,
    /// Pointer of the reference in manifest.json (`/icons/color`).
    pub pointer: String,
    /// Package path of the file.
    pub file: String,
    pub bytes: &'c [u8],
    ctx: &'c Ctx<'c>,
}

impl IconFile<'_> {
    /// The size the guidelines demand for this icon.
    pub fn expected_side(&self) -> u32 {
        if self.key == "color" {
            192
        } else {
            32
        }
    }

    /// The decoded icon, decoded on first use and shared by every icon rule (the model
    /// keeps it).
    pub fn decoded(&self) -> std::sync::Arc<Decoded> {
        self.ctx
            .icon(&self.file)
            .unwrap_or_else(|| std::sync::Arc::new(decode(self.bytes)))
    }

    /// `icons.color`
    pub fn field(&self) -> String {
        format!("icons.{}", self.key)
    }
}

/// The icons named by the manifest whose files exist (a missing file or a placeholder is left
/// to other rules).
pub fn icon_files<'c>(ctx: &'c Ctx<'c>) -> Vec<IconFile<'c>> {
    let mut out = Vec::new();
    for r in &ctx.refs {
        if r.kind != RefKind::Icon || r.from != MANIFEST || has_placeholder(&r.raw) {
            continue;
        }
        let key = match r.pointer.as_str() {
            "/icons/color" => "color",
            "/icons/outline" => "outline",
            "/icons/color32x32" => "color32x32",
            _ => continue,
        };
        let Some(target) = &r.target else { continue };
        let Some(Ok(bytes)) = ctx.package.read(target) else {
            continue;
        };
        out.push(IconFile {
            key,
            pointer: r.pointer.clone(),
            file: target.clone(),
            bytes,
            ctx,
        });
    }
    out
}

#[cfg(test)]
pub mod test_png {
    //! Small PNGs built in tests.

    /// Encodes an RGBA image.
    pub fn rgba(width: u32, height: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
        let mut data = Vec::new();
        for y in 0..height {
            for x in 0..width {
                data.extend_from_slice(&f(x, y));
            }
        }
        encode(
            width,
            height,
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            &data,
            None,
        )
    }

    pub fn encode(
        width: u32,
        height: u32,
        color: png::ColorType,
        depth: png::BitDepth,
        data: &[u8],
        palette: Option<(Vec<u8>, Vec<u8>)>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, width, height);
            enc.set_color(color);
            enc.set_depth(depth);
            if let Some((plte, trns)) = palette {
                enc.set_palette(plte);
                enc.set_trns(trns);
            }
            let mut w = enc.write_header().expect("header");
            w.write_image_data(data).expect("data");
        }
        out
    }

    /// A clean outline icon: a white square on transparent.
    pub fn outline() -> Vec<u8> {
        rgba(32, 32, |x, y| {
            if (8..24).contains(&x) && (8..24).contains(&y) {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
    }

    /// A clean color icon: a blue square on solid white.
    pub fn color(side: u32) -> Vec<u8> {
        rgba(side, side, |x, y| {
            if (48..144).contains(&x) && (48..144).contains(&y) {
                [0, 90, 200, 255]
            } else {
                [255, 255, 255, 255]
            }
        })
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A chunk with its length and CRC.
    pub fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        c.extend_from_slice(&body);
        c.extend_from_slice(&crc32(&body).to_be_bytes());
        c
    }

    /// Signature + a valid IHDR (8-bit RGBA) declaring `w`×`h`, then `idat` as the IDAT payload
    /// and IEND.
    pub fn handmade(w: u32, h: u32, idat: &[u8]) -> Vec<u8> {
        let mut out = crate::image::SIGNATURE.to_vec();
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        out.extend(chunk(b"IHDR", &ihdr));
        out.extend(chunk(b"IDAT", idat));
        out.extend(chunk(b"IEND", &[]));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::test_png::*;
    use super::*;

    #[test]
    fn decodes_rgba_palette_16bit_gray() {
        let Decoded::Image(h, img) = decode(&outline()) else {
            panic!("decodes")
        };
        assert_eq!((h.width, h.height), (32, 32));
        assert_eq!(img.pixel(10, 10), [255, 255, 255, 255]);
        assert_eq!(img.pixel(0, 0), [0, 0, 0, 0]);

        // Palette with tRNS: index 0 transparent black, index 1 opaque white.
        let idx: Vec<u8> = (0..16 * 16).map(|i| (i % 2) as u8).collect();
        let p = encode(
            16,
            16,
            png::ColorType::Indexed,
            png::BitDepth::Eight,
            &idx,
            Some((vec![0, 0, 0, 255, 255, 255], vec![0, 255])),
        );
        let Decoded::Image(_, img) = decode(&p) else {
            panic!("palette decodes")
        };
        assert_eq!(img.pixel(0, 0), [0, 0, 0, 0]);
        assert_eq!(img.pixel(1, 0), [255, 255, 255, 255]);

        // 16-bit grayscale + alpha.
        let data: Vec<u8> = (0..4 * 4).flat_map(|_| [0xFF, 0xFF, 0x80, 0x00]).collect();
        let p = encode(
            4,
            4,
            png::ColorType::GrayscaleAlpha,
            png::BitDepth::Sixteen,
            &data,
            None,
        );
        let Decoded::Image(_, img) = decode(&p) else {
            panic!("16-bit decodes")
        };
        assert_eq!(img.pixel(3, 3), [255, 255, 255, 128]);
    }

    #[test]
    fn refuses_huge_and_reports_corrupt_and_foreign() {
        let huge = handmade(100_000, 100_000, &[0x78, 0x9c, 0x03, 0x00]);
        match decode(&huge) {
            Decoded::Header(h, Undecoded::TooLarge) => assert_eq!(h.width, 100_000),
            other => panic!("{other:?}"),
        }
        let corrupt = handmade(32, 32, b"this is not zlib data at all");
        assert!(matches!(
            decode(&corrupt),
            Decoded::Header(_, Undecoded::Corrupt(_))
        ));
        assert!(matches!(
            decode(b"GIF89a...."),
            Decoded::NotPng("a GIF image")
        ));
        assert!(matches!(
            decode(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Decoded::NotPng("a JPEG image")
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Decoded::BadHeader(_)
        ));
    }
}
