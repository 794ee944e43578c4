//! `tab-url-not-https`: a tab content, website or configuration URL that is not `https://`
//! (the schema accepts `http://`).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::helpers::domains::util::{split_url, tab_urls};
use crate::rules::text::bad_host_reason;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    for (pointer, url) in tab_urls(&doc.value) {
        if is_placeholder_like(url) {
            continue;
        }
        let Some(parts) = split_url(url) else {
            continue;
        };
        if parts.scheme == "https" || bad_host_reason(&parts.host).is_some() {
            continue; // local and tunnel hosts are reported by tab-url-local-or-tunnel
        }
        let rest = url.trim().split_once("://").map_or("", |(_, r)| r);
        out.push(
            Finding::at(
                MANIFEST,
                pointer.clone(),
                format!(
                    "`{}` uses `{}://`; tab pages must be served over HTTPS",
                    display_path(&pointer),
                    parts.scheme
                ),
            )
            .help(format!(
                "Serve the page over HTTPS and use \"https://{rest}\"."
            ))
            .label("not HTTPS")
            .maybe_fix(if parts.scheme.eq_ignore_ascii_case("http") {
                crate::rules::helpers::https_fix(doc, &pointer)
            } else {
                None
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "tab-url-not-https";
    const TAB: &str = "fixtures/packages/tab-personal";

    #[test]
    fn flags_http_urls() {
        let pkg = Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["configurableTabs"][0]["configurationUrl"] =
                json!("http://app.quillstone.app/tabs/timeline/configure");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/configurableTabs/0/configurationUrl")]
        );
    }

    #[test]
    fn accepts_https_and_leaves_localhost_to_its_rule() {
        assert!(Pkg::from_fixture(TAB).hits(ID).is_empty());
        let pkg = Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["staticTabs"][0]["contentUrl"] = json!("http://localhost:53000/index.html#/tab");
        });
        assert!(pkg.hits(ID).is_empty());
    }
}
