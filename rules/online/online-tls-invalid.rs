//! `online-tls-invalid`: the TLS handshake with a reviewer link's host fails (`--online`).

use crate::model::Ctx;
use crate::online::ErrorKind;
use crate::rules::helpers::online::{fetched, finding};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (u, f) in fetched(ctx) {
        if f.error == Some(ErrorKind::Tls) {
            out.push(finding(&u, format!("fails TLS: {}", f.detail)).label("TLS error"));
        }
    }
}
