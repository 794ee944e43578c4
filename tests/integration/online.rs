//! `check --online` against real HTTPS servers on 127.0.0.1: a test CA and its certificates
//! are made at test time (rcgen), each server is a rustls server on a std listener answering
//! scripted routes, and the package's links name test hosts that `--resolve` maps to the
//! servers (`--ca-cert` trusts the test CA). Every case of issue 12's "done when", plus: no
//! connection without `--online`, each URL fetched once per run, the request carries no
//! cookie or credentials and names appcert.

use rcgen::{date_time_ymd, BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a route answers.
#[derive(Clone)]
enum Reply {
    /// Status, extra headers, body.
    Answer(u16, Vec<(String, String)>, String),
    /// Waits this long, then answers.
    Late(Duration, Box<Reply>),
    /// Waits this long, then closes without answering.
    Stall(Duration),
}

fn html(status: u16, title: &str, text: &str) -> Reply {
    Reply::Answer(
        status,
        vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
        format!("<!doctype html><html><head><title>{title}</title></head><body><p>{text}</p></body></html>"),
    )
}

fn redirect(status: u16, to: &str) -> Reply {
    Reply::Answer(status, vec![("Location".into(), to.into())], String::new())
}

/// One HTTPS server on 127.0.0.1.
struct Server {
    port: u16,
    accepted: Arc<AtomicUsize>,
    /// Requests received and not yet answered, and the most at once.
    busy: Arc<AtomicUsize>,
    peak: Arc<AtomicUsize>,
    /// Request heads received, in order.
    requests: Arc<Mutex<Vec<String>>>,
    routes: Arc<Mutex<BTreeMap<String, Reply>>>,
}

impl Server {
    fn start(certs: Vec<CertificateDer<'static>>, key: PrivateKeyDer<'static>) -> Server {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("server certificate");
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = Server {
            port,
            accepted: Arc::new(AtomicUsize::new(0)),
            busy: Arc::new(AtomicUsize::new(0)),
            peak: Arc::new(AtomicUsize::new(0)),
            requests: Arc::new(Mutex::new(Vec::new())),
            routes: Arc::new(Mutex::new(BTreeMap::new())),
        };
        let (accepted, requests, routes) = (
            Arc::clone(&server.accepted),
            Arc::clone(&server.requests),
            Arc::clone(&server.routes),
        );
        let load = (Arc::clone(&server.busy), Arc::clone(&server.peak));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                accepted.fetch_add(1, Ordering::SeqCst);
                let (config, requests, routes) = (
                    Arc::clone(&config),
                    Arc::clone(&requests),
                    Arc::clone(&routes),
                );
                let (busy, peak) = (Arc::clone(&load.0), Arc::clone(&load.1));
                std::thread::spawn(move || serve(stream, config, requests, routes, (busy, peak)));
            }
        });
        server
    }

    fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.into(), reply);
    }

    fn url(&self, host: &str, path: &str) -> String {
        format!("https://{host}:{}{path}", self.port)
    }

    fn resolve(&self, host: &str) -> String {
        format!("{host}:{}:127.0.0.1", self.port)
    }

    /// The paths requested, in order.
    fn paths(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter_map(|h| h.split_whitespace().nth(1).map(str::to_string))
            .collect()
    }
}

fn serve(
    stream: std::net::TcpStream,
    config: Arc<rustls::ServerConfig>,
    requests: Arc<Mutex<Vec<String>>>,
    routes: Arc<Mutex<BTreeMap<String, Reply>>>,
    (busy, peak): (Arc<AtomicUsize>, Arc<AtomicUsize>),
) {
    let Ok(conn) = rustls::ServerConnection::new(config) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut tls = rustls::StreamOwned::new(conn, stream);
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match tls.read(&mut buf) {
            Ok(0) | Err(_) => return, // handshake refused by the client, or closed
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    requests.lock().unwrap().push(head);
    // In flight from the request to the moment the answer is written (the client cannot
    // start another request on this slot before it has the answer).
    let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
    peak.fetch_max(now, Ordering::SeqCst);
    let reply = routes
        .lock()
        .unwrap()
        .get(&path)
        .cloned()
        .unwrap_or_else(|| html(404, "Not found", "nothing here"));
    let reply = match reply {
        Reply::Late(d, r) => {
            std::thread::sleep(d);
            *r
        }
        r => r,
    };
    busy.fetch_sub(1, Ordering::SeqCst);
    match reply {
        Reply::Late(..) => {}
        Reply::Stall(d) => std::thread::sleep(d),
        Reply::Answer(status, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} Scripted\r\nConnection: close\r\nContent-Length: {}\r\n",
                body.len()
            );
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            out.push_str(&body);
            let _ = tls.write_all(out.as_bytes());
            let _ = tls.flush();
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    }
}

