//! Code rules: localization.

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[];
