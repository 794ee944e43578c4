//! Code rules: secrets.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
