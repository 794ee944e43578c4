//! Helpers shared by the domain, tab, bot and auth rules: a lenient URL splitter that copes
//! with Teams substitution tokens (`{locale}`, `{teamSiteDomain}`), `validDomains` entries and
//! whether an entry covers a host.

use crate::references::has_placeholder;
use serde_json::Value;

/// The parts of an absolute URL this crate's rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// Lowercased scheme (`https`).
    pub scheme: String,
    /// Lowercased host without a trailing dot or IPv6 brackets kept as written (`[::1]`).
    pub host: String,
    /// The port as written, if any.
    pub port: Option<String>,
}

/// Splits `scheme://[user@]host[:port][/path][?query][#fragment]`. `None` when the text has no
/// `://` or no host. Tokens such as `{locale}` in the path or query do not matter here.
pub fn split_url(s: &str) -> Option<UrlParts> {
    let s = s.trim();
    let (scheme, rest) = s.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let close = inner.find(']')?;
        let host = &authority[..close + 2];
        let port = inner[close + 1..].strip_prefix(':').map(str::to_string);
        (host.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p.to_string())),
            None => (authority.to_string(), None),
        }
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    Some(UrlParts {
        scheme: scheme.to_ascii_lowercase(),
        host,
        port: port.filter(|p| !p.is_empty()),
    })
}

/// Whether a value is a template or sample placeholder rather than a real value: the
/// Agents Toolkit forms (`${{VAR}}`, `{{VAR}}`, `<<VAR>>`, reported by
/// `template-placeholder-unresolved`) and the forms of older samples (`<BOT_ID>`,
/// `[WebAppDomain]`, `$DomainName`), which are not real values either.
pub fn is_placeholder_like(s: &str) -> bool {
    let t = s.trim();
    if has_placeholder(t) || t.starts_with('$') {
        return true;
    }
    if let Some(open) = t.find('<') {
        if t[open..].contains('>') {
            return true;
        }
    }
    // `[Name]` but not an IPv6 literal such as `[::1]`.
    t.match_indices('[').any(|(i, _)| {
        t[i + 1..].chars().next().is_some_and(char::is_alphabetic) && t[i..].contains(']')
    })
}

/// Whether `name` (without wildcards) is a top-level domain or public suffix the Public
/// Suffix List knows (`com`, `co.uk`, `azurewebsites.net`); an empty name (a bare `*`) counts.
/// Unknown single labels (`AppDomain1`) are not suffixes: they are not domains at all.
pub fn is_known_public_suffix(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return true;
    }
    psl::suffix(name.as_bytes()).is_some_and(|s| s.is_known() && s.as_bytes() == name.as_bytes())
}

/// Whether a host is a Teams substitution token (`{teamSiteDomain}`) or holds one.
pub fn is_token_host(host: &str) -> bool {
    host.contains('{') || host.contains('}')
}

/// A `validDomains` entry reduced to the domain it names: scheme, path, port and a trailing
/// dot removed, lowercased. Used for coverage so a badly written entry is reported once (by
/// `valid-domain-not-a-domain`) and still counts as the domain it means.
pub fn entry_domain(entry: &str) -> String {
    let mut s = entry.trim();
    if let Some((_, rest)) = s.split_once("://") {
        s = rest;
    }
    let end = s.find(['/', '?', '#', '\\']).unwrap_or(s.len());
    s = &s[..end];
    s = s.rsplit_once('@').map_or(s, |(_, h)| h);
    if let Some((h, p)) = s.rsplit_once(':') {
        if p.chars().all(|c| c.is_ascii_digit() || c == '*') {
            s = h;
        }
    }
    s.trim_end_matches('.').to_ascii_lowercase()
}

/// A host name in its ASCII (IDNA, "xn--") form, lowercased, leading wildcard labels kept:
/// `Bücher.Quillstone.app` → `xn--bcher-kva.quillstone.app`, `*.bücher.app` →
/// `*.xn--bcher-kva.app`. Uses the URL parser's IDNA processing (UTS #46, as browsers and
/// Teams resolve hosts); a name it refuses is only lowercased.
pub fn ascii_host(name: &str) -> String {
    let name = name.trim_end_matches('.');
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    let (rest, stars) = strip_wildcards(name);
    if rest.is_empty() {
        return name.to_lowercase();
    }
    match url::Host::parse(rest) {
        Ok(url::Host::Domain(d)) => format!("{}{d}", "*.".repeat(stars)),
        _ => name.to_lowercase(),
    }
}

/// Whether the `validDomains` entry (already reduced by [`entry_domain`]) covers `host`.
/// Each leading `*` label matches one or more labels; `*.a.com` does not cover `a.com`.
/// Both are compared in their ASCII (IDNA) form, so `bücher.quillstone.app` and
/// `xn--bcher-kva.quillstone.app` are the same host.
pub fn covers(entry: &str, host: &str) -> bool {
    let host = ascii_host(host);
    let entry = ascii_host(entry);
    let entry = entry.as_str();
    if entry == host {
        return true;
    }
    let labels: Vec<&str> = entry.split('.').collect();
    let stars = labels.iter().take_while(|l| **l == "*").count();
    if stars == 0 {
        return false;
    }
    let fixed = &labels[stars..];
    if fixed.iter().any(|l| l.contains('*')) || fixed.is_empty() {
        return false;
    }
    let suffix = fixed.join(".");
    let Some(prefix) = host.strip_suffix(&suffix) else {
        return false;
    };
    let Some(prefix) = prefix.strip_suffix('.') else {
        return false;
    };
    !prefix.is_empty() && prefix.split('.').count() >= stars
}

