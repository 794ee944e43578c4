//! Code rules, one per file, grouped by topic. Each group lists its rules in its `RULES`
//! slice; this is the one place the groups are assembled. The registry test fails when a rule
//! file exists but is not listed, when a listed rule has no rule file under `rules/`, and when
//! two rules share an id.

use super::CodeRule;

pub mod manifest;

/// Every code rule.
pub fn all() -> Vec<&'static dyn CodeRule> {
    let groups: &[&[&'static dyn CodeRule]] = &[manifest::RULES];
    groups.iter().flat_map(|g| g.iter().copied()).collect()
}
