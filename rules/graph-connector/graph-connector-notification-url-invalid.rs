//! `graph-connector-notification-url-invalid`: `graphConnector.notificationUrl` that is not
//! https, points at localhost, an IP address or a tunnel, or whose host `validDomains` does not
//! cover.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::{
    domains_have_placeholder, host_covered, is_placeholder_like, split_url, valid_domains,
};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    let ptr = "/graphConnector/notificationUrl";
    let Some(url) = m.str_at(ptr) else { return };
    if is_placeholder_like(url) {
        return;
    }
    let Some(parts) = split_url(url) else { return }; // the schema reports non-URLs
    let problem = if let Some(r) = bad_host_reason(&parts.host) {
        Some(r)
    } else if parts.scheme != "https" {
        Some(format!("uses `{}://` instead of https", parts.scheme))
    } else if !domains_have_placeholder(&m.value)
        && !host_covered(&valid_domains(&m.value), &parts.host)
    {
        Some(format!(
            "has the host `{}`, which `validDomains` does not list",
            parts.host
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        out.push(
                Finding::at(MANIFEST, ptr, format!("`graphConnector.notificationUrl` \"{url}\" {problem}"))
                    .help("Use the production https endpoint of the connector service on the publisher's domain, and list that host in `validDomains`.")
                    .label("invalid notification URL"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "graph-connector-notification-url-invalid";

    #[test]
    fn flags_tunnel_and_uncovered_hosts() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"graphConnector": {"notificationUrl": "https://abc.ngrok-free.app/api/notify"}}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/graphConnector/notificationUrl")]
        );
        let pkg = Pkg::base().patch("manifest.json", json!({"graphConnector": {"notificationUrl": "https://connector.elsewhere-notify.net/api"}}));
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/graphConnector/notificationUrl")]
        );
    }

    #[test]
    fn accepts_covered_https_host() {
        let m = Pkg::base().json("manifest.json");
        let domain = m["validDomains"][0]
            .as_str()
            .unwrap_or("")
            .trim_start_matches("*.")
            .to_string();
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"graphConnector": {"notificationUrl": format!("https://{domain}/api/notify")}}),
        );
        assert!(pkg.hits(ID).is_empty());
    }
}