/// The test CA and the certificates it signs.
struct Pki {
    ca: CertifiedIssuer<'static, KeyPair>,
}

impl Pki {
    fn new() -> Pki {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "appcert test CA");
        let key = KeyPair::generate().expect("key");
        Pki {
            ca: CertifiedIssuer::self_signed(params, key).expect("CA"),
        }
    }

    /// A server certificate for these names; `expired`: valid in 2020 only.
    fn leaf(
        &self,
        names: &[&str],
        expired: bool,
    ) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .expect("params");
        if expired {
            params.not_before = date_time_ymd(2020, 1, 1);
            params.not_after = date_time_ymd(2020, 12, 31);
        }
        let key = KeyPair::generate().expect("key");
        let cert = params.signed_by(&key, &self.ca).expect("leaf");
        (
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
    }
}

/// A test run: the PKI, the main server (valid certificate for *.harborlight.test and
/// *.termshost.test) and a temporary folder with the CA file.
struct Lab {
    dir: tempfile::TempDir,
    pki: Pki,
    good: Server,
}

const NAMES: &[&str] = &["harborlight.test", "*.harborlight.test", "*.termshost.test"];

impl Lab {
    fn new() -> Lab {
        let pki = Pki::new();
        let (certs, key) = pki.leaf(NAMES, false);
        let good = Server::start(certs, key);
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("ca.pem"), pki.ca.pem()).expect("ca.pem");
        Lab { dir, pki, good }
    }

    fn ca(&self) -> String {
        self.dir.path().join("ca.pem").display().to_string()
    }

    /// A package folder: the bot-commands fixture with these developer links.
    fn package(&self, name: &str, website: &str, privacy: &str, terms: &str) -> PathBuf {
        let dir = self.dir.path().join(name);
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packages/bot-commands");
        std::fs::create_dir_all(&dir).expect("package dir");
        for entry in std::fs::read_dir(&src).expect("fixture") {
            let entry = entry.expect("entry");
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
            }
        }
        let path = dir.join("manifest.json");
        let mut m: Value =
            serde_json::from_slice(&std::fs::read(&path).expect("manifest")).expect("json");
        m["developer"]["websiteUrl"] = website.into();
        m["developer"]["privacyUrl"] = privacy.into();
        m["developer"]["termsOfUseUrl"] = terms.into();
        std::fs::write(&path, serde_json::to_vec_pretty(&m).expect("json")).expect("write");
        dir
    }

    /// Routes of a publisher whose three pages pass.
    fn good_pages(&self) {
        self.good.route(
            "/",
            html(200, "Harborlight Labs", "Standup tools for teams."),
        );
        self.good.route(
            "/privacy",
            html(
                200,
                "Privacy policy",
                "Harborlight Labs explains how Harborlight Standup uses your personal data.",
            ),
        );
        self.good.route(
            "/terms",
            html(
                200,
                "Terms of use",
                "These terms govern Harborlight Standup.",
            ),
        );
    }

    /// The package with the three good links on the main server.
    fn good_package(&self, name: &str) -> PathBuf {
        self.package(
            name,
            &self.good.url("www.harborlight.test", "/"),
            &self.good.url("www.harborlight.test", "/privacy"),
            &self.good.url("www.harborlight.test", "/terms"),
        )
    }
}

/// Runs `appcert check <args> --format json --select online` without proxy variables.
fn appcert(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appcert"))
        .arg("check")
        .args(args)
        .args(["--format", "json", "--select", "online", "--quiet"])
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .output()
        .expect("run appcert")
}

