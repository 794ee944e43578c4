//! `connector-title-end`: `info.title` does not end with a letter or a digit (a closing
//! parenthesis is accepted, as merged connectors show).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::swagger;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let Some(title) = s.pointer("/info/title").and_then(|v| v.as_str()) else {
        return;
    };
    let Some(last) = title.chars().last() else {
        return;
    };
    if !(last.is_alphanumeric() || last == ')') {
        out.push(
            Finding::at(file, "/info/title", format!("`info.title` \"{title}\" ends with `{last}`; it must end with a letter or a digit"))
                .help("Remove the trailing punctuation, space or symbol from the title.")
                .label("ends with a symbol"),
        );
    }
}
