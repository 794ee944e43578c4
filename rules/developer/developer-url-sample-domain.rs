//! `developer-url-sample-domain`: a publisher link on a documentation sample domain
//! (example.com, contoso.com, fabrikam.com…).

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::developer::util::dev_urls;
use crate::rules::text;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for u in dev_urls(ctx) {
        let Some(host) = u.host() else { continue };
        if text::is_local_or_ip(&host) {
            continue; // developer-url-local-host
        }
        let Some(label) = text::sample_label(&host) else {
            continue;
        };
        out.push(
                Finding::at(
                    MANIFEST,
                    u.pointer,
                    format!(
                        "`developer.{}` is on `{host}`, a sample domain (`{label}`) copied from documentation or a template",
                        u.field
                    ),
                )
                .help(format!(
                    "Replace it with the https:// address of your own {} page.",
                    u.what
                ))
                .label("sample domain"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::developer::util::test_support::with_url;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "developer-url-sample-domain";

    #[test]
    fn fires_on_sample_domains() {
        assert_eq!(
            with_url("termsOfUseUrl", "https://www.contoso.com/terms").hits(ID),
            vec![at("manifest.json", "/developer/termsOfUseUrl")]
        );
        assert_eq!(
            with_url("websiteUrl", "https://example.org").hits(ID),
            vec![at("manifest.json", "/developer/websiteUrl")]
        );
    }

    #[test]
    fn passes_on_real_domains() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(with_url("websiteUrl", "https://contosoft.com")
            .hits(ID)
            .is_empty());
    }
}
