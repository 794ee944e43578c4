//! `connector-mime-type`: a `consumes` or `produces` entry is not a MIME type.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;
use serde_json::Value;

const TOP: &[&str] = &[
    "application",
    "text",
    "image",
    "audio",
    "video",
    "multipart",
    "font",
    "message",
    "model",
    "*",
];

pub(crate) fn is_mime(s: &str) -> bool {
    let base = s.split(';').next().unwrap_or_default().trim();
    let Some((top, sub)) = base.split_once('/') else {
        return false;
    };
    TOP.contains(&top.to_ascii_lowercase().as_str())
        && !sub.is_empty()
        && sub
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+*".contains(c))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut lists: Vec<(String, &Value)> = Vec::new();
    for key in ["consumes", "produces"] {
        if let Some(v) = s.get(key) {
            lists.push((format!("/{key}"), v));
        }
    }
    for op in operations(s) {
        for key in ["consumes", "produces"] {
            if let Some(v) = op.op.get(key) {
                lists.push((op.at(key), v));
            }
        }
    }
    for (ptr, v) in lists {
        for (i, m) in v.as_array().into_iter().flatten().enumerate() {
            let ok = m.as_str().is_some_and(is_mime);
            if !ok {
                out.push(
                    Finding::at(file, format!("{ptr}/{i}"), format!("{m} is not a MIME type"))
                        .help("Write a MIME type such as `application/json`, `text/plain` or `multipart/form-data`.")
                        .label("not a MIME type"),
                );
            }
        }
    }
}
