//! Shared helpers for the secret rules: file names that hold credentials, credential-looking
//! content, and masking. A secret is never printed: only its first and last characters and its
//! length.

use crate::references::has_placeholder;
use crate::rules::text::is_guid;

/// What kind of credential file `name` (a package path) looks like, if any.
pub fn secret_file_kind(name: &str) -> Option<&'static str> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    if lower == ".env" || lower.starts_with(".env.") {
        return Some("an environment file");
    }
    if matches!(
        lower.as_str(),
        "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519"
    ) {
        return Some("an SSH private key");
    }
    let ext = lower.rsplit_once('.').map(|(_, e)| e);
    match ext {
        Some("pem") => Some("a PEM certificate or key file"),
        Some("key") => Some("a private key file"),
        Some("pfx") | Some("p12") => Some("a PKCS#12 certificate store with its private key"),
        _ => None,
    }
}

/// `ab…yz (40 characters)`: never the secret itself.
pub fn mask(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    let n = chars.len();
    if n >= 12 {
        let head: String = chars[..2].iter().collect();
        let tail: String = chars[n - 2..].iter().collect();
        format!("`{head}…{tail}` ({n} characters)")
    } else {
        format!("({n} characters)")
    }
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let mut n = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// Whether a key name (JSON key or `NAME=`) names a credential.
pub fn sensitive_key(key: &str) -> bool {
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if k.ends_with("publickey") || k.ends_with("keyid") || k.is_empty() {
        return false;
    }
    [
        "secret",
        "password",
        "passwd",
        "pwd",
        "token",
        "apikey",
        "key",
        "connectionstring",
    ]
    .iter()
    .any(|s| k.ends_with(s))
}

/// Whether a value assigned to a credential-named key looks like a real token rather than a
/// reference, a placeholder, an id, a URL or a word.
pub fn looks_like_token(v: &str) -> bool {
    let v = v.trim();
    if v.chars().count() < 20
        || v.chars().any(char::is_whitespace)
        || has_placeholder(v)
        || is_guid(v)
        || v.contains("://")
        || v.starts_with("data:")
        || v.starts_with(['$', '%', '<', '{', '[', '#'])
    {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if [".json", ".png", ".yaml", ".yml", ".md", ".txt"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return false;
    }
    if !v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "+/=_-.~:!@*".contains(c))
    {
        return false;
    }
    let classes = [
        v.chars().any(|c| c.is_ascii_lowercase()),
        v.chars().any(|c| c.is_ascii_uppercase()),
        v.chars().any(|c| c.is_ascii_digit()),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    classes >= 2 && entropy(v) >= 3.5
}

/// A credential found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is, e.g. "a client secret".
    pub what: String,
    /// The masked value (never the secret).
    pub shown: String,
    /// Byte offset in the scanned text.
    pub offset: usize,
    /// Byte length of the credential, so renderers can mask it in snippets.
    pub len: usize,
}

fn is_secret_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'~' | b'.' | b'-')
}

/// Private key blocks, Entra client secrets and connection-string keys in `text`.
pub fn scan_text(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    // Private key blocks.
    let mut from = 0;
    while let Some(i) = text[from..].find("-----BEGIN ") {
        let start = from + i;
        let line_end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        let header = &text[start..line_end.min(start + 60)];
        if let Some(end) = header.find("PRIVATE KEY-----") {
            let label = &header[..end + "PRIVATE KEY-----".len()];
            let end = text[start..]
                .find("PRIVATE KEY-----")
                .and_then(|_| {
                    let after_header = start + end + "PRIVATE KEY-----".len();
                    text[after_header..]
                        .find("PRIVATE KEY-----")
                        .map(|e| after_header + e + "PRIVATE KEY-----".len())
                })
                .unwrap_or(text.len());
            hits.push(Hit {
                what: format!("a private key block (`{label}`)"),
                shown: String::new(),
                offset: start,
                len: end - start,
            });
        }
        from = start + 11;
    }
    // Entra (Azure AD) client secrets: xxxNQ~ followed by 31–34 characters.
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = text[i..].find("Q~") {
        let q = i + p;
        i = q + 2;
        if q < 4 || !b[q - 1].is_ascii_digit() {
            continue;
        }
        let start = q - 4;
        if !b[start..q].iter().all(|c| is_secret_char(*c))
            || (start > 0 && is_secret_char(b[start - 1]))
        {
            continue;
        }
        let tail = b[q + 2..]
            .iter()
            .take_while(|c| is_secret_char(**c))
            .count();
        if (31..=34).contains(&tail) {
            let secret = &text[start..q + 2 + tail];
            hits.push(Hit {
                what: "a Microsoft Entra client secret".into(),
                shown: mask(secret),
                offset: start,
                len: secret.len(),
            });
            i = q + 2 + tail;
        }
    }
    // Connection-string keys.
    let lower = text.to_ascii_lowercase();
    for (key, what, min) in [
        (
            "accountkey=",
            "a storage account key in a connection string",
            16,
        ),
        (
            "sharedaccesskey=",
            "a shared access key in a connection string",
            16,
        ),
        ("password=", "a password in a connection string", 4),
        ("pwd=", "a password in a connection string", 4),
    ] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(key) {
            let at = from + p;
            from = at + key.len();
            // `Password=` only counts in `;`-separated strings.
            let line_start = lower[..at].rfind('\n').map_or(0, |s| s + 1);
            let line_end = lower[at..].find('\n').map_or(lower.len(), |e| at + e);
            if !lower[line_start..line_end].contains(';') {
                continue;
            }
            if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let vstart = at + key.len();
            let len = text[vstart..]
                .find([';', '"', '\'', '\n', '\r', ' ', '<', '`'])
                .unwrap_or(text.len() - vstart);
            let value = &text[vstart..vstart + len];
            let vl = value.to_ascii_lowercase();
            if value.chars().count() < min
                || has_placeholder(value)
                || value.starts_with(['$', '%', '{', '[', '*'])
                || vl.contains("your")
                || vl.contains("password")
                || vl.chars().all(|c| c == 'x' || c == '*' || c == '.')
            {
                continue;
            }
            hits.push(Hit {
                what: what.into(),
                shown: mask(value),
                offset: vstart,
                len,
            });
        }
    }
    hits.sort_by_key(|h| h.offset);
    hits
}