/// Runs appcert with `--online`, the test CA and these `--resolve` entries.
fn online(lab: &Lab, packages: &[&Path], resolve: &[String], extra: &[&str]) -> Output {
    let mut args: Vec<String> = packages.iter().map(|p| p.display().to_string()).collect();
    args.extend(["--online".into(), "--ca-cert".into(), lab.ca()]);
    for r in resolve {
        args.extend(["--resolve".into(), r.clone()]);
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    appcert(&refs)
}

/// Every finding of the report: (rule, pointer, message), sorted.
fn findings(o: &Output) -> Vec<(String, String, String)> {
    let report: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON report expected ({e}); stderr: {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let mut out = Vec::new();
    for p in report["packages"].as_array().expect("packages") {
        for f in p["findings"].as_array().expect("findings") {
            out.push((
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["pointer"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            ));
        }
    }
    // By rule and pointer (the report orders by line, and websiteUrl comes first there).
    out.sort();
    out
}

fn rules_at(o: &Output) -> Vec<(String, String)> {
    findings(o).into_iter().map(|(r, p, _)| (r, p)).collect()
}

fn hit(rule: &str, pointer: &str) -> (String, String) {
    (rule.to_string(), pointer.to_string())
}

#[test]
fn pages_that_pass_give_no_finding_and_each_url_is_fetched_once() {
    let lab = Lab::new();
    lab.good_pages();
    let a = lab.good_package("a");
    let b = lab.good_package("b");
    let o = online(
        &lab,
        &[&a, &b],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    assert_eq!(
        findings(&o),
        vec![],
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success());
    // Two packages, the same three links: each fetched once.
    let mut paths = lab.good.paths();
    paths.sort();
    assert_eq!(paths, vec!["/", "/privacy", "/terms"]);
    for head in lab.good.requests.lock().unwrap().iter() {
        let lower = head.to_ascii_lowercase();
        assert!(head.starts_with("GET "), "{head}");
        assert!(lower.contains("user-agent: appcert/"), "{head}");
        assert!(
            !lower.contains("cookie:") && !lower.contains("authorization:"),
            "{head}"
        );
    }
}

#[test]
fn status_404_and_500_are_errors_at_the_link() {
    let lab = Lab::new();
    lab.good_pages();
    lab.good.route("/privacy", html(404, "Not found", "gone"));
    lab.good.route("/terms", html(500, "Oops", "server error"));
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![
            hit("online-url-status", "/developer/privacyUrl"),
            hit("online-url-status", "/developer/termsOfUseUrl"),
        ]
    );
    assert!(f[0].2.contains("answers HTTP 404"), "{}", f[0].2);
    assert!(f[1].2.contains("answers HTTP 500"), "{}", f[1].2);
    assert_eq!(o.status.code(), Some(1));
    // Located like any finding: the report gives the line of the link in manifest.json.
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &report["packages"][0]["findings"][0];
    assert!(first["line"].as_u64().is_some_and(|l| l > 1), "{first}");
}

#[test]
fn a_sign_in_redirect_and_a_401_require_a_sign_in() {
    let lab = Lab::new();
    lab.good_pages();
    // The identity provider is not fetched: the redirect to it is the finding.
    lab.good.route(
        "/privacy",
        redirect(
            302,
            "https://login.microsoftonline.com/common/oauth2/authorize?client_id=x",
        ),
    );
    lab.good
        .route("/terms", redirect(302, "/account/login?next=/terms"));
    lab.good.route("/", html(401, "Unauthorized", "sign in"));
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    assert_eq!(
        rules_at(&o),
        vec![
            hit("online-sign-in-required", "/developer/privacyUrl"),
            hit("online-sign-in-required", "/developer/termsOfUseUrl"),
            hit("online-sign-in-required", "/developer/websiteUrl"),
        ]
    );
    assert!(!lab.good.paths().iter().any(|p| p.starts_with("/account")));
}

#[test]
fn a_redirect_to_http_is_an_error() {
    let lab = Lab::new();
    lab.good_pages();
    let to = format!("http://www.harborlight.test:{}/terms-plain", lab.good.port);
    lab.good.route("/terms", redirect(301, &to));
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![hit("online-redirect-not-https", "/developer/termsOfUseUrl")]
    );
    assert!(f[0].2.contains(&to), "{}", f[0].2);
    assert!(!lab.good.paths().contains(&"/terms-plain".to_string()));
}

#[test]
fn expired_and_wrong_host_certificates_are_tls_errors() {
    let lab = Lab::new();
    lab.good_pages();
    let (certs, key) = lab.pki.leaf(NAMES, true);
    let expired = Server::start(certs, key);
    let (certs, key) = lab.pki.leaf(&["other.example"], false);
    let wrong = Server::start(certs, key);
    let pkg = lab.package(
        "p",
        &lab.good.url("www.harborlight.test", "/"),
        &expired.url("www.harborlight.test", "/privacy"),
        &wrong.url("www.harborlight.test", "/terms"),
    );
    let o = online(
        &lab,
        &[&pkg],
        &[
            lab.good.resolve("www.harborlight.test"),
            expired.resolve("www.harborlight.test"),
            wrong.resolve("www.harborlight.test"),
        ],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![
            hit("online-tls-invalid", "/developer/privacyUrl"),
            hit("online-tls-invalid", "/developer/termsOfUseUrl"),
        ]
    );
    assert!(f[0].2.to_lowercase().contains("expired"), "{}", f[0].2);
    assert!(
        f[1].2.contains("NotValidForName") || f[1].2.to_lowercase().contains("not valid for name"),
        "{}",
        f[1].2
    );
    assert!(expired.paths().is_empty() && wrong.paths().is_empty());
}

#[test]
fn a_slow_server_times_out() {
    let lab = Lab::new();
    lab.good_pages();
    lab.good
        .route("/privacy", Reply::Stall(Duration::from_secs(5)));
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &["--online-timeout", "0.3"],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![hit("online-url-unreachable", "/developer/privacyUrl")]
    );
    assert!(f[0].2.contains("no answer within 0.3 s"), "{}", f[0].2);
}

#[test]
fn redirects_to_loopback_and_private_addresses_are_refused() {
    let lab = Lab::new();
    lab.good_pages();
    let port = lab.good.port;
    lab.good.route(
        "/privacy",
        redirect(302, &format!("https://127.0.0.1:{port}/secret")),
    );
    lab.good.route(
        "/terms",
        redirect(302, &format!("https://10.0.0.5:{port}/terms")),
    );
    lab.good.route(
        "/",
        redirect(302, "https://169.254.169.254/latest/meta-data/"),
    );
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![
            hit("online-address-refused", "/developer/privacyUrl"),
            hit("online-address-refused", "/developer/termsOfUseUrl"),
            hit("online-address-refused", "/developer/websiteUrl"),
        ]
    );
    assert!(
        f[0].2.contains("at redirect 1") && f[0].2.contains("127.0.0.1 is not a public address"),
        "{}",
        f[0].2
    );
    assert!(f[1].2.contains("10.0.0.5"), "{}", f[1].2);
    assert!(f[2].2.contains("169.254.169.254"), "{}", f[2].2);
    // The loopback target was never requested, although a server listens there.
    assert!(!lab.good.paths().contains(&"/secret".to_string()));
}

