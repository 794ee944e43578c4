//! `connector-description-products`: `info.description` names a Power Platform product
//! (Power Apps, Power Automate, Logic Apps…).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;

const PRODUCTS: &[&str] = &[
    "power apps",
    "powerapps",
    "power automate",
    "microsoft flow",
    "power bi",
    "power pages",
    "power platform",
    "power virtual agents",
    "logic apps",
    "copilot studio",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(d) = s.pointer("/info/description").and_then(|v| v.as_str()) else {
        return;
    };
    let found = super::connector_title_words::restricted_in(d, PRODUCTS);
    if !found.is_empty() {
        out.push(
            Finding::at(file, "/info/description", format!("`info.description` names Power Platform products: {}", found.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")))
                .help("Describe the service itself; the connector description cannot name Power Platform products (the connector works in all of them).")
                .label("product name"),
        );
    }
}
