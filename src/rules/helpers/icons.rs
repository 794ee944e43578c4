//! Code rules: icons.

pub(crate) mod util;
