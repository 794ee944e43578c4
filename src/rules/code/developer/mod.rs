//! Code rules: developer.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
