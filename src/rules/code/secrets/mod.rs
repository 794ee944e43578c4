//! Code rules: secrets and environment files in the package.

mod secret_file_in_package;
mod secret_in_content;
pub mod util;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &secret_file_in_package::SecretFileInPackage,
    &secret_in_content::SecretInContent,
];
