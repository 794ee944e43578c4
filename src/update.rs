//! What changed between the last published version of a package and the checked one
//! (`--previous`), for the report: for a Teams app, capabilities added or removed, version and
//! name (here); for a connector, operations added or removed
//! (`rules::helpers::update::connector_changes`, over the connector helpers).

use serde::Serialize;
use serde_json::Value;

/// The last published version of a package, as the update rules read it.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The path of the previous package as given.
    pub input: String,
    /// Its kind (`teams`, `connector`): compared only with a package of the same kind.
    pub kind: &'static str,
    /// A Teams app's parsed manifest (`Null` for a connector).
    pub manifest: serde_json::Value,
    /// A connector's parsed swagger (`Null` for a Teams app).
    pub swagger: serde_json::Value,
}

impl Previous {
    /// The previous version of a Teams app.
    pub fn teams(input: impl Into<String>, manifest: Value) -> Self {
        Previous {
            input: input.into(),
            kind: "teams",
            manifest,
            swagger: Value::Null,
        }
    }

    /// The previous version of a connector.
    pub fn connector(input: impl Into<String>, swagger: Value) -> Self {
        Previous {
            input: input.into(),
            kind: "connector",
            manifest: Value::Null,
            swagger,
        }
    }
}

/// The update section of a package report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UpdateInfo {
    /// The previous package as given.
    pub previous: String,
    /// What changed, one line each (`capability added: bots`, `version: 1.0.0 → 1.1.0`).
    pub changes: Vec<String>,
}

/// The manifest members that are capabilities of an app.
const CAPABILITIES: &[&str] = &[
    "staticTabs",
    "configurableTabs",
    "bots",
    "composeExtensions",
    "connectors",
    "copilotAgents",
    "meetingExtensionDefinition",
    "activities",
    "graphConnector",
    "agenticUserTemplates",
    "agentSkills",
    "agentConnectors",
    "webApplicationInfo",
    "authorization",
];

fn present(m: &Value, key: &str) -> bool {
    match m.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// `label: before → after` when the string at `pointer` differs between `prev` and `cur`.
pub(crate) fn push_string_change(
    out: &mut Vec<String>,
    label: &str,
    pointer: &str,
    prev: &Value,
    cur: &Value,
) {
    let (p, c) = (
        prev.pointer(pointer).and_then(Value::as_str),
        cur.pointer(pointer).and_then(Value::as_str),
    );
    if p != c {
        out.push(format!(
            "{label}: {} → {}",
            p.unwrap_or("(none)"),
            c.unwrap_or("(none)")
        ));
    }
}

/// The changes from `prev` to `cur`, in a stable order.
pub fn changes(prev: &Value, cur: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["version", "manifestVersion", "id"] {
        push_string_change(&mut out, key, &format!("/{key}"), prev, cur);
    }
    push_string_change(&mut out, "name", "/name/short", prev, cur);
    for key in CAPABILITIES {
        match (present(prev, key), present(cur, key)) {
            (false, true) => out.push(format!("capability added: {key}")),
            (true, false) => out.push(format!("capability removed: {key}")),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn lists_changes() {
        let prev = json!({"version": "1.0.0", "id": "a", "bots": [{}], "name": {"short": "A"}});
        let cur =
            json!({"version": "1.1.0", "id": "a", "staticTabs": [{}], "name": {"short": "A"}});
        assert_eq!(
            super::changes(&prev, &cur),
            vec![
                "version: 1.0.0 → 1.1.0",
                "capability added: staticTabs",
                "capability removed: bots"
            ]
        );
    }
}
