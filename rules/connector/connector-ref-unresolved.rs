//! `connector-ref-unresolved`: a `$ref` of the swagger points nowhere (paconn answers HTTP
//! 500 on it) or outside the file.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{refs, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut all = Vec::new();
    refs(s, "", &mut all);
    for (ptr, r) in all {
        let target = r.strip_prefix('#');
        let ok = target.is_some_and(|t| {
            let decoded = t.replace("%20", " ");
            s.pointer(t).is_some() || s.pointer(&decoded).is_some()
        });
        if !ok {
            let why = if target.is_none() {
                "is not a reference inside the swagger (connectors are one file)"
            } else {
                "points to nothing"
            };
            out.push(
                Finding::at(file, ptr, format!("`$ref` \"{r}\" {why}"))
                    .help("Point the `$ref` at an existing `#/definitions/…`, `#/parameters/…` or `#/responses/…` entry (names are case-sensitive).")
                    .label("unresolved $ref"),
            );
        }
    }
}
