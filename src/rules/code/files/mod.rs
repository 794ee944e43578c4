//! Code rules: files of the package (additional files, reference paths, text encoding).

mod package_extra_file;
mod reference_path_invalid;
mod text_file_encoding;
pub mod util;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &package_extra_file::PackageExtraFile,
    &reference_path_invalid::ReferencePathInvalid,
    &text_file_encoding::TextFileEncoding,
];