#[test]
fn a_host_resolving_to_loopback_without_resolve_is_refused() {
    let lab = Lab::new();
    lab.good_pages();
    // `localhost` resolves to loopback through DNS (the hosts file): refused, not fetched.
    let pkg = lab.package(
        "p",
        &lab.good.url("www.harborlight.test", "/"),
        &lab.good.url("localhost", "/privacy"),
        &lab.good.url("www.harborlight.test", "/terms"),
    );
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    assert_eq!(
        rules_at(&o),
        vec![hit("online-address-refused", "/developer/privacyUrl")]
    );
    assert!(!lab.good.paths().contains(&"/privacy".to_string()));
}

#[test]
fn terms_on_another_domain_are_a_warning() {
    let lab = Lab::new();
    lab.good_pages();
    let to = lab.good.url("legal.termshost.test", "/harborlight/terms");
    lab.good.route("/terms", redirect(302, &to));
    lab.good.route(
        "/harborlight/terms",
        html(
            200,
            "Terms of use",
            "These terms govern Harborlight Standup.",
        ),
    );
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[
            lab.good.resolve("www.harborlight.test"),
            lab.good.resolve("legal.termshost.test"),
        ],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![hit("online-terms-other-domain", "/developer/termsOfUseUrl")]
    );
    assert!(f[0].2.contains("`termshost.test`"), "{}", f[0].2);
    // A warning: the package still passes.
    assert!(o.status.success());
}

