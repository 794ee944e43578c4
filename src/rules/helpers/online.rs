//! Shared helpers for the online rules: the reviewer URLs of the package with what fetching
//! them gave (`--online`), and the names a privacy page should mention.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::online::{reviewer_urls, Fetched, ReviewerUrl};
use crate::rules::helpers::connector;
use crate::rules::text::registrable_domain;
use serde_json::Value;

/// Every reviewer URL of the package that was fetched, with its result. Empty without
/// `--online`, so the online rules report nothing then.
pub fn fetched<'c>(ctx: &'c Ctx<'_>) -> Vec<(ReviewerUrl, &'c Fetched)> {
    let Some(results) = ctx.online.as_deref() else {
        return Vec::new();
    };
    reviewer_urls(ctx)
        .into_iter()
        .filter_map(|u| {
            let f = results.by_url.get(&u.url)?;
            Some((u, f))
        })
        .collect()
}

/// A finding at the URL's pointer, its message starting with the field and the URL.
pub fn finding(u: &ReviewerUrl, what: impl std::fmt::Display) -> Finding {
    Finding::at(
        u.file.clone(),
        u.pointer.clone(),
        format!("{} <{}> {what}", u.role.field(), u.url),
    )
}

/// The registrable domain of a URL's host.
pub fn domain_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    registrable_domain(u.host_str()?)
}

/// The website of the package: `developer.websiteUrl`, or a connector's `Website` metadata.
pub fn website(ctx: &Ctx<'_>) -> Option<String> {
    if let Some((_, s)) = connector::swagger(ctx) {
        return connector::metadata(s, "Website")
            .and_then(|(_, v)| v.as_str())
            .map(|s| s.trim().to_string());
    }
    ctx.manifest()?
        .value
        .pointer("/developer/websiteUrl")?
        .as_str()
        .map(|s| s.trim().to_string())
}

/// The names a privacy policy covering this package would mention: the publisher, the app
/// and the website's registrable domain (lowercase, at least 3 characters).
pub fn names(ctx: &Ctx<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |v: Option<&Value>| {
        if let Some(s) = v.and_then(Value::as_str) {
            let s = s.trim().to_lowercase();
            if s.chars().count() >= 3 && !out.contains(&s) {
                out.push(s);
            }
        }
    };
    if let Some((_, s)) = connector::swagger(ctx) {
        add(s.pointer("/info/title"));
        add(s.pointer("/info/contact/name"));
        add(s.pointer("/x-ms-openai-manifest/humanName"));
        if let Some((_, p)) = connector::properties(ctx) {
            add(p.get("publisher"));
        }
    } else if let Some(m) = ctx.manifest() {
        add(m.value.pointer("/developer/name"));
        add(m.value.pointer("/name/short"));
        add(m.value.pointer("/name/full"));
    }
    if let Some(d) = website(ctx).and_then(|w| domain_of(&w)) {
        add(Some(&Value::String(d)));
    }
    out
}
