//! `connector-host-invalid`: `host` is missing or holds a scheme, a path or spaces.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(host) = s.get("host").and_then(Value::as_str) else {
        out.push(
            Finding::at(file, "", "the swagger has no `host`")
                .help("Add `\"host\": \"api.example.com\"`: the host name of the service, without scheme or path."),
        );
        return;
    };
    let why = if host.contains("://") {
        Some("holds a scheme")
    } else if host.contains('/') {
        Some("holds a path")
    } else if host.trim().is_empty() {
        Some("is empty")
    } else if host.contains(char::is_whitespace) {
        Some("holds spaces")
    } else {
        None
    };
    if let Some(why) = why {
        out.push(
            Finding::at(file, "/host", format!("`host` \"{host}\" {why}; it must be a host name (and optional port) only"))
                .help("Put the scheme in `schemes` and the path in `basePath`; `host` is only the host name, e.g. `api.contoso.com`.")
                .label("not a host name"),
        );
    }
}
