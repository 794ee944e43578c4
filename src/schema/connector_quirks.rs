//! The Power Platform connector repository's schemas (`schemas/json-schemas/connectors/`,
//! vendored unmodified) hold `//` comments and are stale: the platform accepts more than they
//! say. Patched here at load time, each patch with its evidence (see
//! `schemas/PROVENANCE-connectors.md`, patches P0 to P7).

use serde_json::{json, Value};

/// Removes `//` and `/* */` comments outside strings (the schemas' URLs keep their `//`).
pub fn strip_comments(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    let mut start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            out.push_str(&text[start..i]);
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            start = i;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            out.push_str(&text[start..i]);
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i = (i + 2).min(bytes.len());
            start = i;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[start.min(text.len())..]);
    out
}

fn add_property(obj: Option<&mut Value>, name: &str, schema: Value) {
    if let Some(props) = obj
        .and_then(|o| o.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        props.entry(name.to_string()).or_insert(schema);
    }
}

/// The patches, by schema.
pub fn patch(schema_path: &str, schema: &mut Value) {
    // draft-04 `id` would make the validator resolve `#` against a remote base; the
    // `http://json-schema.org/draft-04/schema#/properties/…` references are to the bundled
    // meta-schema.
    if let Some(o) = schema.as_object_mut() {
        o.remove("id");
    }
    if schema_path.ends_with("apiDefinition.swagger.schema.json") {
        // P1: root `x-ms-openai-manifest` (Copilot extensions; 35 merged connectors).
        add_property(Some(schema), "x-ms-openai-manifest", json!({"type": "object"}));
        // P2: `info.x-ms-keywords` (17 merged connectors).
        add_property(
            schema.pointer_mut("/definitions/info"),
            "x-ms-keywords",
            json!({"type": "array", "items": {"type": "string"}}),
        );
        // P3: per-operation `x-ms-openai-data` (37 merged connectors, 287 operations).
        add_property(
            schema.pointer_mut("/definitions/operation"),
            "x-ms-openai-data",
            json!({"type": "object"}),
        );
    } else if schema_path.ends_with("paconn-apiProperties.schema.json") {
        let props = schema.pointer_mut("/properties/properties");
        // P4: `scriptOperations` (custom code, "Write code in a custom connector").
        add_property(
            props,
            "scriptOperations",
            json!({"type": "array", "items": {"type": "string"}}),
        );
        // P5: `connectionParameterSets` (multi-auth; 10 connectors of the corpus).
        add_property(
            schema.pointer_mut("/properties/properties"),
            "connectionParameterSets",
            json!({"type": "object"}),
        );
        // P6: `redirectMode: "GlobalPerConnector"` (32 merged connectors; the enum lists only
        // Global and Direct).
        patch_enum(schema, "redirectMode", "GlobalPerConnector");
        // P7: the policy templates merged connectors use that the schema lacks
        // (dynamicsubdomain, moveproperties, setconnectionstatustounauthenticated), and
        // template ids in another case (`setHeader`, `SetProperty`…): any instance with a
        // `templateId` is accepted here; `connector-policy` checks the id against the known
        // list, case-insensitively.
        if let Some(def) = schema.pointer_mut("/definitions/PolicyTemplateInstance") {
            *def = json!({"type": "object", "required": ["templateId"]});
        }
    }
}

fn patch_enum(node: &mut Value, key: &str, extra: &str) {
    match node {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if k == key {
                    if let Some(list) = v.get_mut("enum").and_then(Value::as_array_mut) {
                        if !list.iter().any(|x| x == extra) {
                            list.push(Value::String(extra.to_string()));
                        }
                    }
                }
                patch_enum(v, key, extra);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| patch_enum(v, key, extra)),
        _ => {}
    }
}
