//! `adaptive-card-url-missing`: an Adaptive Card response template without `metadata.webUrl`.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::cards;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for card in cards(ctx) {
        let has_url = card
            .value
            .pointer("/metadata/webUrl")
            .and_then(Value::as_str)
            .is_some_and(|u| !u.trim().is_empty());
        if !has_url && !card.url_mapped {
            out.push(
                Finding::at(card.file, card.pointer, "the Adaptive Card has no `metadata.webUrl`")
                    .help("Add `\"metadata\": {\"webUrl\": \"${url}\"}` to the card, bound to the item's URL in the response, so the card keeps its link when it is shared.")
                    .label("no URL in metadata"),
            );
        }
    }
}
