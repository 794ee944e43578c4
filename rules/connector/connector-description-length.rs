//! `connector-description-length`: `info.description` is missing, shorter than 30 or longer
//! than 500 characters.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    match s.pointer("/info/description").and_then(|v| v.as_str()) {
        None => out.push(
            Finding::at(file, if s.get("info").is_some() { "/info" } else { "" }, "the connector has no `info.description`")
                .help("Describe the service in 30 to 500 characters: makers read it when they pick the connector."),
        ),
        Some(d) => {
            let n = d.trim().chars().count();
            if !(30..=500).contains(&n) {
                out.push(
                    Finding::at(file, "/info/description", format!("`info.description` has {n} characters; it must have 30 to 500"))
                        .help(if n < 30 { "Write a fuller description of the service (at least 30 characters)." } else { "Shorten the description to 500 characters or fewer." })
                        .label(format!("{n} characters")),
                );
            }
        }
    }
}
