//! `online-terms-page-content`: a terms link's page never mentions terms, conditions or
//! agreement (`--online`).

use crate::model::Ctx;
use crate::online::{mentions, TERMS_WORDS};
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if u.role.is_terms() && f.has_readable_text() && !mentions(&f.haystack(), TERMS_WORDS) {
            out.push(
                finding(&u, "leads to a page that never mentions terms, conditions or an agreement (if the page is rendered by script, check it in a browser)")
                    .label("not terms of use?"),
            );
        }
    }
}
