//! Code rules: developer (publisher information, privacy policy and terms of use links).

#[cfg(test)]
mod tests;
pub(crate) mod util;
