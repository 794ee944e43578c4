//! Fetching reviewer URLs (`check --online`, command line only): each distinct URL once per
//! run, at most [`MAX_CONCURRENT`] at once, GET only, no cookies, no credentials, redirects
//! followed by hand so that every hop is checked (https, public address, sign-in page).
//!
//! Safety: the resolver refuses loopback, private, link-local, shared (CGNAT), cloud-metadata,
//! unspecified, multicast and reserved addresses after DNS resolution, for every hop, except
//! the addresses given with `--resolve`. Through a proxy (`HTTPS_PROXY`, honouring
//! `NO_PROXY`), the proxy resolves and connects; appcert connects only to the proxy. Bodies are
//! read up to [`MAX_BODY`] and never decompressed (`Accept-Encoding: identity`).

use super::{is_sign_in, page_text, ErrorKind, Fetched, OnlineResults};
use std::collections::BTreeMap;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

/// Requests at once.
pub const MAX_CONCURRENT: usize = 8;
/// Redirects followed from one URL.
pub const MAX_REDIRECTS: usize = 5;
/// Bytes of a page read (and judged).
pub const MAX_BODY: u64 = 2 * 1024 * 1024;
/// Characters of a page's text kept for the rules.
const MAX_TEXT_CHARS: usize = 256 * 1024;

/// `--resolve HOST:PORT:ADDRESS`: connect to ADDRESS for HOST:PORT (an address given here may
/// be loopback or private).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub host: String,
    pub port: u16,
    pub address: IpAddr,
}

impl std::str::FromStr for Override {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "--resolve {s}: expected HOST:PORT:ADDRESS (e.g. www.contoso.com:443:127.0.0.1)"
            )
        };
        let mut parts = s.splitn(3, ':');
        let (Some(host), Some(port), Some(address)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() {
            return Err(bad());
        }
        let port: u16 = port
            .parse()
            .map_err(|_| format!("--resolve {s}: `{port}` is not a port number"))?;
        let address = address
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .map_err(|_| format!("--resolve {s}: `{address}` is not an IP address"))?;
        Ok(Override {
            host,
            port,
            address,
        })
    }
}

/// How `--online` fetches.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Per request (`--online-timeout`).
    pub timeout: Duration,
    /// For the whole fetching phase of a run.
    pub total: Duration,
    pub resolve: Vec<Override>,
    /// DER certificates trusted in addition to the built-in roots (`--ca-cert`).
    pub ca_certs: Vec<Vec<u8>>,
}

impl FetchConfig {
    pub fn new(timeout: Duration) -> Self {
        FetchConfig {
            timeout,
            total: total_bound(timeout),
            resolve: Vec::new(),
            ca_certs: Vec::new(),
        }
    }
}

/// The bound on the whole fetching phase: 12 rounds of the per-request timeout (at least a
/// minute), whatever the number of URLs.
pub fn total_bound(timeout: Duration) -> Duration {
    (timeout * 12).max(Duration::from_secs(60))
}

/// Reads the PEM certificates of `--ca-cert FILE` (DER bytes), or says what is wrong.
pub fn read_ca_certs(path: &std::path::Path) -> Result<Vec<Vec<u8>>, String> {
    let pem = std::fs::read(path).map_err(|e| format!("--ca-cert {}: {e}", path.display()))?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c.der().to_vec()),
            Ok(_) => {}
            Err(e) => return Err(format!("--ca-cert {}: {e}", path.display())),
        }
    }
    if certs.is_empty() {
        return Err(format!(
            "--ca-cert {}: no PEM certificate (-----BEGIN CERTIFICATE-----) in the file",
            path.display()
        ));
    }
    Ok(certs)
}

/// Whether an address is public: not loopback, private, link-local, shared (CGNAT), cloud
/// metadata, unspecified, multicast, documentation or reserved.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local, fd00:ec2::254 included
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || (s[0] == 0x64 && s[1] == 0xff9b) // NAT64 (may reach IPv4 private space)
                || (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0 && s[4] == 0 && s[5] == 0))
            // IPv4-compatible
        }
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let o = v4.octets();
    !(v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local() // 169.254.0.0/16, cloud metadata 169.254.169.254 included
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_multicast()
        || v4.is_documentation()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // shared address space (CGNAT)
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking
        || o[0] >= 240) // reserved
}

/// A classified failure carried through ureq's error type from the resolver.
#[derive(Debug)]
struct Marked {
    kind: ErrorKind,
    detail: String,
}

impl std::fmt::Display for Marked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for Marked {}

fn marked(kind: ErrorKind, detail: String) -> ureq::Error {
    ureq::Error::Io(std::io::Error::other(Marked { kind, detail }))
}

/// The resolver: `--resolve` first, then DNS, refusing addresses that are not public.
#[derive(Debug)]
struct GuardResolver {
    overrides: Vec<Override>,
}

