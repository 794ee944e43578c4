//! Code rules: bots.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
