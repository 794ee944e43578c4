//! Helpers shared by the code rules of one topic (walking bots, listing texts, icons, specs…).
//! Rules import these; helpers never import a rule.

pub(crate) mod auth;
pub(crate) mod bots;
pub(crate) mod connector;
pub(crate) mod copilot;
pub(crate) mod developer;
pub(crate) mod domains;
pub(crate) mod files;
pub(crate) mod icons;
pub(crate) mod localization;
pub(crate) mod manifest;
pub(crate) mod naming;
pub(crate) mod online;
pub(crate) mod secrets;
pub(crate) mod tabs;
pub(crate) mod update;
