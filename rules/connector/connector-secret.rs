//! `connector-secret`: apiProperties.json or settings.json holds what looks like a real
//! client secret or key.

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::Out;
use serde_json::Value;

const KEYS: &[&str] = &[
    "clientsecret",
    "client_secret",
    "secret",
    "password",
    "apikey",
    "api_key",
    "accesstoken",
    "access_token",
];

/// Whether a value looks like a credential rather than a placeholder.
fn looks_real(v: &str) -> bool {
    let t = v.trim();
    if t.len() < 16
        || t.contains(' ')
        || t.contains("{{")
        || t.starts_with('<')
        || t.starts_with('[')
    {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    if [
        "dummy",
        "placeholder",
        "your",
        "example",
        "secret",
        "xxxx",
        "****",
        "redacted",
        "sample",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return false;
    }
    let classes = [
        t.chars().any(|c| c.is_ascii_lowercase()),
        t.chars().any(|c| c.is_ascii_uppercase()),
        t.chars().any(|c| c.is_ascii_digit()),
    ];
    classes.iter().filter(|b| **b).count() >= 2
}

fn walk(v: &Value, ptr: &str, found: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = join(ptr, k);
                let key = k.to_ascii_lowercase().replace('-', "_");
                if let Some(s) = child.as_str() {
                    if KEYS.contains(&key.as_str()) && looks_real(s) {
                        found.push(p);
                        continue;
                    }
                }
                walk(child, &p, found);
            }
        }
        Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                walk(c, &format!("{ptr}/{i}"), found);
            }
        }
        _ => {}
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(c) = &ctx.connector else { return };
    for file in [c.properties.as_deref(), c.settings.as_deref()]
        .into_iter()
        .flatten()
    {
        let Some(doc) = ctx.docs.get(file) else {
            continue;
        };
        let mut found = Vec::new();
        walk(&doc.value, "", &mut found);
        for p in found {
            let key = p.rsplit('/').next().unwrap_or_default().to_string();
            out.push(
                Finding::at(file, p, format!("`{key}` holds what looks like a real credential"))
                    .help("Remove the secret from the file (the repository is public): leave the client secret empty or a placeholder and give it at submission; rotate the exposed secret.")
                    .secret()
                    .label("credential"),
            );
        }
    }
}
