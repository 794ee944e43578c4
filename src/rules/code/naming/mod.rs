//! Code rules: app names and descriptions (manifest and localization files).

mod appsource_link;
mod full_same_as_short;
mod full_too_many_words;
mod leads_with_teams_feature;
mod microsoft_abbreviation;
mod office_365;
mod preproduction_word;
mod teams_first_mention;
mod uses_microsoft_product;
mod util;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &leads_with_teams_feature::LeadsWithTeamsFeature,
    &uses_microsoft_product::UsesMicrosoftProduct,
    &preproduction_word::PreproductionWord,
    &full_same_as_short::FullSameAsShort,
    &full_too_many_words::FullTooManyWords,
    &microsoft_abbreviation::MicrosoftAbbreviation,
    &teams_first_mention::TeamsFirstMention,
    &appsource_link::AppsourceLink,
    &office_365::Office365,
];
