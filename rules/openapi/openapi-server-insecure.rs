//! `openapi-server-insecure`: an OpenAPI `servers` URL that is not https or points at
//! localhost, an IP address or a tunnelling service.

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{distinct_specs, items};
use crate::rules::helpers::domains::util::{is_placeholder_like, split_url};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (_, parsed) in distinct_specs(ctx) {
        let Ok(spec) = parsed.as_ref() else {
            continue;
        };
        for (sp, s) in items(&spec.value, "/servers") {
            let Some(url) = s.get("url").and_then(Value::as_str) else {
                continue;
            };
            if is_placeholder_like(url) || url.contains('{') {
                continue; // server variables and template values are resolved elsewhere
            }
            let Some(parts) = split_url(url) else {
                continue;
            }; // relative: same host as the spec
            let problem = bad_host_reason(&parts.host).or_else(|| {
                (parts.scheme != "https")
                    .then(|| format!("uses `{}://` instead of https", parts.scheme))
            });
            if let Some(problem) = problem {
                out.push(
                        spec.finding(&format!("{sp}/url"), format!("server URL \"{url}\" {problem}"))
                            .help("Point `servers` at the production API over https (TLS 1.2 or later) on the publisher's own domain.")
                            .label("not a production https server"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::copilot::util::replace_text;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "openapi-server-insecure";

    #[test]
    fn flags_http_and_tunnel_servers() {
        let pkg = Pkg::from_fixture("fixtures/packages/me-api-based").patch(
            "apiSpecificationFile/openapi.json",
            json!({"servers": [{"url": "http://api.tallyberry.com/v2"}, {"url": "https://x1.devtunnels.ms"}]}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("apiSpecificationFile/openapi.json", "/servers/0/url"),
                at("apiSpecificationFile/openapi.json", "/servers/1/url")
            ]
        );
        let pkg = replace_text(
            Pkg::from_fixture("fixtures/packages/declarative-agent"),
            "apis/openapi.yaml",
            "https://api.fernhillsystems.com",
            "http://localhost:7071",
        );
        let f = pkg.findings(ID);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (Some(10), Some(5)));
    }

    #[test]
    fn accepts_https() {
        assert!(Pkg::from_fixture("fixtures/packages/me-api-based")
            .hits(ID)
            .is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
    }
}