#[test]
fn a_page_that_never_mentions_privacy_and_a_template_naming_nobody() {
    let lab = Lab::new();
    lab.good_pages();
    lab.good.route(
        "/privacy",
        html(200, "Harborlight Labs", "Welcome! Products, blog, careers."),
    );
    lab.good.route(
        "/template-privacy",
        html(
            200,
            "Privacy policy",
            "[Company] collects your personal data as follows.",
        ),
    );
    let a = lab.good_package("a");
    let b = lab.package(
        "b",
        &lab.good.url("www.harborlight.test", "/"),
        &lab.good.url("www.harborlight.test", "/template-privacy"),
        &lab.good.url("www.harborlight.test", "/terms"),
    );
    let o = online(
        &lab,
        &[&a, &b],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    assert_eq!(
        rules_at(&o),
        vec![
            hit("online-privacy-page-content", "/developer/privacyUrl"),
            hit("online-privacy-page-names-nobody", "/developer/privacyUrl"),
        ]
    );
}

#[test]
fn without_online_no_connection_is_made() {
    let lab = Lab::new();
    lab.good_pages();
    let pkg = lab.good_package("p");
    let p = pkg.display().to_string();
    let resolve = lab.good.resolve("www.harborlight.test");
    let ca = lab.ca();
    // The same run without --online: the network options warn and change nothing.
    let o = appcert(&[&p, "--resolve", &resolve, "--ca-cert", &ca]);
    assert_eq!(findings(&o), vec![]);
    assert_eq!(lab.good.accepted.load(Ordering::SeqCst), 0);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("--resolve has no effect without --online"),
        "{stderr}"
    );
    // The control: with --online the same server is reached.
    let o = online(&lab, &[&pkg], &[resolve], &[]);
    assert_eq!(findings(&o), vec![]);
    assert!(lab.good.accepted.load(Ordering::SeqCst) > 0);
}

