//! Code rules: tabs (`staticTabs[]`, `configurableTabs[]`).

mod static_tab_entity_id_duplicate;
mod tab_url_local_or_tunnel;
mod tab_url_not_https;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &static_tab_entity_id_duplicate::StaticTabEntityIdDuplicate,
    &tab_url_local_or_tunnel::TabUrlLocalOrTunnel,
    &tab_url_not_https::TabUrlNotHttps,
];
