//! `connector-schemes`: `schemes` names something other than http or https, or does not
//! include https.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(schemes) = s.get("schemes").and_then(Value::as_array) else {
        return;
    };
    let mut https = false;
    for (i, v) in schemes.iter().enumerate() {
        match v.as_str() {
            Some("https") => https = true,
            Some("http") => {}
            _ => out.push(
                Finding::at(
                    file,
                    format!("/schemes/{i}"),
                    format!("scheme {v} is not allowed; connectors use https (or http)"),
                )
                .help("List `https` in `schemes`.")
                .label("unknown scheme"),
            ),
        }
    }
    if !https && !schemes.is_empty() {
        out.push(
            Finding::at(
                file,
                "/schemes",
                "`schemes` does not include https: the connector talks to its service unencrypted",
            )
            .help("Serve the API over TLS and set `\"schemes\": [\"https\"]`.")
            .label("no https"),
        );
    }
}
