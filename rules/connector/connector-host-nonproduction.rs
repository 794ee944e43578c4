//! `connector-host-nonproduction`: `host` looks like a staging, development, test or local
//! host.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;
use serde_json::Value;

const WORDS: &[&str] = &[
    "staging",
    "stage",
    "stg",
    "dev",
    "develop",
    "development",
    "test",
    "testing",
    "qa",
    "uat",
    "sandbox",
    "preprod",
    "localhost",
    "local",
    "demo",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(host) = s.get("host").and_then(Value::as_str) else {
        return;
    };
    let lower = host.to_ascii_lowercase();
    let name = lower.split(':').next().unwrap_or_default();
    // Only the labels below the registrable domain are hints: `.dev` and `.qa` are
    // production top-level domains, `dev.to` a production site.
    let below = match crate::rules::text::registrable_domain(name) {
        Some(reg) => name
            .strip_suffix(reg.as_str())
            .map_or("", |p| p.trim_end_matches('.')),
        None => name.rsplit_once('.').map_or(name, |(rest, _)| rest),
    };
    let found = below
        .split(['.', '-'])
        .find(|label| WORDS.contains(label))
        .map(str::to_string)
        .or_else(|| {
            crate::rules::text::is_local_or_ip(name).then(|| "a local or IP address".to_string())
        });
    if let Some(word) = found {
        out.push(
            Finding::at(file, "/host", format!("`host` \"{host}\" looks like a non-production host (\"{word}\")"))
                .help("Point the connector at the production host: staging, dev and test host URLs are not allowed in certified connectors.")
                .label("non-production host"),
        );
    }
}
