//! `online-terms-other-domain`: the terms of use are not hosted on the registrable domain of
//! `developer.websiteUrl` (`--online`).

use crate::model::Ctx;
use crate::rules::helpers::online::{domain_of, fetched, finding, website, Role};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(site) = website(ctx).and_then(|w| domain_of(&w)) else {
        return;
    };
    for (u, f) in fetched(ctx) {
        if !matches!(u.role, Role::Terms | Role::PluginLegal) || !f.ok() {
            continue;
        }
        let last = f.final_url(&u.url);
        let Some(domain) = domain_of(last) else {
            continue;
        };
        if domain != site {
            out.push(
                finding(&u, format!("is hosted on `{domain}` (<{last}>), not on your own domain `{site}` (`developer.websiteUrl`)"))
                    .label("hosted elsewhere"),
            );
        }
    }
}
