//! Numbers on which the sources disagree, configurable per project (`[thresholds]` in
//! `appcert.toml`); rules read them from the package model.

use serde::Deserialize;

/// Numbers on which the sources disagree, configurable per project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Thresholds {
    /// A Copilot message extension whose search commands all take fewer parameters is
    /// `me-parameter-count-low` (Teams Store guidelines: at least 2). The key name predates the
    /// rule becoming a warning; it is kept so existing configurations work.
    pub me_parameters_error_below: usize,
    /// ... and `me-parameter-count-few` below this (agent validation guidelines: 3 or more).
    pub me_parameters_warning_below: usize,
    /// Fewest conversation starters a store agent needs.
    pub conversation_starters_min: usize,
    /// Most conversation starters the store allows (the schema allows 12).
    pub conversation_starters_max: usize,
    /// The outline icon's symbol may leave at most this many pixels, on average per side, of
    /// empty frame in its larger direction (`icon-outline-padding`; the guidelines say "no extra
    /// padding" without a number).
    pub outline_padding_max: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            me_parameters_error_below: 2,
            me_parameters_warning_below: 3,
            conversation_starters_min: 3,
            conversation_starters_max: 6,
            outline_padding_max: 4,
        }
    }
}
