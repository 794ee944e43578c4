//! `plugin-legal-url-invalid`: a plugin `privacy_policy_url` or `legal_info_url` that is not
//! https, or points at localhost, an IP address, a tunnel or a sample domain.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::plugins;
use crate::rules::helpers::copilot::KEYS;
use crate::rules::helpers::domains::util::{is_placeholder_like, split_url};
use crate::rules::text::{bad_host_reason, sample_label};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (key, what) in KEYS {
            let Some(url) = p.get(*key).and_then(Value::as_str) else {
                continue;
            };
            if is_placeholder_like(url) || url.contains("[[") {
                continue;
            }
            let problem = match split_url(url) {
                None => Some("is not an absolute URL".to_string()),
                Some(parts) => {
                    if let Some(r) = bad_host_reason(&parts.host) {
                        Some(r)
                    } else if parts.scheme != "https" {
                        Some(format!("uses `{}://` instead of https", parts.scheme))
                    } else {
                        sample_label(&parts.host).map(|l| format!("uses the sample domain `{l}`"))
                    }
                }
            };
            if let Some(problem) = problem {
                out.push(
                        Finding::at(file, format!("/{key}"), format!("`{key}` \"{url}\" {problem}"))
                            .help(format!("Link the publisher's public {what} page over https, the same page as the manifest's `developer.{}`.", if *key == "privacy_policy_url" { "privacyUrl" } else { "termsOfUseUrl" }))
                            .label("not a public https page"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-legal-url-invalid";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_http_local_and_sample_urls() {
        let pkg = Pkg::from_fixture(DA).patch(
            "ai-plugin.json",
            json!({"privacy_policy_url": "http://fernhillsystems.com/privacy", "legal_info_url": "https://www.contoso.com/terms"}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("ai-plugin.json", "/legal_info_url"),
                at("ai-plugin.json", "/privacy_policy_url")
            ]
        );
    }

    #[test]
    fn accepts_public_https() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
