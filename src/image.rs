//! PNG icons decoded within bounds. Dimensions come from the IHDR chunk (read by the `png`
//! crate's `read_header_info`) before any pixel buffer is allocated; anything larger than
//! [`MAX_SIDE`] per side or [`MAX_BUFFER`] bytes decoded is never decoded.

/// Largest width or height that is ever decoded.
pub const MAX_SIDE: u32 = 4096;
/// Largest decoded frame buffer, in bytes.
pub const MAX_BUFFER: usize = 8 * 1024 * 1024;

/// What the IHDR says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub width: u32,
    pub height: u32,
}

/// Why the pixels of a PNG with a readable header are not available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecoded {
    /// Larger than the decoding limits: never decoded (not an error of the file itself).
    TooLarge,
    /// The image data is corrupt.
    Corrupt(String),
}

/// Decoded pixels, RGBA 8-bit, row-major.
#[derive(Debug, Clone)]
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

impl Rgba {
    /// The rows of pixels, top to bottom, each `width × 4` bytes (RGBA).
    pub fn rows(&self) -> std::slice::ChunksExact<'_, u8> {
        self.data.chunks_exact((self.width.max(1) as usize) * 4)
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y as usize) * (self.width as usize) + x as usize) * 4;
        match self.data.get(i..i + 4) {
            Some(p) => [p[0], p[1], p[2], p[3]],
            None => [0, 0, 0, 0],
        }
    }
}

/// The outcome of reading an icon file.
#[derive(Debug)]
pub enum Decoded {
    /// No PNG signature: what the bytes are instead.
    NotPng(&'static str),
    /// PNG signature, but the header cannot be read.
    BadHeader(String),
    /// Header read; pixels not available.
    Header(Header, Undecoded),
    /// Header and pixels.
    Image(Header, Rgba),
}

impl Decoded {
    pub fn header(&self) -> Option<Header> {
        match self {
            Decoded::Header(h, _) | Decoded::Image(h, _) => Some(*h),
            _ => None,
        }
    }
}

pub(crate) const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Reads a PNG within the limits: signature, IHDR, then (when small enough) the first frame,
/// normalised to RGBA 8-bit.
pub fn decode(bytes: &[u8]) -> Decoded {
    if !bytes.starts_with(SIGNATURE) {
        return Decoded::NotPng(crate::package::sniff(bytes));
    }
    let mut decoder = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: 2 * MAX_BUFFER,
        },
    );
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let header = match decoder.read_header_info() {
        Ok(info) => Header {
            width: info.width,
            height: info.height,
        },
        Err(e) => return Decoded::BadHeader(e.to_string()),
    };
    if header.width > MAX_SIDE || header.height > MAX_SIDE {
        return Decoded::Header(header, Undecoded::TooLarge);
    }
    let mut reader = match decoder.read_info() {
        Ok(r) => r,
        Err(png::DecodingError::LimitsExceeded) => {
            return Decoded::Header(header, Undecoded::TooLarge)
        }
        Err(e) => return Decoded::Header(header, Undecoded::Corrupt(e.to_string())),
    };
    let size = match reader.output_buffer_size() {
        Some(s) if s <= MAX_BUFFER => s,
        _ => return Decoded::Header(header, Undecoded::TooLarge),
    };
    let mut buf = vec![0u8; size];
    let info = match reader.next_frame(&mut buf) {
        Ok(i) => i,
        Err(png::DecodingError::LimitsExceeded) => {
            return Decoded::Header(header, Undecoded::TooLarge)
        }
        Err(e) => return Decoded::Header(header, Undecoded::Corrupt(e.to_string())),
    };
    let w = info.width as usize;
    if info.color_type == png::ColorType::Rgba && info.line_size == w * 4 {
        // Already RGBA 8-bit with rows back to back: the buffer is the image, no copy.
        let len = w * info.height as usize * 4;
        if buf.len() >= len {
            buf.truncate(len);
            return Decoded::Image(
                header,
                Rgba {
                    width: info.width,
                    height: info.height,
                    data: buf,
                },
            );
        }
    }
    let used = buf.get(..info.buffer_size()).unwrap_or(&buf);
    match to_rgba(
        used,
        info.width,
        info.height,
        info.color_type,
        info.line_size,
    ) {
        Some(image) => Decoded::Image(header, image),
        None => Decoded::Header(
            header,
            Undecoded::Corrupt("unexpected pixel layout after decoding".into()),
        ),
    }
}

fn to_rgba(
    buf: &[u8],
    width: u32,
    height: u32,
    color: png::ColorType,
    line_size: usize,
) -> Option<Rgba> {
    let channels = match color {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return None, // EXPAND turns palettes into RGB(A)
    };
    let w = width as usize;
    let mut data = Vec::with_capacity(w * height as usize * 4);
    for y in 0..height as usize {
        let row = buf.get(y * line_size..y * line_size + w * channels)?;
        for px in row.chunks_exact(channels) {
            let rgba = match channels {
                1 => [px[0], px[0], px[0], 255],
                2 => [px[0], px[0], px[0], px[1]],
                3 => [px[0], px[1], px[2], 255],
                _ => [px[0], px[1], px[2], px[3]],
            };
            data.extend_from_slice(&rgba);
        }
    }
    Some(Rgba {
        width,
        height,
        data,
    })
}
