//! `plugin-legal-url-missing`: an API plugin without `privacy_policy_url` or `legal_info_url`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::plugins;
use crate::rules::helpers::copilot::KEYS;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, p) in plugins(ctx) {
        for (key, what) in KEYS {
            if p.get(*key).is_some() {
                continue;
            }
            out.push(
                    Finding::at(file, "", format!("the API plugin {file} has no `{key}` ({what} link)"))
                        .help(format!("Add `\"{key}\"` with the https address of the publisher's {what} (usually the same page as the manifest's developer URL)."))
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "plugin-legal-url-missing";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_missing_link() {
        let pkg = Pkg::from_fixture(DA).patch("ai-plugin.json", json!({"legal_info_url": null}));
        assert_eq!(pkg.hits(ID), vec![at("ai-plugin.json", "")]);
    }

    #[test]
    fn accepts_both_links() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
    }
}
