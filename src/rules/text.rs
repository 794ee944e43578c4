//! Shared helpers for rules: GUIDs, hosts and URLs, words.

use serde_json::Value;

/// A GUID in the 8-4-4-4-12 hex form.
pub fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    parts.len() == 5
        && parts
            .iter()
            .zip(lens)
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub const NIL_GUID: &str = "00000000-0000-0000-0000-000000000000";

/// Tunnelling services: hosts that forward to a developer's machine.
pub const TUNNEL_SUFFIXES: &[&str] = &[
    "ngrok.io",
    "ngrok-free.app",
    "ngrok.app",
    "ngrok.dev",
    "ngrok-free.dev",
    "devtunnels.ms",
    "loca.lt",
    "localtunnel.me",
    "trycloudflare.com",
    "serveo.net",
    "serveousercontent.com",
    "localhost.run",
    "lhr.life",
    "pagekite.me",
    "openport.io",
    "portmap.io",
    "portmap.host",
    "fwd.wf",
    "localto.net",
    "pinggy.link",
    "pinggy.io",
    "telebit.io",
    "tunnelmole.net",
];

/// Sample and placeholder domains of documentation and templates.
pub const SAMPLE_DOMAIN_LABELS: &[&str] = &[
    "example",
    "contoso",
    "fabrikam",
    "northwind",
    "northwindtraders",
    "adventure-works",
    "adventureworks",
    "wingtiptoys",
    "tailspintoys",
    "woodgrovebank",
    "litwareinc",
    "proseware",
    "alpineskihouse",
    "wideworldimporters",
    "treyresearch",
    "yourdomain",
    "yourcompany",
    "mycompany",
    "your-domain",
    "domain",
];

/// Microsoft and Azure domains shared by every tenant; the guidelines forbid wildcards over
/// them by name (`*.azurewebsites.net`, `*.microsoft.com`, `*.onmicrosoft.com`, …).
pub const MICROSOFT_SHARED_SUFFIXES: &[&str] = &[
    "azurewebsites.net",
    "azureedge.net",
    "azureedge.com",
    "azurestaticapps.net",
    "azurefd.net",
    "cloudapp.net",
    "cloudapp.azure.com",
    "azure-api.net",
    "blob.core.windows.net",
    "trafficmanager.net",
    "microsoft.com",
    "microsoftonline.com",
    "onmicrosoft.com",
    "office.com",
    "office365.com",
    "botframework.com",
    "teams.microsoft.com",
    "windows.net",
];

/// Other hosting platforms whose domains many publishers share; the guidelines do not name
/// them, so a wildcard over them is a warning (SharePoint has `{teamSiteDomain}` instead).
pub const HOSTING_SHARED_SUFFIXES: &[&str] = &[
    "sharepoint.com",
    "herokuapp.com",
    "heroku.com",
    "appspot.com",
    "web.app",
    "firebaseapp.com",
    "vercel.app",
    "netlify.app",
    "github.io",
    "glitch.me",
    "amazonaws.com",
    "cloudfront.net",
    "dialogflow.com",
    "recast.ai",
    "pages.dev",
    "workers.dev",
    "onrender.com",
    "fly.dev",
];

/// Every shared domain no single publisher controls.
pub fn shared_suffixes() -> impl Iterator<Item = &'static str> {
    MICROSOFT_SHARED_SUFFIXES
        .iter()
        .chain(HOSTING_SHARED_SUFFIXES)
        .copied()
}

/// Whether `host` equals `suffix` or is a subdomain of it.
pub fn host_in(host: &str, suffix: &str) -> bool {
    // Compared in place (the host lowercased byte by byte): rules call this for every URL
    // against every suffix of a list.
    let host = host.trim_end_matches('.').as_bytes();
    let suffix = suffix.as_bytes();
    let Some(start) = host.len().checked_sub(suffix.len()) else {
        return false;
    };
    let tail_matches = host.get(start..).is_some_and(|tail| {
        tail.iter()
            .zip(suffix)
            .all(|(h, s)| h.to_ascii_lowercase() == *s)
    });
    tail_matches && (start == 0 || host.get(start - 1) == Some(&b'.'))
}

pub fn tunnel_suffix(host: &str) -> Option<&'static str> {
    TUNNEL_SUFFIXES.iter().copied().find(|s| host_in(host, s))
}

pub fn shared_suffix(host: &str) -> Option<&'static str> {
    shared_suffixes().find(|s| host_in(host, s))
}

