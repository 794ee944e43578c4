//! `adaptive-card-image-alt-missing`: an `Image` of an Adaptive Card response template without
//! `altText`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::cards;
use crate::rules::Out;
use serde_json::Value;

/// Every `Image` element under `v`, with its pointer.
fn images<'v>(v: &'v Value, ptr: String, out: &mut Vec<(String, &'v Value)>) {
    match v {
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("Image") {
                out.push((ptr.clone(), v));
            }
            for (k, child) in map {
                images(
                    child,
                    format!("{ptr}/{}", crate::json::span::escape_token(k)),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                images(child, format!("{ptr}/{i}"), out);
            }
        }
        _ => {}
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for card in cards(ctx) {
        let mut found = Vec::new();
        images(card.value, card.pointer.clone(), &mut found);
        for (ptr, img) in found {
            let has_alt = img
                .get("altText")
                .and_then(Value::as_str)
                .is_some_and(|a| !a.trim().is_empty());
            if !has_alt {
                out.push(
                    Finding::at(card.file.clone(), ptr, "an image of the Adaptive Card has no `altText`")
                        .help("Give the image an `altText` that says what it shows (it may be bound to data, e.g. `${name}`).")
                        .label("no alt text"),
                );
            }
        }
    }
}