#[test]
fn malformed_online_options_are_usage_errors() {
    let lab = Lab::new();
    let pkg = lab.good_package("p");
    let p = pkg.display().to_string();
    for (args, says) in [
        (
            vec!["--online", "--resolve", "www.harborlight.test:443"],
            "HOST:PORT:ADDRESS",
        ),
        (
            vec!["--online", "--resolve", "a.test:443:nowhere"],
            "not an IP address",
        ),
        (vec!["--online", "--online-timeout", "0"], "above 0"),
        (
            vec!["--online", "--online-timeout", "soon"],
            "not a number of seconds",
        ),
        (
            vec!["--online", "--ca-cert", "Cargo.toml"],
            "no PEM certificate",
        ),
    ] {
        let mut all = vec![p.as_str()];
        all.extend(args.iter().copied());
        let o = Command::new(env!("CARGO_BIN_EXE_appcert"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("check")
            .args(&all)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn check_help_documents_the_online_options_and_a_release_only_ci_step() {
    let o = Command::new(env!("CARGO_BIN_EXE_appcert"))
        .args(["check", "--help"])
        .output()
        .expect("run");
    let help = String::from_utf8_lossy(&o.stdout);
    for needle in [
        "--online",
        "--online-timeout <SECONDS>",
        "--resolve <HOST:PORT:ADDRESS>",
        "--ca-cert <FILE>",
        "no network connection",
        "if: startsWith(github.ref, 'refs/tags/')",
    ] {
        assert!(help.contains(needle), "{needle} missing from check --help");
    }
}

#[test]
fn at_most_8_requests_at_once() {
    let lab = Lab::new();
    let mut packages = Vec::new();
    for i in 0..6 {
        for page in ["site", "privacy", "terms"] {
            let path = format!("/{page}{i}");
            let text = "Harborlight Standup: privacy, personal data, terms and conditions.";
            lab.good.route(
                &path,
                Reply::Late(Duration::from_millis(100), Box::new(html(200, page, text))),
            );
        }
        packages.push(
            lab.package(
                &format!("p{i}"),
                &lab.good.url("www.harborlight.test", &format!("/site{i}")),
                &lab.good
                    .url("www.harborlight.test", &format!("/privacy{i}")),
                &lab.good.url("www.harborlight.test", &format!("/terms{i}")),
            ),
        );
    }
    let refs: Vec<&Path> = packages.iter().map(PathBuf::as_path).collect();
    let o = online(
        &lab,
        &refs,
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    assert_eq!(findings(&o), vec![]);
    assert_eq!(lab.good.paths().len(), 18);
    let peak = lab.good.peak.load(Ordering::SeqCst);
    assert!((1..=8).contains(&peak), "{peak} requests at once");
}

#[test]
fn only_the_first_2_mib_of_a_page_are_read() {
    let lab = Lab::new();
    lab.good_pages();
    let filler = "Harborlight Standup news. ".repeat(3 * 1024 * 1024 / 26);
    lab.good.route(
        "/privacy",
        html(
            200,
            "Harborlight",
            &format!("{filler} Your personal data and privacy."),
        ),
    );
    let pkg = lab.good_package("p");
    let o = online(
        &lab,
        &[&pkg],
        &[lab.good.resolve("www.harborlight.test")],
        &[],
    );
    // The privacy words sit after 3 MiB of text: not read, so not seen.
    assert_eq!(
        rules_at(&o),
        vec![hit("online-privacy-page-content", "/developer/privacyUrl")]
    );
}

#[test]
fn https_proxy_is_used_and_no_proxy_bypasses_it() {
    let lab = Lab::new();
    lab.good_pages();
    // A "proxy" that accepts and closes: every request through it fails.
    let proxy = TcpListener::bind("127.0.0.1:0").expect("bind");
    let proxy_port = proxy.local_addr().expect("addr").port();
    let via_proxy = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&via_proxy);
    std::thread::spawn(move || {
        for s in proxy.incoming() {
            count.fetch_add(1, Ordering::SeqCst);
            drop(s);
        }
    });
    let pkg = lab.good_package("p");
    let run = |no_proxy: &str| {
        Command::new(env!("CARGO_BIN_EXE_appcert"))
            .arg("check")
            .arg(&pkg)
            .args([
                "--format", "json", "--select", "online", "--quiet", "--online",
            ])
            .args(["--ca-cert", &lab.ca()])
            .args(["--resolve", &lab.good.resolve("www.harborlight.test")])
            .env("HTTPS_PROXY", format!("http://127.0.0.1:{proxy_port}"))
            .env("NO_PROXY", no_proxy)
            .env_remove("https_proxy")
            .env_remove("no_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .expect("run")
    };
    let o = run("");
    let rules: Vec<String> = rules_at(&o).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, vec!["online-url-unreachable"; 3]);
    assert!(via_proxy.load(Ordering::SeqCst) >= 1);
    assert_eq!(lab.good.accepted.load(Ordering::SeqCst), 0);
    let o = run("www.harborlight.test");
    assert_eq!(findings(&o), vec![]);
    assert!(lab.good.accepted.load(Ordering::SeqCst) > 0);
}

#[test]
fn a_refused_connection_is_unreachable() {
    let lab = Lab::new();
    lab.good_pages();
    // A port nobody listens on any more.
    let closed = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let privacy = format!("https://www.harborlight.test:{closed}/privacy");
    let pkg = lab.package(
        "p",
        &lab.good.url("www.harborlight.test", "/"),
        &privacy,
        &lab.good.url("www.harborlight.test", "/terms"),
    );
    let o = online(
        &lab,
        &[&pkg],
        &[
            lab.good.resolve("www.harborlight.test"),
            format!("www.harborlight.test:{closed}:127.0.0.1"),
        ],
        &[],
    );
    let f = findings(&o);
    assert_eq!(
        rules_at(&o),
        vec![hit("online-url-unreachable", "/developer/privacyUrl")]
    );
    assert!(f[0].2.contains("refused"), "{}", f[0].2);
}