/// `NAME=value` and `NAME: value` assignments in a text file whose name is credential-like
/// and whose value looks like a token: (line index, key, value, offset of value).
pub fn assignments(text: &str) -> Vec<(usize, String, &str, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        let line_offset = offset;
        offset += line.len() + 1;
        let trimmed = line
            .trim_start()
            .trim_start_matches("export ")
            .trim_start_matches("- ");
        let Some(sep) = trimmed.find(['=', ':']) else {
            continue;
        };
        let key = trimmed[..sep].trim().trim_matches(['"', '\'']);
        if key.is_empty() || key.contains(char::is_whitespace) || !sensitive_key(key) {
            continue;
        }
        let raw = trimmed[sep + 1..].trim().trim_end_matches(',');
        let value = raw.trim_matches(['"', '\'']);
        if looks_like_token(value) {
            let pos = line.find(value).map_or(line_offset, |p| line_offset + p);
            out.push((n, key.to_string(), value, pos));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(secret_file_kind(".env").is_some());
        assert!(secret_file_kind("env/.env.dev").is_some());
        assert!(secret_file_kind("certs/app.PEM").is_some());
        assert!(secret_file_kind("id_ed25519").is_some());
        assert!(secret_file_kind("cert.p12").is_some());
        assert!(secret_file_kind("environment.json").is_none());
        assert!(secret_file_kind("keys.json").is_none());
    }

    #[test]
    fn masks_and_keys() {
        assert_eq!(
            mask("abcdefghijklmnopqrstuvwxyz"),
            "`ab…yz` (26 characters)"
        );
        assert_eq!(mask("hunter2"), "(7 characters)");
        assert!(sensitive_key("CLIENT_SECRET"));
        assert!(sensitive_key("apiKey"));
        assert!(sensitive_key("x-api-key"));
        assert!(!sensitive_key("publicKey"));
        assert!(!sensitive_key("reference_id"));
        assert!(!sensitive_key("name"));
        assert!(looks_like_token("aK9fP2xQ7rT4mZ8bW3nV6cY1"));
        assert!(!looks_like_token("00000000-0000-0000-0000-000000000000"));
        assert!(!looks_like_token("${{SECRET_API_KEY}}"));
        assert!(!looks_like_token("https://login.microsoftonline.com/x"));
        assert!(!looks_like_token("teams-app-client-secret-name"));
        assert!(!looks_like_token("aaaaaaaaaaaaaaaaaaaaaaaa"));
    }

    #[test]
    fn scans() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----";
        assert_eq!(scan_text(key).len(), 1);
        let entra = "secret abc8Q~Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE_d end";
        let h = scan_text(entra);
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(!h[0].shown.contains("Zx9yW8vU7t"));
        let cs = "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Zm9vYmFyYmF6cXV4cXV1eA==;EndpointSuffix=core.windows.net";
        assert_eq!(scan_text(cs).len(), 1);
        assert!(scan_text("Server=x;Password=${{DB_PASSWORD}};").is_empty());
        assert!(scan_text("Password=hunter2 but no semicolons").is_empty());
        let env =
            "CLIENT_SECRET=aK9fP2xQ7rT4mZ8bW3nV6cY1\nAPP_ID=3f2504e0-4f89-41d3-9a0c-0305e82c3301\n";
        let a = assignments(env);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, 0);
    }
}
