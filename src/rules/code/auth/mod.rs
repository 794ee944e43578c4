//! Code rules: authentication and permissions (`webApplicationInfo`, `authorization`).

mod rsc_high_privilege;
mod rsc_without_web_app_info;
#[cfg(test)]
mod tests;
mod web_app_id_not_guid;
mod web_app_resource_host_not_in_valid_domains;
mod web_app_resource_not_api_uri;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &rsc_high_privilege::RscHighPrivilege,
    &rsc_without_web_app_info::RscWithoutWebAppInfo,
    &web_app_id_not_guid::WebAppIdNotGuid,
    &web_app_resource_host_not_in_valid_domains::WebAppResourceHostNotInValidDomains,
    &web_app_resource_not_api_uri::WebAppResourceNotApiUri,
];
