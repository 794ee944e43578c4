//! `bot-id-not-guid`: `bots[].botId` or `composeExtensions[].botId` is not a GUID (the
//! Microsoft Entra application id of the bot). Newer schemas check the pattern themselves; this
//! rule stays quiet where they did.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::bots::items;
use crate::rules::helpers::domains::util::is_placeholder_like;
use crate::rules::text::is_guid;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let mut hits = Vec::new();
    for array in ["bots", "composeExtensions"] {
        for (p, item) in items(&doc.value, array, "") {
            let Some(id) = item.get("botId").and_then(Value::as_str) else {
                continue;
            };
            let pointer = format!("{p}/botId");
            if is_guid(id.trim()) || is_placeholder_like(id) {
                continue;
            }
            hits.push(
                    Finding::at(
                        MANIFEST,
                        pointer.clone(),
                        format!(
                            "`{}` is \"{id}\", which is not a GUID",
                            display_path(&pointer)
                        ),
                    )
                    .help("Use the Microsoft App ID of the bot's Azure Bot registration (a GUID such as 1f2e3d4c-…), the same id the Bot Framework knows.")
                    .label("not a GUID"),
                );
        }
    }
    out.extend(hits);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "bot-id-not-guid";

    #[test]
    fn flags_non_guid_bot_ids_where_the_schema_does_not() {
        // Manifest 1.10 has no GUID pattern on botId.
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["$schema"] = json!("https://developer.microsoft.com/json-schemas/teams/v1.10/MicrosoftTeams.schema.json");
            m["manifestVersion"] = json!("1.10");
            m.as_object_mut().unwrap().remove("authorization");
            m["bots"][0]["botId"] = json!("harborlight-bot");
        });
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/bots/0/botId")]);
        // In 1.26 the schema reports it: no second finding.
        let pkg = Pkg::base().edit("manifest.json", |m| {
            m["bots"][0]["botId"] = json!("harborlight-bot");
        });
        assert!(pkg.hits(ID).is_empty());
        assert!(!pkg.check().is_empty());
    }

    #[test]
    fn accepts_guids() {
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
