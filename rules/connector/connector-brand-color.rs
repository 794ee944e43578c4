//! `connector-brand-color`: `iconBrandColor` is missing or not a hex colour; a certified
//! connector uses white or the default blue; an independent-publisher connector uses another
//! colour than #da3b01.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{properties, publisher_kind};
use crate::rules::Out;
use crate::submission::{PublisherKind, INDEPENDENT_BRAND_COLOR};
use serde_json::Value;

pub(crate) fn is_hex_color(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, p)) = properties(ctx) else {
        return;
    };
    let kind = publisher_kind(ctx);
    let Some(color) = p.get("iconBrandColor").and_then(Value::as_str) else {
        out.push(
            Finding::at(file, "/properties", "`iconBrandColor` is missing")
                .help(match kind {
                    PublisherKind::Independent => "Add `\"iconBrandColor\": \"#da3b01\"`: every independent-publisher connector uses it.",
                    PublisherKind::Certified => "Add `\"iconBrandColor\"`: the background colour of the icon, as `#rrggbb`.",
                }),
        );
        return;
    };
    let ptr = "/properties/iconBrandColor";
    let lower = color.trim().to_ascii_lowercase();
    if !is_hex_color(&lower) {
        out.push(
            Finding::at(
                file,
                ptr,
                format!("`iconBrandColor` \"{color}\" is not a hex colour `#rrggbb`"),
            )
            .help("Write the colour as `#` and six hex digits.")
            .label("not #rrggbb"),
        );
        return;
    }
    match kind {
        PublisherKind::Independent if lower != INDEPENDENT_BRAND_COLOR => out.push(
            Finding::at(file, ptr, format!("`iconBrandColor` is \"{color}\"; independent-publisher connectors must use \"#da3b01\""))
                .help("Set `\"iconBrandColor\": \"#da3b01\"` (the repository's rule for independent publishers; Microsoft applies the generic icon).")
                .label("must be #da3b01"),
        ),
        PublisherKind::Certified if lower == "#ffffff" || lower == "#007ee5" => out.push(
            Finding::at(file, ptr, format!("`iconBrandColor` is \"{color}\", {}; a certified connector needs its brand colour", if lower == "#ffffff" { "white" } else { "the default blue" }))
                .help("Set the colour of the icon's background: not white and not the default #007ee5.")
                .label("not a brand colour"),
        ),
        _ => {}
    }
}
