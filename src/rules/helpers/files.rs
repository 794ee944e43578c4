//! Code rules: files of the package (additional files, reference paths, text encoding).

pub(crate) mod util;
