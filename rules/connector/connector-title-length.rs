//! `connector-title-length`: `info.title` is missing, empty or longer than 30 characters.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    match s.pointer("/info/title").and_then(|v| v.as_str()) {
        None => out.push(
            Finding::at(
                file,
                if s.get("info").is_some() { "/info" } else { "" },
                "the connector has no `info.title`",
            )
            .help("Give the connector a title of at most 30 characters: the name makers see."),
        ),
        Some(t) if t.trim().is_empty() => out.push(
            Finding::at(file, "/info/title", "`info.title` is empty")
                .help("Give the connector a title of at most 30 characters.")
                .label("empty"),
        ),
        Some(t) => {
            let n = t.chars().count();
            if n > 30 {
                out.push(
                    Finding::at(
                        file,
                        "/info/title",
                        format!("`info.title` has {n} characters; at most 30 are allowed"),
                    )
                    .help("Shorten the title to 30 characters or fewer.")
                    .label(format!("{n} characters")),
                );
            }
        }
    }
}
