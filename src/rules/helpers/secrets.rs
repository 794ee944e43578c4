//! Code rules: secrets and environment files in the package.

pub(crate) mod util;
