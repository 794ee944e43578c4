//! Code rules: files.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
