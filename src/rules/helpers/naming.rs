//! Code rules: app names and descriptions (manifest and localization files).

pub(crate) mod name_leads_with_teams_feature;
pub(crate) mod name_preproduction_word;
pub(crate) mod name_uses_microsoft_product;
pub(crate) mod util;
