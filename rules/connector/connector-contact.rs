//! `connector-contact`: `info.contact` lacks a name, a URL or an email, or the URL or email
//! is not valid.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{is_absolute_url, is_email, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(contact) = s.pointer("/info/contact") else {
        out.push(
            Finding::at(file, if s.get("info").is_some() { "/info" } else { "" }, "`info.contact` is missing: the connector must name a contact with name, url and email")
                .help("Add `\"contact\": {\"name\": …, \"url\": \"https://…\", \"email\": …}` to `info`: Microsoft and makers use it for support."),
        );
        return;
    };
    let mut missing = Vec::new();
    for key in ["name", "url", "email"] {
        match contact.get(key).and_then(Value::as_str) {
            None => missing.push(key),
            Some(v) if v.trim().is_empty() => missing.push(key),
            Some(v) => {
                let bad = match key {
                    "url" => !is_absolute_url(v),
                    "email" => !is_email(v),
                    _ => false,
                };
                if bad {
                    out.push(
                        Finding::at(
                            file,
                            format!("/info/contact/{key}"),
                            format!(
                                "`info.contact.{key}` \"{v}\" is not a valid {}",
                                if key == "url" {
                                    "absolute URL"
                                } else {
                                    "email address"
                                }
                            ),
                        )
                        .help("Give a reachable https URL and a valid support email address.")
                        .label(format!("invalid {key}")),
                    );
                }
            }
        }
    }
    if !missing.is_empty() {
        out.push(
            Finding::at(
                file,
                "/info/contact",
                format!(
                    "`info.contact` lacks {}",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .help("The contact needs a name, a URL and an email address.")
            .label("incomplete contact"),
        );
    }
}
