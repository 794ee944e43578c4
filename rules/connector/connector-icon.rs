//! `connector-icon`: a verified publisher's icon.png is not a PNG, not square, far from
//! 230×230, or its background is transparent, white, or not `iconBrandColor`.

use crate::finding::Finding;
use crate::image::Decoded;
use crate::model::Ctx;
use crate::rules::helpers::connector::{properties, publisher_kind};
use crate::rules::Out;
use crate::submission::PublisherKind;
use serde_json::Value;

fn hex(c: [u8; 4]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(file) = ctx.connector.as_ref().and_then(|c| c.icon.as_deref()) else {
        return;
    };
    if publisher_kind(ctx) == PublisherKind::Independent {
        return; // connector-icon-presence says the icon must go
    }
    let Some(Ok(bytes)) = ctx.package.read(file) else {
        return;
    };
    if !bytes.starts_with(crate::image::SIGNATURE) {
        out.push(
            Finding::at(file, "", "icon.png is not a PNG image")
                .help("Save the icon as PNG, 230×230 pixels.")
                .whole_file(),
        );
        return;
    }
    let decoded = crate::image::decode(bytes);
    let Decoded::Image(_, img) = &decoded else {
        out.push(
            Finding::at(file, "", "icon.png could not be decoded")
                .help("Save the icon again as a plain PNG, 230×230 pixels.")
                .whole_file(),
        );
        return;
    };
    let (w, h) = (img.width, img.height);
    if w != h || !(200..=260).contains(&w) {
        out.push(
            Finding::at(
                file,
                "",
                format!("icon.png is {w}×{h} pixels; the icon must be square, about 230×230"),
            )
            .help("Export the icon at 230×230 pixels, with the logo about 160×160 in its middle.")
            .whole_file(),
        );
    }
    let (xm, ym) = (w.saturating_sub(1), h.saturating_sub(1));
    let corners = [
        img.pixel(0, 0),
        img.pixel(xm, 0),
        img.pixel(0, ym),
        img.pixel(xm, ym),
    ];
    let bg = corners[0];
    if corners.iter().any(|c| c[3] < 255) {
        out.push(
            Finding::at(
                file,
                "",
                "icon.png has a transparent background; it must be opaque",
            )
            .help("Fill the background with the brand colour (`iconBrandColor`).")
            .whole_file(),
        );
        return;
    }
    if bg[0] > 245 && bg[1] > 245 && bg[2] > 245 {
        out.push(
            Finding::at(file, "", "icon.png has a white background")
                .help("Fill the background with the brand colour (`iconBrandColor`), not white.")
                .whole_file(),
        );
        return;
    }
    let brand = properties(ctx)
        .and_then(|(_, p)| p.get("iconBrandColor").and_then(Value::as_str))
        .map(|c| c.trim().to_ascii_lowercase());
    if let Some(brand) = brand {
        if super::connector_brand_color::is_hex_color(&brand) && hex(bg) != brand {
            let parse =
                |s: &str, i: usize| u8::from_str_radix(&s[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0);
            let far = (0..3).any(|i| (i32::from(parse(&brand, i)) - i32::from(bg[i])).abs() > 8);
            if far {
                out.push(
                    Finding::at(
                        file,
                        "",
                        format!(
                            "the icon's background {} differs from `iconBrandColor` {brand}",
                            hex(bg)
                        ),
                    )
                    .help("Make the icon's background and `iconBrandColor` the same colour.")
                    .whole_file(),
                );
            }
        }
    }
}
