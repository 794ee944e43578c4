//! Code rules about the manifest as a whole.

mod template_placeholder;

#[cfg(test)]
mod tests;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[&template_placeholder::TemplatePlaceholder];
