//! `online-url-unreachable`: a reviewer link cannot be opened: DNS, connection, timeout, too
//! many redirects, not HTTP (`--online`).

use crate::model::Ctx;
use crate::online::ErrorKind;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        let Some(kind) = f.error else { continue };
        if !matches!(
            kind,
            ErrorKind::Dns
                | ErrorKind::Connect
                | ErrorKind::Timeout
                | ErrorKind::TooManyRedirects
                | ErrorKind::Protocol
        ) {
            continue;
        }
        out.push(finding(&u, format!("cannot be opened: {}", f.detail)).label("unreachable"));
    }
}