/// `localhost`, `*.localhost`, or an IP literal.
pub fn is_local_or_ip(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    host_in(h, "localhost") || h.parse::<std::net::IpAddr>().is_ok()
}

/// The sample-domain label a host uses (`contoso` in `www.contoso.com`), if any.
pub fn sample_label(host: &str) -> Option<&'static str> {
    let host = host.to_ascii_lowercase();
    let registrable = registrable_domain(&host).unwrap_or(host.clone());
    let first = registrable.split('.').next().unwrap_or("");
    SAMPLE_DOMAIN_LABELS.iter().copied().find(|l| *l == first)
}

/// The registrable domain (`contoso.co.uk` for `www.contoso.co.uk`).
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let d = psl::domain(host.as_bytes())?;
    std::str::from_utf8(d.as_bytes()).ok().map(str::to_string)
}

/// Whether `name` (without wildcard) is itself a public suffix such as `com` or `co.uk`.
pub fn is_public_suffix(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return true;
    }
    match psl::suffix(name.as_bytes()) {
        Some(s) => s.as_bytes() == name.as_bytes(),
        None => !name.contains('.'),
    }
}

/// Why a URL host is not acceptable for a published app, if it is not.
pub fn bad_host_reason(host: &str) -> Option<String> {
    if is_local_or_ip(host) {
        return Some(if host_in(host, "localhost") {
            "points at localhost".to_string()
        } else {
            "uses an IP address instead of a domain name".to_string()
        });
    }
    if let Some(s) = tunnel_suffix(host) {
        return Some(format!("uses the tunnelling service {s}"));
    }
    None
}

/// Splits text into words (letters, digits, apostrophes and hyphens inside words).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Every string value under `value` with its pointer (iterative walk).
pub fn strings<'v>(value: &'v Value, base: &str) -> Vec<(String, &'v str)> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, &Value)> = vec![(base.to_string(), value)];
    while let Some((ptr, v)) = stack.pop() {
        match v {
            Value::String(s) => out.push((ptr, s.as_str())),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate().rev() {
                    stack.push((format!("{ptr}/{i}"), item));
                }
            }
            Value::Object(o) => {
                let items: Vec<_> = o.iter().collect();
                for (k, item) in items.into_iter().rev() {
                    stack.push((crate::json::span::join(&ptr, k), item));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_in_a_domain() {
        assert!(host_in("contoso.com", "contoso.com"));
        assert!(host_in("App.Contoso.COM.", "contoso.com"));
        assert!(host_in("a.b.ngrok-free.app", "ngrok-free.app"));
        assert!(!host_in("evilcontoso.com", "contoso.com"));
        assert!(!host_in("contoso.com.evil.net", "contoso.com"));
        assert!(!host_in("com", "contoso.com"));
        assert!(!host_in("", "contoso.com"));
        assert!(host_in("x.localhost", "localhost"));
        assert!(!host_in("x.lócalhost", "localhost"));
    }

    #[test]
    fn guids() {
        assert!(is_guid("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        assert!(is_guid(NIL_GUID));
        assert!(!is_guid("3f2504e0-4f89-41d3-9a0c-0305e82c330"));
        assert!(!is_guid("${{TEAMS_APP_ID}}"));
    }

    #[test]
    fn hosts() {
        assert!(is_local_or_ip("localhost"));
        assert!(is_local_or_ip("127.0.0.1"));
        assert!(is_local_or_ip("[::1]"));
        assert!(!is_local_or_ip("lumenledger.app"));
        assert_eq!(tunnel_suffix("abc.ngrok-free.app"), Some("ngrok-free.app"));
        assert_eq!(tunnel_suffix("x.devtunnels.ms"), Some("devtunnels.ms"));
        assert_eq!(tunnel_suffix("ngrok.com.example.org"), None);
        assert_eq!(sample_label("www.contoso.com"), Some("contoso"));
        assert_eq!(sample_label("example.org"), Some("example"));
        assert_eq!(sample_label("contosoft.com"), None);
        assert_eq!(
            registrable_domain("www.a.co.uk").as_deref(),
            Some("a.co.uk")
        );
        assert!(is_public_suffix("com"));
        assert!(is_public_suffix("co.uk"));
        assert!(!is_public_suffix("contoso.com"));
    }

    #[test]
    fn splits_words() {
        let w: Vec<&str> = words("Hello, Microsoft Teams! It's a to-do app.").collect();
        assert_eq!(
            w,
            vec!["Hello", "Microsoft", "Teams", "It's", "a", "to-do", "app"]
        );
    }
}
