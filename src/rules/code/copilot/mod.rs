//! Code rules: copilot.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
