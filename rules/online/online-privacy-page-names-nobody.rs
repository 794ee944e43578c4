//! `online-privacy-page-names-nobody`: a privacy page names neither the publisher, the app
//! nor the website's domain (`--online`).

use crate::model::Ctx;
use crate::online::{mentions, PRIVACY_WORDS};
use crate::rules::helpers::online::{fetched, finding, names};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let names = names(ctx);
    if names.is_empty() {
        return;
    }
    for (u, f) in fetched(ctx) {
        if !u.role.is_privacy() || !f.has_readable_text() {
            continue;
        }
        let text = f.haystack();
        // A page that is not about privacy is online-privacy-page-content's.
        if !mentions(&text, PRIVACY_WORDS) || names.iter().any(|n| text.contains(n.as_str())) {
            continue;
        }
        let listed: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        out.push(
            finding(&u, format!("leads to a privacy policy that names none of {}", listed.join(", ")))
                .help("A generic privacy policy must name the services it covers: name the publisher and the app (or the website) in it, or link the policy that covers this app.")
                .label("whose policy?"),
        );
    }
}
