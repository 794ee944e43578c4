//! `developer-url-not-https`: a publisher link (privacy policy, terms of use, website) that is
//! not an absolute `https://` URL.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::dev_urls;
use crate::rules::Out;

/// A `<NAME>`, `{NAME}` or `[NAME]` placeholder of another template style, if any.
fn bracketed(s: &str) -> Option<&str> {
    for (open, close) in [('<', '>'), ('{', '}'), ('[', ']')] {
        if let Some(a) = s.find(open) {
            if let Some(b) = s[a..].find(close) {
                return Some(&s[a..a + b + close.len_utf8()]);
            }
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for u in dev_urls(ctx) {
        let lower = u.raw.trim().to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            continue; // the schema's pattern (^https?://) reports it
        }
        let message = match &u.url {
            None => match bracketed(u.raw) {
                Some(p) => format!(
                    "`developer.{}` holds the placeholder `{p}` instead of a real address",
                    u.field
                ),
                None => format!(
                    "`developer.{}` is \"{}\", which is not a valid URL",
                    u.field, u.raw
                ),
            },
            Some(url) if url.scheme() != "https" => format!(
                "`developer.{}` uses `{}://`; the {} link must be a secure https:// URL",
                u.field,
                url.scheme(),
                u.what
            ),
            Some(url) if url.host_str().is_none_or(str::is_empty) => format!(
                "`developer.{}` is \"{}\", which names no host",
                u.field, u.raw
            ),
            Some(_) => continue,
        };
        let fix = match &u.url {
            Some(url) if url.scheme() == "http" => ctx
                .manifest()
                .and_then(|doc| crate::rules::helpers::https_fix(doc, u.pointer)),
            _ => None,
        };
        out.push(
                Finding::at(MANIFEST, u.pointer, message)
                    .maybe_fix(fix)
                    .help(format!(
                        "Give the full address of your published {} page, starting with https:// (e.g. \"https://yourdomain.com/{}\").",
                        u.what,
                        if u.field == "websiteUrl" { "" } else { "legal/..." }
                    ))
                    .label("not an https URL"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::developer::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-url-not-https";

    #[test]
    fn fires_on_http_and_relative() {
        assert_eq!(
            with_url("privacyUrl", "http://harborlightlabs.net/privacy").hits(ID),
            vec![at("manifest.json", "/developer/privacyUrl")]
        );
        let tpl = with_url("termsOfUseUrl", "https://<HOSTNAME>/terms").findings(ID);
        assert_eq!(tpl[0].pointer, "/developer/termsOfUseUrl");
        assert!(
            tpl[0].message.contains("`<HOSTNAME>`"),
            "{}",
            tpl[0].message
        );
    }

    #[test]
    fn passes_on_https_and_placeholders() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://{{HOST}}/")
            .hits(ID)
            .is_empty());
        // Not starting with http(s):// at all: the schema pattern reports it.
        assert!(with_url("websiteUrl", "<website url>").hits(ID).is_empty());
    }
}
