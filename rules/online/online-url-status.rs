//! `online-url-status`: a reviewer link's final answer is not 2xx (`--online`; 401 and 403
//! are `online-sign-in-required`'s).

use crate::model::Ctx;
use crate::online::is_sign_in;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        let Some(status) = f.status else { continue };
        if f.error.is_some()
            || (200..300).contains(&status)
            || status == 401
            || status == 403
            || is_sign_in(f.final_url(&u.url))
        {
            continue;
        }
        let via = if f.redirects.is_empty() {
            String::new()
        } else {
            format!(
                " (after {} redirect(s), at <{}>)",
                f.redirects.len(),
                f.final_url(&u.url)
            )
        };
        out.push(
            finding(&u, format!("answers HTTP {status}{via}")).label(format!("HTTP {status}")),
        );
    }
}
