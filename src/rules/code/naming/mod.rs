//! Code rules: naming.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
