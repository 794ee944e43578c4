//! Code rules: developer (publisher information, privacy policy and terms of use links).

mod terms_on_document_host;
mod url_appsource;
mod url_local_host;
mod url_not_https;
mod url_sample_domain;
mod util;

#[cfg(test)]
mod tests;

use crate::rules::CodeRule;

pub static RULES: &[&dyn CodeRule] = &[
    &url_not_https::UrlNotHttps,
    &url_local_host::UrlLocalHost,
    &url_sample_domain::UrlSampleDomain,
    &url_appsource::UrlAppsource,
    &terms_on_document_host::TermsOnDocumentHost,
];
