//! `manifest-channel-features-missing`: a manifest of version 1.25 or later whose bot, tab,
//! message extension or connector supports the `team` scope does not declare
//! `supportsChannelFeatures`; Teams refuses the upload ("Applications with manifest version 1.25
//! or higher that support the 'team' scope must include the 'supportsChannelFeatures'
//! property").

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use serde_json::Value;

/// The capabilities that carry `scopes`.
const CAPABILITIES: &[&str] = &[
    "bots",
    "configurableTabs",
    "staticTabs",
    "composeExtensions",
    "connectors",
];

/// MAJOR.MINOR of a manifest version, when it is one.
fn numeric(v: &str) -> Option<(u32, u32)> {
    let (maj, min) = v.split_once('.')?;
    Some((maj.parse().ok()?, min.parse().ok()?))
}

/// The pointer of the first `scopes` holding `team`, if any.
pub fn first_team_scope(manifest: &Value) -> Option<String> {
    for cap in CAPABILITIES {
        let Some(items) = manifest.get(*cap).and_then(Value::as_array) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let team = item
                .get("scopes")
                .and_then(Value::as_array)
                .is_some_and(|s| s.iter().any(|x| x.as_str() == Some("team")));
            if team {
                return Some(format!("/{cap}/{i}/scopes"));
            }
        }
    }
    None
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut crate::rules::Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let m = &doc.value;
    let Some(version) = m.get("manifestVersion").and_then(Value::as_str) else {
        return;
    };
    if numeric(version).is_none_or(|v| v < (1, 25)) || m.get("supportsChannelFeatures").is_some() {
        return;
    }
    let Some(pointer) = first_team_scope(m) else {
        return;
    };
    out.push(
        Finding::at(
            MANIFEST,
            pointer.clone(),
            format!(
                "`{}` includes `team`, but the manifest (version {version}) does not declare `supportsChannelFeatures`; Teams refuses to upload such a package",
                display_path(&pointer)
            ),
        )
        .help("Add `\"supportsChannelFeatures\": \"tier1\"` at the top level of the manifest (the only value; it declares that the app works in standard, private and shared channels), or remove the `team` scope.")
        .label("team scope without supportsChannelFeatures"),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "manifest-channel-features-missing";

    #[test]
    fn team_scope_from_1_25_needs_the_property() {
        let pkg = Pkg::base().patch("manifest.json", json!({"supportsChannelFeatures": null}));
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/bots/0/scopes")]);
        assert!(Pkg::base().hits(ID).is_empty());
        // Before 1.25 the property does not exist.
        let old = Pkg::base().patch(
            "manifest.json",
            json!({"supportsChannelFeatures": null, "manifestVersion": "1.24"}),
        );
        assert!(old.hits(ID).is_empty());
        // No team scope: nothing to declare.
        let personal = Pkg::from_fixture("fixtures/packages/me-bot-copilot");
        assert!(personal.hits(ID).is_empty());
    }
}