impl Resolver for GuardResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri
            .host()
            .unwrap_or("")
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let https = uri.scheme_str() == Some("https");
        let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
        if let Some(o) = self
            .overrides
            .iter()
            .find(|o| o.host == host && o.port == port)
        {
            let mut addrs = DefaultResolver::default().empty();
            addrs.push(SocketAddr::new(o.address, port));
            return Ok(addrs);
        }
        let addrs = match DefaultResolver::default().resolve(uri, config, timeout) {
            Ok(a) => a,
            Err(ureq::Error::Timeout(t)) => return Err(ureq::Error::Timeout(t)),
            Err(e) => {
                return Err(marked(
                    ErrorKind::Dns,
                    format!("the host name `{host}` does not resolve ({e})"),
                ))
            }
        };
        // The proxy itself (HTTPS_PROXY) may be on a private network: it is the user's choice.
        if let Some(p) = config.proxy() {
            if p.host().trim_start_matches('[').trim_end_matches(']') == host {
                return Ok(addrs);
            }
        }
        if let Some(a) = addrs.iter().find(|a| !is_public(a.ip())) {
            let what = if host.parse::<IpAddr>().is_ok() {
                format!("{} is not a public address", a.ip())
            } else {
                format!(
                    "`{host}` resolves to {}, which is not a public address",
                    a.ip()
                )
            };
            return Err(marked(
                ErrorKind::Address,
                format!(
                    "{what} (loopback, private, link-local and metadata addresses are refused)"
                ),
            ));
        }
        Ok(addrs)
    }
}

fn agent(config: &FetchConfig, timeout: Duration) -> ureq::Agent {
    let mut tls = ureq::tls::TlsConfig::builder();
    if !config.ca_certs.is_empty() {
        let mut roots: Vec<ureq::tls::Certificate<'static>> =
            webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                .map(|c| ureq::tls::Certificate::from_der(c.as_ref()).to_owned())
                .collect();
        roots.extend(
            config
                .ca_certs
                .iter()
                .map(|der| ureq::tls::Certificate::from_der(der).to_owned()),
        );
        tls = tls.root_certs(ureq::tls::RootCerts::new_with_certs(&roots));
    }
    let ureq_config = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .user_agent(concat!(
            "appcert/",
            env!("CARGO_PKG_VERSION"),
            " (certification link check)"
        ))
        .accept_encoding("identity")
        .tls_config(tls.build())
        .build();
    ureq::Agent::with_parts(
        ureq_config,
        DefaultConnector::new(),
        GuardResolver {
            overrides: config.resolve.clone(),
        },
    )
}

/// Fetches each distinct URL once, at most [`MAX_CONCURRENT`] at once, within the total bound.
pub fn fetch_all(urls: &[String], config: &FetchConfig) -> OnlineResults {
    let mut distinct: Vec<String> = urls.to_vec();
    distinct.sort();
    distinct.dedup();
    let deadline = Instant::now() + config.total;
    let next = AtomicUsize::new(0);
    let results: Mutex<BTreeMap<String, Fetched>> = Mutex::new(BTreeMap::new());
    let workers = MAX_CONCURRENT.min(distinct.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(url) = distinct.get(i) else { break };
                let fetched = fetch_one(url, config, deadline);
                if let Ok(mut r) = results.lock() {
                    r.insert(url.clone(), fetched);
                }
            });
        }
    });
    OnlineResults {
        by_url: results.into_inner().unwrap_or_default(),
    }
}

fn failed(mut f: Fetched, kind: ErrorKind, detail: String) -> Fetched {
    f.error = Some(kind);
    f.detail = detail;
    f
}

