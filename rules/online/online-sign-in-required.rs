//! `online-sign-in-required`: a reviewer link answers 401/403 or redirects to a sign-in page
//! (`--online`).

use crate::model::Ctx;
use crate::online::is_sign_in;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if let Some(hop) = f.redirects.iter().find(|h| is_sign_in(h)) {
            out.push(
                finding(&u, format!("redirects to a sign-in page <{hop}>"))
                    .label("requires a sign-in"),
            );
        } else if f.error.is_none() && matches!(f.status, Some(401 | 403)) {
            out.push(
                finding(
                    &u,
                    format!(
                        "answers HTTP {} (a sign-in or permission is required)",
                        f.status.unwrap_or_default()
                    ),
                )
                .label("requires a sign-in"),
            );
        }
    }
}
