//! Code rules: icons.

mod icon_color_background;
mod icon_not_png;
mod icon_outline_colors;
mod icon_outline_mismatch;
mod icon_png_corrupt;
mod icon_wrong_size;
pub mod util;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &icon_not_png::IconNotPng,
    &icon_png_corrupt::IconPngCorrupt,
    &icon_wrong_size::IconWrongSize,
    &icon_outline_colors::IconOutlineColors,
    &icon_color_background::IconColorBackground,
    &icon_outline_mismatch::IconOutlineMismatch,
];
