//! `check --online`: the links a reviewer opens, and what fetching them gave.
//!
//! This module is part of the checking core and touches no network: it holds fetch results
//! as plain data ([`Fetched`], [`OnlineResults`], which the `online-*` rules read from the
//! model) and judges page texts and redirect targets (pure functions). The reviewer URLs of a
//! loaded package are listed by `rules::helpers::online::reviewer_urls`; the fetching itself
//! is [`fetch`], behind the `cli` feature.

#[cfg(feature = "cli")]
pub mod fetch;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why fetching a URL failed before a final answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The host name did not resolve.
    Dns,
    /// The connection was refused or could not be made.
    Connect,
    /// The TLS handshake failed (certificate, protocol version…).
    Tls,
    /// No answer within the timeout (or the run's total time ran out).
    Timeout,
    /// The host resolved to a loopback, private, link-local or metadata address.
    Address,
    /// A redirect left https.
    NotHttps,
    /// More than 5 redirects.
    TooManyRedirects,
    /// A redirect without a usable `Location`, a protocol error, a broken body.
    Protocol,
}

/// What fetching one URL gave: plain data, so rule cases can simulate it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fetched {
    /// The redirect targets followed, in order (not the URL itself).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirects: Vec<String>,
    /// The final answer's status, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The final answer's `Content-Type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The page's title (HTML `<title>`), when it has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The page's text (HTML without tags, scripts and styles) from its first 2 MiB.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Why no final answer was obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorKind>,
    /// What happened, in words (the reason of a TLS error, the refused address…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl Fetched {
    /// The URL of the final answer.
    pub fn final_url<'a>(&'a self, url: &'a str) -> &'a str {
        self.redirects.last().map(String::as_str).unwrap_or(url)
    }

    /// A 2xx final answer.
    pub fn ok(&self) -> bool {
        self.error.is_none() && self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// The media type of the answer, lowercase, without parameters.
    pub fn media_type(&self) -> String {
        self.content_type
            .as_deref()
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }

    /// The answer is a page a reviewer can read (HTML, PDF or text). A missing
    /// `Content-Type` counts as a page (browsers sniff it).
    pub fn is_page(&self) -> bool {
        let t = self.media_type();
        t.is_empty()
            || t == "text/html"
            || t == "application/xhtml+xml"
            || t == "application/pdf"
            || t.starts_with("text/")
    }

    /// The page's text can be judged (not a PDF, whose text is compressed).
    pub fn has_readable_text(&self) -> bool {
        self.ok() && self.is_page() && self.media_type() != "application/pdf"
    }

    /// Title and text, lowercase, for keyword searches.
    pub fn haystack(&self) -> String {
        format!("{}\n{}", self.title, self.text).to_lowercase()
    }
}

/// The fetch results of a run, by URL as written in the packages.
#[derive(Debug, Clone, Default)]
pub struct OnlineResults {
    pub by_url: BTreeMap<String, Fetched>,
}

/// Words that show a page is about privacy, in the common languages.
pub const PRIVACY_WORDS: &[&str] = &[
    "privacy",
    "personal data",
    "personal information",
    "data protection",
    "datenschutz",
    "personenbezogene",
    "confidentialité",
    "données personnelles",
    "vie privée",
    "privacidad",
    "datos personales",
    "privacidade",
    "dados pessoais",
    "riservatezza",
    "dati personali",
    "persoonsgegevens",
    "prywatności",
    "dane osobowe",
    "danych osobowych",
    "integritet",
    "personuppgifter",
    "personoplysninger",
    "personvern",
    "tietosuoja",
    "osobních údajů",
    "gizlilik",
    "kişisel veri",
    "конфиденциальност",
    "персональн",
    "プライバシー",
    "個人情報",
    "隐私",
    "隱私",
    "个人信息",
    "個人資料",
    "개인정보",
];

/// Words that show a page is terms of use, in the common languages.
pub const TERMS_WORDS: &[&str] = &[
    "terms",
    "conditions",
    "agreement",
    "eula",
    "nutzungsbedingungen",
    "geschäftsbedingungen",
    "conditions générales",
    "conditions d'utilisation",
    "términos",
    "condiciones",
    "termos",
    "condições",
    "termini",
    "condizioni",
    "voorwaarden",
    "warunki",
    "regulamin",
    "villkor",
    "vilkår",
    "käyttöehdot",
    "podmínky",
    "koşulları",
    "sözleşme",
    "условия",
    "соглашение",
    "利用規約",
    "約款",
    "条款",
    "條款",
    "약관",
];

/// Whether a lowercase text contains one of the words.
pub fn mentions(haystack: &str, words: &[&str]) -> bool {
    words.iter().any(|w| haystack.contains(w))
}

/// Identity-provider hosts: a redirect there means the page needs a sign-in.
const SIGN_IN_HOSTS: &[&str] = &[
    "login.microsoftonline.com",
    "login.microsoft.com",
    "login.live.com",
    "login.windows.net",
    "b2clogin.com",
    "accounts.google.com",
    "okta.com",
    "oktapreview.com",
    "okta-emea.com",
    "auth0.com",
    "onelogin.com",
    "pingidentity.com",
    "pingone.com",
    "amazoncognito.com",
    "login.salesforce.com",
    "appleid.apple.com",
    "id.atlassian.com",
];

/// Path segments of sign-in pages (`/login`, `/signin`, `/users/sign_in`, `/oauth2/authorize`).
const SIGN_IN_SEGMENTS: &[&str] = &[
    "login",
    "log-in",
    "logon",
    "signin",
    "sign-in",
    "sign_in",
    "authorize",
    "sso",
    "saml",
    "saml2",
];

