//! `listing-appsource-link`: a name or description links to AppSource or the commercial
//! marketplace.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::naming::util::listing_texts;
use crate::rules::Out;

const MARKETPLACE: &[&str] = &[
    "appsource.microsoft.com",
    "azuremarketplace.microsoft.com",
    "marketplace.microsoft.com",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for t in listing_texts(ctx) {
        let lower = t.value.to_lowercase();
        let Some(host) = MARKETPLACE.iter().find(|h| lower.contains(*h)) else {
            continue;
        };
        out.push(
                Finding::at(
                    t.file.clone(),
                    t.pointer.clone(),
                    format!("`{}` links to the marketplace (`{host}`)", t.field.key()),
                )
                .help("Remove the marketplace link; link to your own website, help or sign-up pages instead.")
                .label("marketplace link"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::naming::util::test_support::*;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "listing-appsource-link";

    #[test]
    fn fires_on_appsource_links() {
        assert_eq!(
            desc_full(
                "Rate us on [AppSource](https://appsource.microsoft.com/product/office/WA1)."
            )
            .hits(ID),
            vec![at("manifest.json", "/description/full")]
        );
    }

    #[test]
    fn passes_without() {
        assert!(Pkg::base().hits(ID).is_empty());
        assert!(
            desc_full("Get it from our site https://harborlightlabs.net/appsource-help.")
                .hits(ID)
                .is_empty()
        );
    }
}
