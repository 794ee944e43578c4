//! `meeting-tab-mobile-contexts-missing`: a configurable tab with a meeting context does not
//! declare the `groupChat` scope and the three contexts the guidelines list for meetings on
//! Teams mobile (`meetingDetailsTab`, `meetingChatTab`, `meetingSidePanel`).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

/// The contexts that make a configurable tab a meeting tab.
pub const MEETING_CONTEXTS: &[&str] = &[
    "meetingChatTab",
    "meetingDetailsTab",
    "meetingSidePanel",
    "meetingStage",
];

/// The contexts the guidelines require for meetings on Teams mobile.
const MOBILE_CONTEXTS: &[&str] = &["meetingDetailsTab", "meetingChatTab", "meetingSidePanel"];

fn strings<'v>(v: &'v Value, key: &str) -> Vec<&'v str> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (tp, tab) in items(&m.value, "/configurableTabs") {
        let context = strings(tab, "context");
        if !context.iter().any(|c| MEETING_CONTEXTS.contains(c)) {
            continue;
        }
        let scopes = strings(tab, "scopes");
        let mut missing: Vec<String> = Vec::new();
        if !scopes.contains(&"groupChat") {
            missing.push("the `groupChat` scope".into());
        }
        let contexts: Vec<&str> = MOBILE_CONTEXTS
            .iter()
            .copied()
            .filter(|c| !context.contains(c))
            .collect();
        if !contexts.is_empty() {
            let list: Vec<String> = contexts.iter().map(|c| format!("`{c}`")).collect();
            missing.push(format!(
                "the context{} {}",
                if contexts.len() == 1 { "" } else { "s" },
                list.join(", ")
            ));
        }
        if missing.is_empty() {
            continue;
        }
        let pointer = if scopes.contains(&"groupChat") {
            format!("{tp}/context")
        } else {
            format!("{tp}/scopes")
        };
        out.push(
            Finding::at(
                MANIFEST,
                pointer,
                format!(
                    "`{}` is a meeting tab but lacks {}, which meetings on Teams mobile need",
                    display_path(tp.as_str()),
                    missing.join(" and ")
                ),
            )
            .help("Add `groupChat` to the tab's `scopes` and `meetingDetailsTab`, `meetingChatTab` and `meetingSidePanel` to its `context`.")
            .label("meeting tab not declared for mobile"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "meeting-tab-mobile-contexts-missing";
    const TAB: &str = "fixtures/packages/tab-personal";

    fn with(scopes: serde_json::Value, context: serde_json::Value) -> Pkg {
        Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["configurableTabs"][0]["scopes"] = scopes;
            m["configurableTabs"][0]["context"] = context;
        })
    }

    #[test]
    fn meeting_tabs_need_group_chat_and_the_mobile_contexts() {
        let side_panel_only = with(
            json!(["team", "groupChat"]),
            json!(["channelTab", "meetingSidePanel"]),
        );
        let f = side_panel_only.findings(ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].pointer, "/configurableTabs/0/context");
        assert!(
            f[0].message
                .contains("`meetingDetailsTab`, `meetingChatTab`"),
            "{}",
            f[0].message
        );
        let no_group_chat = with(
            json!(["team"]),
            json!(["meetingDetailsTab", "meetingChatTab", "meetingSidePanel"]),
        );
        assert_eq!(
            no_group_chat.hits(ID),
            vec![at("manifest.json", "/configurableTabs/0/scopes")]
        );
    }

    #[test]
    fn complete_meeting_tabs_and_channel_tabs_pass() {
        assert!(Pkg::from_fixture(TAB).hits(ID).is_empty());
        let full = with(
            json!(["team", "groupChat"]),
            json!([
                "channelTab",
                "meetingDetailsTab",
                "meetingChatTab",
                "meetingSidePanel",
                "meetingStage"
            ]),
        );
        assert!(full.hits(ID).is_empty());
    }
}
