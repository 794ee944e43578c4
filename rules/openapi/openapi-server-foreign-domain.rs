//! `openapi-server-foreign-domain`: an OpenAPI `servers` URL on another registrable domain than
//! the developer's website.

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{distinct_specs, items};
use crate::rules::helpers::domains::util::{is_placeholder_like, split_url};
use crate::rules::text::{is_local_or_ip, registrable_domain, tunnel_suffix};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(site) = ctx
        .manifest()
        .and_then(|m| m.str_at("/developer/websiteUrl"))
        .filter(|u| !is_placeholder_like(u))
        .and_then(split_url)
        .and_then(|p| registrable_domain(&p.host))
    else {
        return;
    };
    for (_, parsed) in distinct_specs(ctx) {
        let Ok(spec) = parsed.as_ref() else { continue };
        for (sp, s) in items(&spec.value, "/servers") {
            let Some(url) = s.get("url").and_then(Value::as_str) else {
                continue;
            };
            if is_placeholder_like(url) || url.contains('{') {
                continue;
            }
            let Some(parts) = split_url(url) else {
                continue;
            };
            // Local hosts and tunnels are openapi-server-insecure's.
            if is_local_or_ip(&parts.host) || tunnel_suffix(&parts.host).is_some() {
                continue;
            }
            let Some(domain) = registrable_domain(&parts.host) else {
                continue;
            };
            if domain == site {
                continue;
            }
            out.push(
                spec.finding(&format!("{sp}/url"), format!("server URL \"{url}\" is on `{domain}`, not on the developer's domain `{site}`"))
                    .help("Serve the API from your own domain (e.g. `api.{site}`), or explain the other host to the reviewers in the submission notes.")
                    .label("other domain"),
            );
        }
    }
}
