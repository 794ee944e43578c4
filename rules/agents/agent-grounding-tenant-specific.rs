//! `agent-grounding-tenant-specific`: a declarative agent grounded on resources of one tenant
//! (Graph connector connection ids, SharePoint or OneDrive items, Teams chats, mailboxes,
//! meetings, Dataverse tables, scenario models). They do not exist in a customer's tenant.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{agents, items};
use crate::rules::Out;
use serde_json::Value;

/// (capability, property, what it names).
const TENANT_FIELDS: &[(&str, &str, &str)] = &[
    (
        "GraphConnectors",
        "connections",
        "Copilot connector connection ids",
    ),
    (
        "OneDriveAndSharePoint",
        "items_by_sharepoint_ids",
        "SharePoint item ids",
    ),
    (
        "OneDriveAndSharePoint",
        "items_by_url",
        "SharePoint or OneDrive URLs",
    ),
    (
        "TeamsMessages",
        "urls",
        "Teams chat, channel or meeting URLs",
    ),
    ("Email", "folders", "mailbox folders"),
    ("Email", "shared_mailbox", "a shared mailbox"),
    ("Email", "group_mailboxes", "group mailboxes"),
    ("Meetings", "items_by_id", "meeting ids"),
    (
        "Dataverse",
        "knowledge_sources",
        "Dataverse knowledge sources",
    ),
    ("ScenarioModels", "models", "scenario model ids"),
];

/// Mail folders every mailbox has (Microsoft Graph's well-known folder names): grounding on
/// them works in any tenant.
const WELL_KNOWN_FOLDERS: &[&str] = &[
    "archive",
    "clutter",
    "conflicts",
    "conversationhistory",
    "deleteditems",
    "drafts",
    "inbox",
    "junkemail",
    "localfailures",
    "msgfolderroot",
    "outbox",
    "recoverableitemsdeletions",
    "scheduled",
    "searchfolders",
    "sentitems",
    "serverfailures",
    "syncissues",
];

/// Whether every mail folder of an Email capability is a well-known one.
fn only_well_known_folders(folders: &Value) -> bool {
    folders.as_array().is_some_and(|items| {
        items.iter().all(|f| {
            f.get("folder_id")
                .and_then(Value::as_str)
                .is_some_and(|id| {
                    let id = id.trim().to_ascii_lowercase().replace([' ', '_'], "");
                    WELL_KNOWN_FOLDERS.contains(&id.as_str())
                })
        })
    })
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (file, a) in agents(ctx) {
        for (cp, cap) in items(a, "/capabilities") {
            let Some(name) = cap.get("name").and_then(Value::as_str) else {
                continue;
            };
            for (c, prop, what) in TENANT_FIELDS {
                if *c != name {
                    continue;
                }
                let present = match cap.get(*prop) {
                    Some(Value::Array(v)) => !v.is_empty(),
                    Some(Value::String(s)) => !s.trim().is_empty(),
                    Some(Value::Null) | None => false,
                    Some(_) => true,
                };
                if !present {
                    continue;
                }
                if *prop == "folders" && cap.get(*prop).is_some_and(only_well_known_folders) {
                    continue;
                }
                let fix = if name == "GraphConnectors" {
                    "Remove `connections` so the agent grounds on every connector the customer's admin enabled (the store requires the GraphConnectors node to be blank)."
                } else {
                    "Remove the tenant-specific scope for a store submission (omit it to search all the user's content of that kind), or submit the agent to your own organization's catalog (`--profile org`)."
                };
                out.push(
                        Finding::at(
                            file,
                            format!("{cp}/{prop}"),
                            format!("the {name} capability names {what} (`{prop}`), which exist only in your tenant and cannot work for store customers"),
                        )
                        .help(fix)
                        .label("tenant-specific"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};
    use crate::rules::Profile;
    use serde_json::json;

    const ID: &str = "agent-grounding-tenant-specific";
    const DA: &str = "fixtures/packages/declarative-agent";

    fn grounded() -> Pkg {
        Pkg::from_fixture(DA).patch(
            "declarativeAgent.json",
            json!({"capabilities": [
                {"name": "GraphConnectors", "connections": [{"connection_id": "policiesKb"}]},
                {"name": "OneDriveAndSharePoint"},
                {"name": "TeamsMessages", "urls": [{"url": "https://teams.microsoft.com/l/channel/19%3a1/General"}]}
            ]}),
        )
    }

    #[test]
    fn flags_tenant_resources_in_store_only() {
        assert_eq!(
            grounded().hits(ID),
            vec![
                at("declarativeAgent.json", "/capabilities/0/connections"),
                at("declarativeAgent.json", "/capabilities/2/urls")
            ]
        );
        let org = grounded().profile(Profile::Org).findings(ID);
        assert!(org.iter().all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn accepts_unscoped_capabilities() {
        assert!(Pkg::from_fixture(DA)
            .patch(
                "declarativeAgent.json",
                json!({"capabilities": [{"name": "OneDriveAndSharePoint"}, {"name": "WebSearch"}]})
            )
            .hits(ID)
            .is_empty());
    }
}
