//! Code rules: icons.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
