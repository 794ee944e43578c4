//! `graph-connector-in-store-app`: a manifest with a `graphConnector` node. The sources disagree
//! (§M.6): the Teams Store guidelines say not to include one; the newer Copilot publishing
//! guidance accepts Copilot connectors packaged as apps from verified publishers. We follow the
//! newer guidance: a warning in the store profile reminding of the verified-publisher
//! requirement, info for an organization's own catalog.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    if m.value.get("graphConnector").is_none() {
        return;
    }
    out.push(
            Finding::at(MANIFEST, "/graphConnector", "the app packages a Copilot (Graph) connector: store submission of connectors is limited to verified publishers")
                .help("Complete Microsoft Entra publisher verification before submitting, and make sure the connector works in any customer tenant; for your own organization's catalog nothing is needed.")
                .at_key(),
        );
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use crate::rules::Profile;
    use serde_json::json;

    const ID: &str = "graph-connector-in-store-app";

    #[test]
    fn warns_in_store_info_in_org() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"graphConnector": {"notificationUrl": "https://x.example.org/n"}}),
        );
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/graphConnector")]);
        assert_eq!(pkg.findings(ID)[0].severity, Severity::Warning);
        assert_eq!(
            pkg.profile(Profile::Org).findings(ID)[0].severity,
            Severity::Info
        );
    }

    #[test]
    fn quiet_without_connector() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