/// Whether a URL is a sign-in page: an identity provider's host, or a sign-in path.
pub fn is_sign_in(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return false;
    };
    let host = u
        .host_str()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if SIGN_IN_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
    {
        return true;
    }
    if host == "github.com" && u.path().starts_with("/login") {
        return true;
    }
    u.path_segments().into_iter().flatten().any(|seg| {
        let seg = seg.to_ascii_lowercase();
        let stem = seg.split('.').next().unwrap_or("");
        SIGN_IN_SEGMENTS.contains(&stem)
    })
}

/// The title and the visible text of a page (HTML: without tags, comments, scripts and
/// styles, a few entities decoded; other text as is), each trimmed to `max_chars`.
pub fn page_text(media_type: &str, body: &[u8], max_chars: usize) -> (String, String) {
    let text = String::from_utf8_lossy(body);
    if media_type != "text/html" && media_type != "application/xhtml+xml" && !media_type.is_empty()
    {
        return (String::new(), text.chars().take(max_chars).collect());
    }
    let lower = text.to_ascii_lowercase();
    let mut out = String::new();
    let mut title = String::new();
    let mut i = 0;
    let bytes = lower.as_bytes();
    while i < bytes.len() && out.len() < max_chars {
        if bytes[i] == b'<' {
            let rest = &lower[i..];
            // Skip comments and the content of scripts, styles and templates.
            let skip_to = if rest.starts_with("<!--") {
                rest.find("-->").map(|e| i + e + 3)
            } else if let Some(tag) = ["script", "style", "noscript", "template"]
                .iter()
                .find(|t| rest[1..].starts_with(**t))
            {
                rest.find(&format!("</{tag}"))
                    .and_then(|e| lower[i + e..].find('>').map(|g| i + e + g + 1))
            } else if rest.starts_with("<title") {
                let open_end = rest.find('>').map(|g| i + g + 1);
                let close = rest.find("</title").map(|e| i + e);
                if let (Some(s), Some(e)) = (open_end, close) {
                    if s <= e && title.is_empty() {
                        title = decode_entities(text.get(s..e).unwrap_or(""));
                    }
                }
                close.and_then(|e| lower[e..].find('>').map(|g| e + g + 1))
            } else {
                rest.find('>').map(|g| i + g + 1)
            };
            match skip_to {
                Some(next) => {
                    out.push(' ');
                    i = next;
                }
                None => break,
            }
        } else {
            let end = lower[i..].find('<').map(|e| i + e).unwrap_or(lower.len());
            out.push_str(text.get(i..end).unwrap_or(""));
            i = end;
        }
    }
    let text = decode_entities(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (
        title.chars().take(max_chars).collect(),
        text.chars().take(max_chars).collect(),
    )
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_pages_by_host_and_path() {
        for u in [
            "https://login.microsoftonline.com/common/oauth2/authorize?x=1",
            "https://accounts.google.com/ServiceLogin",
            "https://contoso.okta.com/app",
            "https://contoso.eu.auth0.com/u/login",
            "https://www.contoso.com/login?next=/privacy",
            "https://www.contoso.com/users/sign_in",
            "https://www.contoso.com/Account/Login.aspx",
            "https://github.com/login?return_to=x",
        ] {
            assert!(is_sign_in(u), "{u}");
        }
        for u in [
            "https://www.contoso.com/privacy",
            "https://www.contoso.com/blog/login-tips-for-admins",
            "https://notokta.com/terms",
            "https://github.com/contoso/terms",
        ] {
            assert!(!is_sign_in(u), "{u}");
        }
    }

    #[test]
    fn page_text_drops_markup_scripts_and_styles() {
        let html = b"<html><head><title> Contoso &amp; Co \n Privacy</title><style>p{x:1}</style>\
            <script>var terms = 1;</script></head><body><!-- conditions --><p>We protect your\
            <b>personal data</b>.</p></body></html>";
        let (title, text) = page_text("text/html", html, 1000);
        assert_eq!(title, "Contoso & Co Privacy");
        assert!(text.contains("We protect your personal data ."), "{text}");
        assert!(!text.contains("terms") && !text.contains("conditions") && !text.contains("p{"));
        let (t, text) = page_text("text/plain", b"<b>plain</b>", 1000);
        assert!(t.is_empty());
        assert_eq!(text, "<b>plain</b>");
        // Unclosed markup ends the text without a panic.
        let (_, text) = page_text("text/html", b"abc <p class='x", 1000);
        assert_eq!(text, "abc");
    }

    #[test]
    fn keywords_in_other_languages() {
        assert!(mentions("unsere datenschutzerklärung", PRIVACY_WORDS));
        assert!(mentions("politique de confidentialité", PRIVACY_WORDS));
        assert!(mentions("conditions générales d'utilisation", TERMS_WORDS));
        assert!(mentions("利用規約", TERMS_WORDS));
        assert!(!mentions("welcome to our blog", PRIVACY_WORDS));
        assert!(!mentions("welcome to our blog", TERMS_WORDS));
    }

    #[test]
    fn fetched_page_kinds() {
        let mut f = Fetched {
            status: Some(200),
            content_type: Some("text/html; charset=utf-8".into()),
            ..Fetched::default()
        };
        assert!(f.ok() && f.is_page() && f.has_readable_text());
        f.content_type = Some("application/pdf".into());
        assert!(f.is_page() && !f.has_readable_text());
        f.content_type = Some("application/zip".into());
        assert!(!f.is_page());
        f.status = Some(404);
        assert!(!f.ok());
        assert_eq!(
            Fetched {
                redirects: vec!["https://b/".into()],
                ..Fetched::default()
            }
            .final_url("https://a/"),
            "https://b/"
        );
    }
}
