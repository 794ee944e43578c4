//! `name-surrounding-whitespace`: the app name (manifest or localization file) starts or ends with
//! white space. Fix (safe): the name without it.

use crate::finding::{Finding, Fix};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::localization::localization_files;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let mut places: Vec<(String, &str, &str)> = vec![
        (MANIFEST.to_string(), "/name/short", "name.short"),
        (MANIFEST.to_string(), "/name/full", "name.full"),
    ];
    for file in localization_files(ctx) {
        places.push((file.clone(), "/name.short", "name.short"));
        places.push((file, "/name.full", "name.full"));
    }
    for (file, pointer, field) in places {
        let Some(doc) = ctx.docs.get(&file) else {
            continue;
        };
        let Some(name) = doc.str_at(pointer) else {
            continue;
        };
        let trimmed = name.trim();
        if trimmed == name || trimmed.is_empty() {
            continue; // an empty name is the schema's and the length rules' finding
        }
        let fix = doc
            .replace_string(pointer, trimmed)
            .map(|e| Fix::safe("Remove the white space around the name", vec![e]));
        out.push(
            Finding::at(
                file.as_str(),
                pointer,
                format!("`{field}` is {name:?}, with white space around the name"),
            )
            .help(format!("Write the name as \"{trimmed}\"."))
            .label("white space around the name")
            .maybe_fix(fix),
        );
    }
}
