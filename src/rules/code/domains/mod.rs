//! Code rules: domains.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
