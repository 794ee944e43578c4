//! Code rules about the manifest as a whole.

#[cfg(test)]
mod tests;
