//! Code rules: tabs.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
