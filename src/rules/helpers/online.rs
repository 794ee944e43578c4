//! Shared helpers for the online rules: the reviewer URLs of the package with what fetching
//! them gave (`--online`), and the names a privacy page should mention.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::online::Fetched;
use crate::references::{has_placeholder, RefKind};
use crate::rules::helpers::connector;
use crate::rules::text::registrable_domain;
use serde_json::Value;
use std::collections::BTreeSet;

/// What a reviewer URL is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `developer.websiteUrl`
    Website,
    /// `developer.privacyUrl`
    Privacy,
    /// `developer.termsOfUseUrl`
    Terms,
    /// An API plugin's `privacy_policy_url`.
    PluginPrivacy,
    /// An API plugin's `legal_info_url`.
    PluginLegal,
    /// A connector's `Website` metadata.
    ConnectorWebsite,
    /// A connector's `Privacy policy` metadata.
    ConnectorPrivacy,
    /// A connector's `info.contact.url`.
    ConnectorContact,
    /// A connector Copilot extension's `x-ms-openai-manifest.legalUrl`.
    ConnectorLegal,
}

impl Role {
    /// The page is a privacy policy.
    pub fn is_privacy(self) -> bool {
        matches!(
            self,
            Role::Privacy | Role::PluginPrivacy | Role::ConnectorPrivacy
        )
    }

    /// The page is terms of use.
    pub fn is_terms(self) -> bool {
        matches!(self, Role::Terms | Role::PluginLegal | Role::ConnectorLegal)
    }

    /// The field, as messages name it.
    pub fn field(self) -> &'static str {
        match self {
            Role::Website => "developer.websiteUrl",
            Role::Privacy => "developer.privacyUrl",
            Role::Terms => "developer.termsOfUseUrl",
            Role::PluginPrivacy => "privacy_policy_url",
            Role::PluginLegal => "legal_info_url",
            Role::ConnectorWebsite => "the `Website` metadata",
            Role::ConnectorPrivacy => "the `Privacy policy` metadata",
            Role::ConnectorContact => "info.contact.url",
            Role::ConnectorLegal => "x-ms-openai-manifest.legalUrl",
        }
    }
}

/// One link of a package that a reviewer opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewerUrl {
    /// The package file holding it.
    pub file: String,
    /// Its JSON pointer in that file.
    pub pointer: String,
    pub role: Role,
    /// The URL as written, trimmed.
    pub url: String,
}

/// The https URLs a reviewer opens, in package order: `developer.websiteUrl`, `privacyUrl`,
/// `termsOfUseUrl`; each API plugin's `privacy_policy_url` and `legal_info_url`; for a
/// connector the `Website` and `Privacy policy` metadata, `info.contact.url` and the Copilot
/// extension's `legalUrl`. Values with a template placeholder and values that are not
/// absolute https URLs are left out (the offline rules report them; appcert never fetches
/// over plain http).
pub fn reviewer_urls(ctx: &Ctx<'_>) -> Vec<ReviewerUrl> {
    let mut out = Vec::new();
    let mut push = |file: &str, pointer: String, role: Role, v: Option<&Value>| {
        let Some(raw) = v.and_then(Value::as_str) else {
            return;
        };
        let raw = raw.trim();
        if has_placeholder(raw) || !is_https_url(raw) {
            return;
        }
        out.push(ReviewerUrl {
            file: file.to_string(),
            pointer,
            role,
            url: raw.to_string(),
        });
    };
    if let Some(c) = ctx.connector.as_ref() {
        let Some(file) = c.swagger.as_deref() else {
            return out;
        };
        let Some(s) = ctx.docs.get(file).map(|d| &d.value) else {
            return out;
        };
        for (name, role) in [
            ("Website", Role::ConnectorWebsite),
            ("Privacy policy", Role::ConnectorPrivacy),
        ] {
            if let Some((i, v)) = connector_metadata(s, name) {
                push(
                    file,
                    format!("/x-ms-connector-metadata/{i}/propertyValue"),
                    role,
                    Some(v),
                );
            }
        }
        push(
            file,
            "/info/contact/url".into(),
            Role::ConnectorContact,
            s.pointer("/info/contact/url"),
        );
        push(
            file,
            "/x-ms-openai-manifest/legalUrl".into(),
            Role::ConnectorLegal,
            s.pointer("/x-ms-openai-manifest/legalUrl"),
        );
        return out;
    }
    if let Some(m) = ctx.manifest() {
        for (key, role) in [
            ("websiteUrl", Role::Website),
            ("privacyUrl", Role::Privacy),
            ("termsOfUseUrl", Role::Terms),
        ] {
            push(
                MANIFEST,
                format!("/developer/{key}"),
                role,
                m.value.pointer(&format!("/developer/{key}")),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for r in ctx.refs.iter().filter(|r| r.kind == RefKind::Plugin) {
        let Some(target) = &r.target else { continue };
        if !seen.insert(target.clone()) {
            continue;
        }
        let Some(doc) = ctx.docs.get(target) else {
            continue;
        };
        for (key, role) in [
            ("privacy_policy_url", Role::PluginPrivacy),
            ("legal_info_url", Role::PluginLegal),
        ] {
            push(target, format!("/{key}"), role, doc.value.get(key));
        }
    }
    out
}

fn connector_metadata<'v>(swagger: &'v Value, name: &str) -> Option<(usize, &'v Value)> {
    swagger
        .get("x-ms-connector-metadata")?
        .as_array()?
        .iter()
        .enumerate()
        .find(|(_, m)| {
            m.get("propertyName")
                .and_then(Value::as_str)
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
        })
        .and_then(|(i, m)| Some((i, m.get("propertyValue")?)))
}

fn is_https_url(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| u.scheme() == "https" && u.host_str().is_some())
}

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
