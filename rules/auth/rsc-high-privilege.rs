//! `rsc-high-privilege`: an application resource-specific consent permission that reads
//! conversation or meeting content, member rosters, or changes team, channel or chat settings.
//! Reported as info, one per permission, so the publisher prepares the justification the
//! reviewers and admins ask for; quiet when the long description already explains it.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::Out;
use serde_json::Value;

/// Application RSC permissions of the Teams RSC reference that grant access to message,
/// meeting or roster data or change settings, with words a description that explains the
/// permission uses (lowercase).
const HIGH: &[(&str, &str, &[&str])] = &[
    (
        "channelmessage.read.group",
        "read every message of the team's channels",
        &["channel message", "messages"],
    ),
    (
        "chatmessage.read.chat",
        "read every message of the chat",
        &["chat message", "messages"],
    ),
    (
        "teamsettings.readwrite.group",
        "change the team's settings",
        &["team setting", "settings"],
    ),
    (
        "channelsettings.readwrite.group",
        "change channel settings",
        &["channel setting", "settings"],
    ),
    (
        "chatsettings.readwrite.chat",
        "change the chat's settings",
        &["chat setting", "settings"],
    ),
    ("chat.manage.chat", "manage the chat", &["manage"]),
    (
        "teammember.read.group",
        "read the team's member list",
        &["member", "roster"],
    ),
    (
        "member.read.group",
        "read the team's member list",
        &["member", "roster"],
    ),
    (
        "chatmember.read.chat",
        "read the chat's member list",
        &["member", "participant", "roster"],
    ),
    (
        "onlinemeetingtranscript.read.chat",
        "read meeting transcripts",
        &["transcript"],
    ),
    (
        "onlinemeetingrecording.read.chat",
        "read meeting recordings",
        &["recording"],
    ),
    (
        "onlinemeetingparticipant.read.chat",
        "read meeting participants",
        &["participant", "attendee"],
    ),
    (
        "channelmeetingtranscript.read.group",
        "read channel meeting transcripts",
        &["transcript"],
    ),
    (
        "channelmeetingrecording.read.group",
        "read channel meeting recordings",
        &["recording"],
    ),
    (
        "channelmeetingparticipant.read.group",
        "read channel meeting participants",
        &["participant", "attendee"],
    ),
    (
        "calls.accessmedia.chat",
        "access the audio and video of calls",
        &["audio", "video", "media"],
    ),
    (
        "calls.joingroupcalls.chat",
        "join the chat's calls",
        &["call"],
    ),
    (
        "onlinemeetingiosettings.read.chat",
        "read the audio and video settings of meetings",
        &["audio", "video"],
    ),
    (
        "teamstab.readwrite.group",
        "create, change and remove the team's tabs",
        &["tab"],
    ),
    (
        "teamstab.readwrite.chat",
        "create, change and remove the chat's tabs",
        &["tab"],
    ),
    (
        "teamsappinstallation.readwrite.group",
        "install and remove apps in the team",
        &["install"],
    ),
    (
        "teamsappinstallation.readwrite.chat",
        "install and remove apps in the chat",
        &["install"],
    ),
];

/// Whether the manifest's long description explains the permission: it names what the
/// permission touches and speaks of a permission or consent.
fn disclosed(manifest: &Value, words: &[&str]) -> bool {
    let Some(full) = manifest
        .pointer("/description/full")
        .and_then(Value::as_str)
    else {
        return false;
    };
    let full = full.to_lowercase();
    words.iter().any(|w| full.contains(w))
        && ["permission", "consent", "grant"]
            .iter()
            .any(|w| full.contains(w))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let m = &doc.value;
    let mut requested: Vec<(String, &str)> = Vec::new();
    let rsc = m
        .pointer("/authorization/permissions/resourceSpecific")
        .and_then(Value::as_array);
    for (i, p) in rsc.into_iter().flatten().enumerate() {
        let is_app = p
            .get("type")
            .and_then(Value::as_str)
            .is_none_or(|t| t.eq_ignore_ascii_case("application"));
        if let (true, Some(name)) = (is_app, p.get("name").and_then(Value::as_str)) {
            requested.push((
                format!("/authorization/permissions/resourceSpecific/{i}/name"),
                name,
            ));
        }
    }
    let older = m
        .pointer("/webApplicationInfo/applicationPermissions")
        .and_then(Value::as_array);
    for (i, p) in older.into_iter().flatten().enumerate() {
        if let Some(name) = p.as_str() {
            requested.push((
                format!("/webApplicationInfo/applicationPermissions/{i}"),
                name,
            ));
        }
    }
    for (pointer, name) in requested {
        let lower = name.trim().to_ascii_lowercase();
        let Some((_, what, words)) = HIGH.iter().find(|(n, _, _)| *n == lower) else {
            continue;
        };
        if disclosed(m, words) {
            continue;
        }
        out.push(
                Finding::at(
                    MANIFEST,
                    pointer,
                    format!("the app requests `{name}`, which lets it {what} without a signed-in user"),
                )
                .help("Keep it only if a feature needs it, say in the long description which feature uses it and why, and prepare that justification for the store reviewers and for tenant admins.")
                .label("high-privilege permission"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "rsc-high-privilege";

    #[test]
    fn lists_each_undisclosed_high_privilege_permission() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({
                "description": {"full": "Harborlight Standup runs your daily check-in inside Microsoft Teams. [Sign up](https://harborlightlabs.net/signup)."},
                "authorization": {"permissions": {"resourceSpecific": [
                    {"name": "ChannelMessage.Read.Group", "type": "Application"},
                    {"name": "TeamSettings.Read.Group", "type": "Application"},
                    {"name": "TeamMember.Read.Group", "type": "Application"}
                ]}}
            }),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/authorization/permissions/resourceSpecific/0/name"
                ),
                at(
                    "manifest.json",
                    "/authorization/permissions/resourceSpecific/2/name"
                ),
            ]
        );
        assert!(pkg
            .findings(ID)
            .iter()
            .all(|f| f.severity == crate::finding::Severity::Info));
    }

    #[test]
    fn quiet_when_the_description_explains_the_permission() {
        // The base package explains that it reads channel messages and who grants it.
        assert!(Pkg::base().hits(ID).is_empty());
    }
}
