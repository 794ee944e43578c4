//! Who a package is checked for: the public store or one organization.

use serde::{Deserialize, Serialize};

/// Who the package is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Public Teams Store / Microsoft 365 agent store submission: every rule applies.
    Store,
    /// Line-of-business app for one organization's catalog: validity, security and privacy
    /// rules stay; store-listing rules drop to info.
    Org,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Store => "store",
            Profile::Org => "org",
        }
    }
}
