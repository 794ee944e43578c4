//! The Power Platform connector repository's schemas (`schemas/json-schemas/connectors/`,
//! vendored unmodified) hold `//` comments and are stale: the platform accepts more than they
//! say. Patched here, at build time (`build.rs`, through `quirks::patch_schema`), each patch with
//! its evidence (see `schemas/PROVENANCE-connectors.md`, patches P0 to P10).

use serde_json::{json, Value};

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
    // Definition names such as `x-ms-capabilities<api>` are not valid in a URI reference:
    // renamed (`x-ms-capabilities_api_`) in `definitions` and in every `$ref`.
    if let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) {
        if defs.keys().any(|k| k.contains(['<', '>'])) {
            let old = std::mem::take(defs);
            for (k, v) in old {
                defs.insert(uri_safe(&k), v);
            }
        }
    }
    rename_refs(schema);
    if schema_path.ends_with("apiDefinition.swagger.schema.json") {
        // P8: `format` is an open string in Swagger 2.0 ("formats such as email, uuid… may be
        // used even though undefined by this specification"); the repository's enum lists 14
        // values, merged connectors use others (`guid`, `duration`, `phone`, "": 13 of the
        // corpus's 400).
        if let Some(f) = schema.pointer_mut("/definitions/format") {
            *f = json!({"type": "string"});
        }
        // P1: root `x-ms-openai-manifest` (Copilot extensions; 35 merged connectors).
        add_property(
            Some(schema),
            "x-ms-openai-manifest",
            json!({"type": "object"}),
        );
        // P2: `info.x-ms-keywords` (17 merged connectors).
        add_property(
            schema.pointer_mut("/definitions/info"),
            "x-ms-keywords",
            json!({"type": "array", "items": {"type": "string"}}),
        );
        // P9: `info.x-ms-openai-published-to-copilots` (Copilot extensions; 3 connectors of
        // the corpus).
        add_property(
            schema.pointer_mut("/definitions/info"),
            "x-ms-openai-published-to-copilots",
            json!({}),
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
        // P10: the `aad` identity provider's `customParameters` also take
        // `enableOnbehalfOfLogin` (Azure AD on-behalf-of login; merged connectors such as
        // Emigo, Zellis, YakChat, Snowflake, PROS AI set it).
        add_aad_parameter(schema);
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

fn uri_safe(name: &str) -> String {
    name.replace(['<', '>'], "_")
}

fn rename_refs(node: &mut Value) {
    match node {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if k == "$ref" {
                    if let Value::String(r) = v {
                        if r.contains(['<', '>']) {
                            *r = uri_safe(r);
                        }
                    }
                } else {
                    rename_refs(v);
                }
            }
            // References into the draft-04 meta-schema (which is not bundled): replaced by
            // the type the meta-schema gives that keyword.
            let meta = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("http://json-schema.org/draft-04/schema#"))
                .map(|r| r.rsplit('/').next().unwrap_or_default().to_string());
            if let Some(keyword) = meta {
                map.remove("$ref");
                if let Value::Object(t) = meta_keyword(&keyword) {
                    map.extend(t);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rename_refs),
        _ => {}
    }
}

/// The draft-04 meta-schema's constraint on a schema keyword, simplified to its type.
fn meta_keyword(keyword: &str) -> Value {
    match keyword {
        "title" | "description" | "pattern" => json!({"type": "string"}),
        "multipleOf" | "maximum" | "minimum" => json!({"type": "number"}),
        "exclusiveMaximum" | "exclusiveMinimum" | "uniqueItems" => json!({"type": "boolean"}),
        "maxLength"
        | "minLength"
        | "maxItems"
        | "minItems"
        | "maxProperties"
        | "minProperties"
        | "positiveInteger"
        | "positiveIntegerDefault0" => {
            json!({"type": "integer", "minimum": 0})
        }
        "stringArray" => json!({"type": "array", "items": {"type": "string"}}),
        "enum" => json!({"type": "array", "minItems": 1}),
        "required" => json!({"type": "array", "items": {"type": "string"}}),
        _ => json!({}),
    }
}

fn add_aad_parameter(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if map.get("description").and_then(Value::as_str) == Some("identityProvider: aad") {
                if let Some(props) = map
                    .get_mut("properties")
                    .and_then(|p| p.get_mut("customParameters"))
                    .and_then(|c| c.get_mut("properties"))
                    .and_then(Value::as_object_mut)
                {
                    props
                        .entry("enableOnbehalfOfLogin".to_string())
                        .or_insert(json!({}));
                }
            }
            map.values_mut().for_each(add_aad_parameter);
        }
        Value::Array(items) => items.iter_mut().for_each(add_aad_parameter),
        _ => {}
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