/// Fetches one URL, following up to [`MAX_REDIRECTS`] redirects by hand.
pub fn fetch_one(url: &str, config: &FetchConfig, deadline: Instant) -> Fetched {
    let mut f = Fetched::default();
    let mut current = match url::Url::parse(url) {
        Ok(u) => u,
        Err(e) => return failed(f, ErrorKind::Protocol, format!("not a URL ({e})")),
    };
    for hop in 0..=MAX_REDIRECTS {
        if current.scheme() != "https" {
            return failed(
                f,
                ErrorKind::NotHttps,
                format!("redirect {hop} leaves https for `{current}`"),
            );
        }
        if !current.username().is_empty() || current.password().is_some() {
            return failed(
                f,
                ErrorKind::Protocol,
                "the URL carries a user name or password; appcert sends no credentials".into(),
            );
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return failed(
                f,
                ErrorKind::Timeout,
                format!(
                    "not fetched: the online checks' total time ({} s) ran out",
                    config.total.as_secs()
                ),
            );
        }
        let timeout = config.timeout.min(left);
        let agent = agent(config, timeout);
        let mut resp = match agent.get(current.as_str()).call() {
            Ok(r) => r,
            Err(e) => {
                let (kind, detail) = classify(e, timeout);
                let detail = if hop == 0 {
                    detail
                } else {
                    format!("at redirect {hop} (<{current}>): {detail}")
                };
                return failed(f, kind, detail);
            }
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if (300..400).contains(&status) && status != 304 {
            let Some(location) = header("location") else {
                f.status = Some(status);
                return failed(
                    f,
                    ErrorKind::Protocol,
                    format!("a {status} redirect without a Location header"),
                );
            };
            let next = match current.join(location.trim()) {
                Ok(n) => n,
                Err(e) => {
                    return failed(
                        f,
                        ErrorKind::Protocol,
                        format!("a {status} redirect to `{location}`, which is not a URL ({e})"),
                    )
                }
            };
            if hop == MAX_REDIRECTS {
                return failed(
                    f,
                    ErrorKind::TooManyRedirects,
                    format!("more than {MAX_REDIRECTS} redirects"),
                );
            }
            f.redirects.push(next.to_string());
            // A sign-in page is where the reviewer would stop: it is not fetched.
            if is_sign_in(next.as_str()) {
                f.status = Some(status);
                return f;
            }
            current = next;
            continue;
        }
        f.status = Some(status);
        f.content_type = header("content-type");
        if (200..300).contains(&status) {
            let mut body = Vec::new();
            let read = resp
                .body_mut()
                .as_reader()
                .take(MAX_BODY)
                .read_to_end(&mut body);
            if let Err(e) = read {
                let (kind, detail) = classify(ureq::Error::Io(e), timeout);
                return failed(f, kind, format!("reading the page: {detail}"));
            }
            let (title, text) = page_text(&f.media_type(), &body, MAX_TEXT_CHARS);
            f.title = title;
            f.text = text;
        }
        return f;
    }
    f
}

/// What a ureq error means, in words.
fn classify(e: ureq::Error, timeout: Duration) -> (ErrorKind, String) {
    let secs = format!("{:.1}", timeout.as_secs_f64())
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string();
    match e {
        ureq::Error::HostNotFound => (ErrorKind::Dns, "the host name does not resolve".into()),
        ureq::Error::Timeout(_) => (ErrorKind::Timeout, format!("no answer within {secs} s")),
        ureq::Error::Rustls(r) => (ErrorKind::Tls, r.to_string()),
        ureq::Error::Tls(r) => (ErrorKind::Tls, r.to_string()),
        ureq::Error::ConnectionFailed => (ErrorKind::Connect, "the connection failed".into()),
        ureq::Error::Io(io) => {
            if let Some(m) = io.get_ref().and_then(|i| i.downcast_ref::<Marked>()) {
                return (m.kind, m.detail.clone());
            }
            if let Some(r) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return (ErrorKind::Tls, r.to_string());
            }
            use std::io::ErrorKind as K;
            match io.kind() {
                K::ConnectionRefused => (ErrorKind::Connect, "the connection was refused".into()),
                K::TimedOut | K::WouldBlock => {
                    (ErrorKind::Timeout, format!("no answer within {secs} s"))
                }
                K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof => (
                    ErrorKind::Connect,
                    format!("the server closed the connection ({io})"),
                ),
                _ => (ErrorKind::Connect, format!("the connection failed ({io})")),
            }
        }
        other => (ErrorKind::Protocol, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    #[test]
    fn public_and_refused_addresses() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "::",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "224.0.0.1",
        ] {
            assert!(!is_public(a.parse().unwrap()), "{a}");
        }
        for a in ["20.70.246.20", "8.8.8.8", "2606:4700::1111", "100.128.0.1"] {
            assert!(is_public(a.parse().unwrap()), "{a}");
        }
    }

    #[test]
    fn resolve_option_parses() {
        let o: Override = "WWW.Contoso.test:8443:127.0.0.1".parse().unwrap();
        assert_eq!(o.host, "www.contoso.test");
        assert_eq!(o.port, 8443);
        assert_eq!(o.address, IpAddr::V4(Ipv4Addr::LOCALHOST));
        let o: Override = "a.test:443:[::1]".parse().unwrap();
        assert_eq!(o.address, IpAddr::V6(Ipv6Addr::LOCALHOST));
        assert!("a.test:443".parse::<Override>().is_err());
        assert!("a.test:x:127.0.0.1".parse::<Override>().is_err());
        assert!("a.test:443:nowhere".parse::<Override>().is_err());
        assert!(":443:127.0.0.1".parse::<Override>().is_err());
    }

    #[test]
    fn total_bound_is_at_least_a_minute() {
        assert_eq!(
            total_bound(Duration::from_secs(10)),
            Duration::from_secs(120)
        );
        assert_eq!(
            total_bound(Duration::from_millis(500)),
            Duration::from_secs(60)
        );
    }
}
