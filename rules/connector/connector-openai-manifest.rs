//! `connector-openai-manifest`: a Copilot extension's `x-ms-openai-manifest` lacks
//! `humanName`, `modelDescription`, `contactEmail` or `legalUrl`, or the email or URL is not
//! valid.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{is_absolute_url, is_email, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(m) = s.get("x-ms-openai-manifest") else {
        return;
    };
    let missing: Vec<&str> = ["humanName", "modelDescription", "contactEmail", "legalUrl"]
        .into_iter()
        .filter(|k| {
            m.get(*k)
                .and_then(Value::as_str)
                .is_none_or(|v| v.trim().is_empty())
        })
        .collect();
    if !missing.is_empty() {
        out.push(
            Finding::at(file, "/x-ms-openai-manifest", format!("`x-ms-openai-manifest` lacks {}", missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")))
                .help("A Copilot extension names itself (`humanName`), tells the model when to use it (`modelDescription`) and gives a `contactEmail` and a `legalUrl`.")
                .at_key(),
        );
    }
    if let Some(e) = m.get("contactEmail").and_then(Value::as_str) {
        if !e.trim().is_empty() && !is_email(e) {
            out.push(
                Finding::at(
                    file,
                    "/x-ms-openai-manifest/contactEmail",
                    format!("`contactEmail` \"{e}\" is not an email address"),
                )
                .help("Give a valid support email address.")
                .label("invalid email"),
            );
        }
    }
    if let Some(u) = m.get("legalUrl").and_then(Value::as_str) {
        let https = is_absolute_url(u) && u.trim().starts_with("https://");
        if !u.trim().is_empty() && !https {
            out.push(
                Finding::at(
                    file,
                    "/x-ms-openai-manifest/legalUrl",
                    format!("`legalUrl` \"{u}\" is not an absolute https URL"),
                )
                .help("Link the terms of use with an absolute https URL.")
                .label("invalid URL"),
            );
        }
    }
}