/// The entries of `validDomains` (strings without placeholders), reduced to domains.
pub fn valid_domains(manifest: &Value) -> Vec<String> {
    manifest
        .get("validDomains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|s| !is_placeholder_like(s))
        .map(entry_domain)
        .collect()
}

/// Whether the manifest's `validDomains` covers `host`.
pub fn host_covered(domains: &[String], host: &str) -> bool {
    domains.iter().any(|d| covers(d, host))
}

/// Whether a `validDomains` list holds a placeholder entry (then coverage cannot be decided).
pub fn domains_have_placeholder(manifest: &Value) -> bool {
    manifest
        .get("validDomains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(is_placeholder_like)
}

/// The string entries of `validDomains` with their pointers, placeholders skipped (the
/// placeholder rule reports them).
pub fn domain_entries(manifest: &Value) -> Vec<(String, &str)> {
    manifest
        .get("validDomains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, v)| Some((format!("/validDomains/{i}"), v.as_str()?)))
        .filter(|(_, s)| !is_placeholder_like(s))
        .collect()
}

/// The entry without its leading wildcard labels (`*.*.contoso.com` → `contoso.com`) and the
/// number of those labels.
pub fn strip_wildcards(domain: &str) -> (&str, usize) {
    let mut rest = domain;
    let mut n = 0;
    while let Some(r) = rest.strip_prefix("*.") {
        rest = r;
        n += 1;
    }
    if rest == "*" {
        return ("", n + 1);
    }
    (rest, n)
}

/// Microsoft hosts that Teams opens without a `validDomains` entry (Teams itself, Microsoft
/// 365 and SharePoint sites).
pub const TEAMS_OWN_HOSTS: &[&str] = &[
    "teams.microsoft.com",
    "teams.microsoft.us",
    "cloud.microsoft",
    "teams.live.com",
    "microsoft.com",
    "office.com",
    "office365.com",
    "microsoft365.com",
    "sharepoint.com",
];

/// The tab URLs of a manifest: (pointer, value) of every static tab `contentUrl` and
/// `websiteUrl` and configurable tab `configurationUrl`.
pub fn tab_urls(manifest: &Value) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let arrays = [
        ("staticTabs", &["contentUrl", "websiteUrl"][..]),
        ("configurableTabs", &["configurationUrl"][..]),
    ];
    for (array, keys) in arrays {
        let items = manifest.get(array).and_then(Value::as_array);
        for (i, tab) in items.into_iter().flatten().enumerate() {
            for key in keys {
                if let Some(s) = tab.get(*key).and_then(Value::as_str) {
                    out.push((format!("/{array}/{i}/{key}"), s));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_sample_placeholders() {
        assert!(is_placeholder_like("<BOT_REG_AAD_APP_ID>"));
        assert!(is_placeholder_like("[WebAppDomain]"));
        assert!(is_placeholder_like("$DomainName"));
        assert!(is_placeholder_like("${{TAB_DOMAIN}}"));
        assert!(!is_placeholder_like("http://[::1]:3978/tab"));
        assert!(!is_placeholder_like("app.contoso.com"));
        assert!(is_known_public_suffix("com"));
        assert!(is_known_public_suffix("co.uk"));
        assert!(is_known_public_suffix(""));
        assert!(!is_known_public_suffix("appdomain1"));
        assert!(!is_known_public_suffix("contoso.com"));
    }

    #[test]
    fn splits_urls() {
        let u = split_url("https://App.Contoso.com.:8443/tab?locale={locale}").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.host, "app.contoso.com");
        assert_eq!(u.port.as_deref(), Some("8443"));
        let u = split_url("https://{teamSiteDomain}/sites/x").unwrap();
        assert_eq!(u.host, "{teamsitedomain}");
        assert!(is_token_host(&u.host));
        assert_eq!(split_url("http://[::1]:3978/x").unwrap().host, "[::1]");
        assert!(split_url("contoso.com/x").is_none());
        assert!(split_url("https:///x").is_none());
    }

    #[test]
    fn reduces_entries_and_covers_hosts() {
        assert_eq!(entry_domain("https://Contoso.com:443/app"), "contoso.com");
        assert_eq!(entry_domain("contoso.com."), "contoso.com");
        assert!(covers("contoso.com", "Contoso.com."));
        assert!(covers("*.contoso.com", "app.contoso.com"));
        assert!(covers("*.contoso.com", "a.b.contoso.com"));
        assert!(!covers("*.contoso.com", "contoso.com"));
        assert!(!covers("*.contoso.com", "evilcontoso.com"));
        assert!(covers("*.*.contoso.com", "a.b.contoso.com"));
        assert!(!covers("*.*.contoso.com", "b.contoso.com"));
    }

    #[test]
    fn compares_hosts_in_their_idna_form() {
        assert_eq!(
            ascii_host("Bücher.Quillstone.app."),
            "xn--bcher-kva.quillstone.app"
        );
        assert_eq!(ascii_host("*.bücher.app"), "*.xn--bcher-kva.app");
        assert!(covers(
            "xn--bcher-kva.quillstone.app",
            "bücher.quillstone.app"
        ));
        assert!(covers(
            "bücher.quillstone.app",
            "xn--bcher-kva.quillstone.app"
        ));
        assert!(covers("*.quillstone.app", "bücher.quillstone.app"));
        assert!(covers("*.bücher.app", "shop.xn--bcher-kva.app"));
        assert!(!covers(
            "xn--bcher-kva.quillstone.app",
            "bucher.quillstone.app"
        ));
    }
}
