//! Code rules, one per file, grouped by topic. Each group lists its rules in its `RULES`
//! slice; this is the one place the groups are assembled. The registry test fails when a rule
//! file exists but is not listed, when a listed rule has no rule file under `rules/`, and when
//! two rules share an id.

use super::CodeRule;

pub mod auth;
pub mod bots;
pub mod copilot;
pub mod developer;
pub mod domains;
pub mod files;
pub mod icons;
pub mod localization;
pub mod manifest;
pub mod naming;
pub mod secrets;
pub mod tabs;

/// Every code rule.
pub fn all() -> Vec<&'static dyn CodeRule> {
    let groups: &[&[&'static dyn CodeRule]] = &[
        auth::RULES,
        bots::RULES,
        copilot::RULES,
        developer::RULES,
        domains::RULES,
        files::RULES,
        icons::RULES,
        localization::RULES,
        manifest::RULES,
        naming::RULES,
        secrets::RULES,
        tabs::RULES,
    ];
    groups.iter().flat_map(|g| g.iter().copied()).collect()
}
