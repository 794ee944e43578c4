//! `meeting-stage-without-rsc` (info): a configurable tab offers the `meetingStage` context but
//! the manifest does not declare the RSC permission `MeetingStage.Write.Chat` (Delegated), which
//! the `shareAppContentToStage` API needs. Whether the app calls that API cannot be seen in the
//! package (sharing the whole app to the stage needs no permission), hence only an info.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

/// Whether the manifest declares `MeetingStage.Write.Chat` as a delegated RSC permission.
fn has_stage_permission(m: &Value) -> bool {
    m.pointer("/authorization/permissions/resourceSpecific")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|p| {
            p.get("name").and_then(Value::as_str) == Some("MeetingStage.Write.Chat")
                && p.get("type").and_then(Value::as_str) == Some("Delegated")
        })
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    if has_stage_permission(&m.value) {
        return;
    }
    for (tp, tab) in items(&m.value, "/configurableTabs") {
        let Some(context) = tab.get("context").and_then(Value::as_array) else {
            continue;
        };
        let Some(i) = context
            .iter()
            .position(|c| c.as_str() == Some("meetingStage"))
        else {
            continue;
        };
        out.push(
            Finding::at(
                MANIFEST,
                format!("{tp}/context/{i}"),
                "the tab offers the meeting stage, but the manifest does not declare the RSC permission `MeetingStage.Write.Chat` (Delegated); if the app calls `shareAppContentToStage`, that call needs it",
            )
            .help("If the app shares content to the stage with `shareAppContentToStage`, add `{\"name\": \"MeetingStage.Write.Chat\", \"type\": \"Delegated\"}` to `authorization.permissions.resourceSpecific` (with `webApplicationInfo`). Sharing the whole app to the stage needs no permission: then nothing is to be done.")
            .label("stage without MeetingStage.Write.Chat"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "meeting-stage-without-rsc";
    const TAB: &str = "fixtures/packages/tab-personal";

    fn stage() -> Pkg {
        Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["configurableTabs"][0]["context"] = json!([
                "channelTab",
                "meetingDetailsTab",
                "meetingChatTab",
                "meetingSidePanel",
                "meetingStage"
            ]);
        })
    }

    #[test]
    fn stage_without_the_permission_is_an_info() {
        let pkg = stage();
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/configurableTabs/0/context/4")]
        );
        assert_eq!(pkg.findings(ID)[0].severity, Severity::Info);
        let granted = stage().patch(
            "manifest.json",
            json!({
                "webApplicationInfo": {"id": "0d3f5a7e-8f1c-4b2a-9c6d-3e4f5a6b7c8d", "resource": "api://app.quillstone.app/0d3f5a7e-8f1c-4b2a-9c6d-3e4f5a6b7c8d"},
                "authorization": {"permissions": {"resourceSpecific": [{"name": "MeetingStage.Write.Chat", "type": "Delegated"}]}}
            }),
        );
        assert!(granted.hits(ID).is_empty());
    }
}
