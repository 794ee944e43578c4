//! Code rules: auth.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
