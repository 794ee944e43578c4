//! `online-address-refused`: a reviewer link (or a redirect) resolves to a non-public address,
//! which appcert refuses to connect to (`--online`).

use crate::model::Ctx;
use crate::online::ErrorKind;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if f.error == Some(ErrorKind::Address) {
            out.push(
                finding(&u, format!("was not fetched: {}", f.detail)).label("not a public address"),
            );
        }
    }
}
