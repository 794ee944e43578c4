//! `online-redirect-not-https`: a redirect hop of a reviewer link leaves https (`--online`).

use crate::model::Ctx;
use crate::online::ErrorKind;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if f.error == Some(ErrorKind::NotHttps) {
            out.push(
                finding(&u, format!("is not secure all the way: {}", f.detail))
                    .label("redirect to http"),
            );
        }
    }
}
