//! `online-privacy-page-content`: a privacy link's page never mentions privacy or personal
//! data (`--online`).

use crate::model::Ctx;
use crate::online::{mentions, PRIVACY_WORDS};
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if u.role.is_privacy() && f.has_readable_text() && !mentions(&f.haystack(), PRIVACY_WORDS) {
            out.push(
                finding(&u, "leads to a page that never mentions privacy or personal data (if the page is rendered by script, check it in a browser)")
                    .label("not a privacy policy?"),
            );
        }
    }
}
